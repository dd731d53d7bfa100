#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("no-it-support: a work step with no it is reported", "[checks][no-it-support]") {
  auto found = run_check(two_step_json(R"(, "it": {})", R"(, "kind": "decision")"), "no-it-support");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/steps/2");
  CHECK(found[0].severity == Severity::info);
}

TEST_CASE("no-it-support: an empty it object counts as described support", "[checks][no-it-support]") {
  CHECK(run_check(two_step_json(R"(, "it": {})", R"(, "it": {"function": "Opret sag"})"), "no-it-support").empty());
}
