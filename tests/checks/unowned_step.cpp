#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("unowned-step: a task with no team is reported", "[checks][unowned-step]") {
  auto found = run_check(workflow_json(R"({"id": "s", "name": "Start", "kind": "start"},
      {"id": "a", "name": "Vurdér underretning"}, {"id": "e", "name": "Slut", "kind": "end"})",
                                       R"({"from": "s", "to": "a"}, {"from": "a", "to": "e"})"),
                         "unowned-step");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/steps/1");
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].steps == std::vector<std::string>{"a"});
  CHECK(found[0].message.find("Vurdér underretning") != std::string::npos);
}

TEST_CASE("unowned-step: start and end steps and owned steps are not reported", "[checks][unowned-step]") {
  auto found = run_check(workflow_json(R"({"id": "s", "name": "Start", "kind": "start"},
      {"id": "a", "name": "A", "team": "t1"}, {"id": "e", "name": "Slut", "kind": "end"})",
                                       R"({"from": "s", "to": "a"}, {"from": "a", "to": "e"})",
                                       R"(, "teams": [{"id": "t1", "name": "Team"}])"),
                         "unowned-step");
  CHECK(found.empty());
}
