// Helpers shared by the tests: small workflows written inline, and running
// one check on them.
#pragma once

#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/registry.hpp>

#include "gateways.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <string>
#include <vector>

namespace baton::test {

inline std::shared_ptr<const Workflow> load(const std::string& json) { return load_workflow(json, "test.json"); }

inline std::shared_ptr<const Workflow> load_fixture(const std::string& relative) {
  return load_workflow_file(std::string(BATON_FIXTURES) + "/" + relative);
}

// The findings of one check, with the other checks off ("": of every check).
inline std::vector<Finding> findings_of(const Workflow& wf, const std::string& rule, CheckOptions options = {}) {
  if (!rule.empty()) options.only = {rule};
  if (!options.today) options.today = Date::parse("2026-11-24");
  auto report = run_checks(wf, options);
  std::vector<Finding> out;
  for (auto& f : report.findings)
    if (rule.empty() || f.rule == rule) out.push_back(std::move(f));
  return out;
}

// Whether the check gives the same answers when every split and join is
// moved onto a gateway (gateways.hpp).
inline void require_same_with_gateways(const Workflow& wf, const std::string& rule, const CheckOptions& options,
                                       const std::vector<Finding>& findings) {
  const GatewayTwin twin = with_gateways(wf);
  std::vector<Finding> mapped;
  for (Finding& f : findings_of(*twin.workflow, rule, options))
    if (auto back = mapped_back(twin, wf, std::move(f))) mapped.push_back(std::move(*back));
  const std::vector<Finding> with = comparable(mapped), without = comparable(findings);
  std::vector<Finding> only_with, only_without;
  std::ranges::set_difference(with, without, std::back_inserter(only_with), finding_order);
  std::ranges::set_difference(without, with, std::back_inserter(only_without), finding_order);
  INFO("the same workflow with its splits and joins on gateways");
  CHECK(only_with.empty());
  CHECK(only_without.empty());
}

// The findings of one check, with the other checks off; on a workflow
// without gateways, checked to be the same with gateways (a smaller state
// limit than the default would count the gateways' states, so it is left).
inline std::vector<Finding> run_check(const Workflow& wf, const std::string& rule, CheckOptions options = {}) {
  std::vector<Finding> out = findings_of(wf, rule, options);
  const bool has_gateways =
      std::ranges::any_of(wf.steps(), [](const Step& s) { return s.kind == StepKind::gateway; });
  if (!has_gateways && options.state_limit == 0) require_same_with_gateways(wf, rule, options, out);
  return out;
}

inline std::vector<Finding> run_check(const std::string& json, const std::string& rule, CheckOptions options = {}) {
  return run_check(*load(json), rule, std::move(options));
}

// A workflow from a compact description: `steps` and `transitions` are the
// JSON arrays' contents, `extra` more top-level members (with a leading comma).
inline std::string workflow_json(const std::string& steps, const std::string& transitions,
                                 const std::string& extra = "") {
  return R"({"baton": 1, "id": "t", "name": "Test", "steps": [)" + steps + R"(], "transitions": [)" +
         transitions + "]" + extra + "}";
}

// A step: `members` are more JSON members, with a leading comma.
inline std::string step(const std::string& id, const std::string& name, const std::string& members = "") {
  return R"({"id": ")" + id + R"(", "name": ")" + name + "\"" + members + "}";
}

// Transitions, each "from>to".
inline std::string edges(const std::vector<std::string>& pairs) {
  std::string out;
  for (const std::string& p : pairs) {
    const auto gt = p.find('>');
    out += (out.empty() ? "" : ", ") + std::string(R"({"from": ")") + p.substr(0, gt) + R"(", "to": ")" +
           p.substr(gt + 1) + "\"}";
  }
  return out;
}

// Start "s", `steps`, then Slut "e": the contents of a steps array.
inline std::string between_start_and_end(const std::vector<std::string>& steps) {
  std::string all = step("s", "Start", R"(, "kind": "start")");
  for (const std::string& s : steps) all += ", " + s;
  return all + ", " + step("e", "Slut", R"(, "kind": "end")");
}

}  // namespace baton::test

namespace baton::test {

// Start -> a -> b -> End with two teams; `a_extra`/`b_extra` are more members
// of steps a and b, `handover` the members of the transition a -> b.
inline std::string two_step_json(const std::string& a_extra, const std::string& b_extra,
                                 const std::string& handover = "", const std::string& extra = "") {
  return workflow_json(
      R"({"id": "s", "name": "Start", "kind": "start"},
         {"id": "a", "name": "Modtag underretning")" + a_extra + R"(},
         {"id": "b", "name": "Vurdér underretning")" + b_extra + R"(},
         {"id": "e", "name": "Slut", "kind": "end"})",
      R"({"from": "s", "to": "a"}, {"from": "a", "to": "b")" + handover + R"(}, {"from": "b", "to": "e"})",
      R"(, "teams": [{"id": "intake", "name": "Modtagelsen", "roles": ["radgiver", "leder"]},
                     {"id": "myn", "name": "Myndighed", "roles": ["radgiver", "leder"]}])" + extra);
}

// Top-level members declaring artifacts "u" (Underretning), "v" (Vurdering)
// and the system "dubu", for two_step_json's `extra`.
inline const std::string two_artifacts =
    R"(, "artifacts": [{"id": "u", "name": "Underretning"}, {"id": "v", "name": "Vurdering"}],
       "systems": [{"id": "dubu", "name": "DUBU"}])";

}  // namespace baton::test

namespace Catch {
// A finding as its fields, for failure messages.
template <>
struct StringMaker<baton::Finding> {
  static std::string convert(const baton::Finding& f) {
    std::string out = f.rule + " " + f.pointer + " " + std::string(baton::to_string(f.severity)) + " \"" + f.message +
                      "\" steps:";
    for (const auto& s : f.steps) out += " " + s;
    out += " transitions:";
    for (const auto& [a, b] : f.transitions) out += " " + a + ">" + b;
    out += " witness:";
    for (const auto& s : f.witness) out += " " + s;
    return out;
  }
};
}  // namespace Catch
