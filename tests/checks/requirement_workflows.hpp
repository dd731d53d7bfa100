// Small workflows with requirements, shared by the tests of the requirement
// checks (precedence-, response-, existence-violated, the deadline checks and
// case-type-incomplete).
#pragma once

#include "../oracle/oracle.hpp"
#include "../support.hpp"

#include <string>
#include <vector>

namespace baton::test::requirements {

// A requirement "r" with a rule: `type`, the rule's other members, and
// more members of the requirement (with a leading comma), e.g. case_types.
inline std::string rule(const std::string& type, const std::string& members, const std::string& more = "") {
  return R"({"id": "r", "text": "Krav", "rule": {"type": ")" + type + R"(", )" + members + "}" + more + "}";
}

// A workflow with the given requirements (the array's contents) and more
// top-level members (with a leading comma).
inline std::string with(const std::string& steps, const std::string& transitions, const std::string& requirements,
                        const std::string& extra = "") {
  return workflow_json(steps, transitions, R"(, "requirements": [)" + requirements + "]" + extra);
}

// Start -> Indstilling (XOR) -> either Samtale med barnet -> Afgørelse, or
// Afgørelse directly -> Slut. The case type "direkte" goes straight to the
// decision, "samtale" by the conversation.
inline const std::string branch_steps = R"({"id": "s", "name": "Start", "kind": "start"},
    {"id": "x", "name": "Indstilling", "kind": "decision"},
    {"id": "c", "name": "Samtale med barnet", "tags": ["samtale"]},
    {"id": "a", "name": "Afgørelse"}, {"id": "e", "name": "Slut", "kind": "end"})";
inline const std::string branch_transitions = R"({"from": "s", "to": "x"}, {"from": "x", "to": "c"},
    {"from": "x", "to": "a"}, {"from": "c", "to": "a"}, {"from": "a", "to": "e"})";
inline const std::string branch_case_types = R"(, "case_types": [
    {"id": "direkte", "name": "Direkte afgørelse", "choices": {"x": "a"}},
    {"id": "samtale", "name": "Med samtale", "choices": {"x": "c"}}])";

// Start -> Fordel (AND) -> Samtale med barnet and Udtalelser -> Saml (AND)
// -> Afgørelse -> Slut.
inline const std::string and_block_steps = R"({"id": "s", "name": "Start", "kind": "start"},
    {"id": "p", "name": "Fordel", "split": "and"}, {"id": "c", "name": "Samtale med barnet"},
    {"id": "u", "name": "Udtalelser"}, {"id": "j", "name": "Saml", "join": "and"},
    {"id": "a", "name": "Afgørelse"}, {"id": "e", "name": "Slut", "kind": "end"})";
inline const std::string and_block_transitions = R"({"from": "s", "to": "p"}, {"from": "p", "to": "c"},
    {"from": "p", "to": "u"}, {"from": "c", "to": "j"}, {"from": "u", "to": "j"}, {"from": "j", "to": "a"},
    {"from": "a", "to": "e"})";

// Start "s" -> `steps` -> Slut "e", the transitions as for edges(), with the
// given requirements and more top-level members.
inline std::string flow(const std::vector<std::string>& steps, const std::vector<std::string>& transitions,
                        const std::string& requirements, const std::string& extra = "") {
  return with(between_start_and_end(steps), edges(transitions), requirements, extra);
}

// Members of a step that may take `duration`.
inline std::string takes(const std::string& duration) { return R"(, "duration": ")" + duration + "\""; }

// A response rule: `then` within `within` of `first`.
inline std::string deadline(const std::string& first, const std::string& then, const std::string& within,
                            const std::string& more = "") {
  return rule("response", R"("first": ")" + first + R"(", "then": ")" + then + R"(", "within": ")" + within + "\"",
              more);
}

// A decision "f" (Afgørelse), then the plan "p" (Barnets plan) taking
// `plan`, with a deadline on the plan of `within` after the decision.
inline std::string decision_then_plan(const std::string& plan, const std::string& within) {
  return flow({step("f", "Afgørelse", takes("P1D")), step("p", "Barnets plan", takes(plan))}, {"s>f", "f>p", "p>e"},
              deadline("f", "p", within));
}

// What every finding about the requirement "r", the first one, carries.
inline void check_about_r(const Finding& f, Severity severity, const std::string& case_type = "") {
  CHECK(f.pointer == "/requirements/0");
  CHECK(f.severity == severity);
  CHECK(f.requirement == "r");
  CHECK(f.case_type == case_type);
}

// At a state limit too small for any exploration, `rule` reports nothing
// and analysis-limit names it.
inline void check_stops_at_tiny_limit(const std::string& json, const std::string& rule) {
  CheckOptions options;
  options.only = {rule, "analysis-limit"};
  options.today = Date::parse("2026-11-24");
  options.state_limit = 2;
  const auto found = run_checks(*load(json), options).findings;
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "analysis-limit");
  CHECK(found[0].message.find(rule) != std::string::npos);
}

}  // namespace baton::test::requirements
