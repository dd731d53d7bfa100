#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("undescribed-step: a work step with no description is reported", "[checks][undescribed-step]") {
  auto found = run_check(two_step_json(R"(, "description": "Registreres i DUBU")", ""), "undescribed-step");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/steps/2");
  CHECK(found[0].severity == Severity::info);
  CHECK(found[0].steps == std::vector<std::string>{"b"});
  CHECK(found[0].message.find("Vurdér underretning") != std::string::npos);
}

TEST_CASE("undescribed-step: described steps and start/end steps are not reported", "[checks][undescribed-step]") {
  CHECK(run_check(two_step_json(R"(, "description": "x")", R"(, "description": "y")"), "undescribed-step").empty());
}
