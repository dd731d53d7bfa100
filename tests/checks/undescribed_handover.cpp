#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("undescribed-handover: a team handover without how is a warning", "[checks][undescribed-handover]") {
  auto found = run_check(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")",
                                       R"(, "handover": {"responsible": {"team": "intake"}})"),
                         "undescribed-handover");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].pointer == "/transitions/1");
}

TEST_CASE("undescribed-handover: a role handover without how is an info", "[checks][undescribed-handover]") {
  auto found = run_check(two_step_json(R"(, "team": "myn", "role": "radgiver")", R"(, "team": "myn", "role": "leder")"),
                         "undescribed-handover");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::info);
}

TEST_CASE("undescribed-handover: a described handover is not reported", "[checks][undescribed-handover]") {
  CHECK(run_check(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")", R"(, "handover": {"how": "Sendes i DUBU"})"),
                  "undescribed-handover")
            .empty());
}
