#include "soundness_workflows.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("dead-end: a step from which no path reaches an end step is reported", "[checks][dead-end]") {
  // The loop b <-> c has no way out.
  auto found = run_check(workflow_json(R"({"id": "s", "name": "Start", "kind": "start"},
      {"id": "a", "name": "Visitation"}, {"id": "b", "name": "Afventer svar"}, {"id": "c", "name": "Rykker"},
      {"id": "e", "name": "Slut", "kind": "end"})",
                                       R"({"from": "s", "to": "a"}, {"from": "a", "to": "e"},
      {"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "b"})"),
                         "dead-end");
  REQUIRE(found.size() == 2);
  CHECK(found[0].pointer == "/steps/2");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"b"});
  CHECK(found[0].message.find("Afventer svar") != std::string::npos);
  CHECK(found[1].steps == std::vector<std::string>{"c"});
}

TEST_CASE("dead-end: loops with a way out and end steps are not reported", "[checks][dead-end]") {
  auto found = run_check(soundness::rework_loop, "dead-end");
  CHECK(found.empty());
}
