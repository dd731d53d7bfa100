// Small workflows for the waste checks: steps written compactly, the
// artifacts they read, write, check and record, and the systems they record in.
#pragma once

#include "../support.hpp"

#include <string>
#include <utility>
#include <vector>

namespace baton::test::waste {

// Start "s" -> `steps` -> End "e", with the artifacts u, v, w and systems
// dubu, oko; `transitions` as for edges(); empty: one after the other.
inline std::string workflow(const std::vector<std::string>& steps, std::vector<std::string> transitions = {}) {
  if (transitions.empty()) {
    std::string previous = "s";
    for (const std::string& s : steps) {
      const auto id_start = s.find(":") + 3;
      const std::string id = s.substr(id_start, s.find('"', id_start) - id_start);
      transitions.push_back(previous + ">" + id);
      previous = id;
    }
    transitions.push_back(previous + ">e");
  }
  return workflow_json(between_start_and_end(steps), edges(transitions),
                       R"(, "artifacts": [{"id": "u", "name": "Børnefaglig undersøgelse"},
                                          {"id": "v", "name": "Indstilling"}, {"id": "w", "name": "Skoleudtalelse"}],
                          "systems": [{"id": "dubu", "name": "DUBU"}, {"id": "oko", "name": "Økonomisystem"}])");
}

// Members of a step that checks u for `aspect`.
inline std::string checks_u(const std::string& aspect = "godkendt") {
  return R"(, "kind": "control", "checks": [{"artifact": "u", "aspect": ")" + aspect + R"("}])";
}

// The findings of `rule` on workflow(steps, transitions).
inline std::vector<Finding> found(const std::string& rule, const std::vector<std::string>& steps,
                                  const std::vector<std::string>& transitions = {}) {
  return run_check(workflow(steps, transitions), rule);
}

// `findings` is exactly one finding, with these fields.
inline void check_one(const std::vector<Finding>& findings, const std::string& pointer, Severity severity,
                      const std::vector<std::string>& steps, const std::string& message) {
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].pointer == pointer);
  CHECK(findings[0].severity == severity);
  CHECK(findings[0].steps == steps);
  CHECK(findings[0].message == message);
}

// Steps the waste tests share: the investigation that writes u, AND and XOR
// gates (x splits, j joins) and a decision that may send the case back.
inline const std::string investigate = step("a", "Udarbejd undersøgelse", R"(, "writes": ["u"])");
inline const std::string and_split = step("x", "Fordel", R"(, "split": "and")");
inline const std::string and_join = step("j", "Saml", R"(, "join": "and")");
inline const std::string xor_split = step("x", "Visitér");
inline const std::string xor_join = step("j", "Saml");
inline const std::string decide = step("d", "Færdig?", R"(, "kind": "decision")");

}  // namespace baton::test::waste
