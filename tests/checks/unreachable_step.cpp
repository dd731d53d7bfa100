#include "soundness_workflows.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("unreachable-step: a step no path from the start reaches is reported", "[checks][unreachable-step]") {
  auto found = run_check(workflow_json(R"({"id": "s", "name": "Start", "kind": "start"},
      {"id": "a", "name": "Vurdér underretning"}, {"id": "g", "name": "Glemt opfølgning"},
      {"id": "e", "name": "Slut", "kind": "end"})",
                                       R"({"from": "s", "to": "a"}, {"from": "a", "to": "e"},
      {"from": "g", "to": "e"})"),
                         "unreachable-step");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/steps/2");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"g"});
  CHECK(found[0].message.find("Glemt opfølgning") != std::string::npos);
}

TEST_CASE("unreachable-step: steps reached only through a loop are reachable", "[checks][unreachable-step]") {
  auto found = run_check(soundness::rework_loop, "unreachable-step");
  CHECK(found.empty());
}
