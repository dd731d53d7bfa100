#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("unowned-handover: a team handover without responsible is an error", "[checks][unowned-handover]") {
  auto found = run_check(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")", R"(, "handover": {"how": "DUBU"})"),
                         "unowned-handover");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/transitions/1");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].transitions == std::vector<std::pair<std::string, std::string>>{{"a", "b"}});
  CHECK(found[0].message.find("Modtagelsen") != std::string::npos);
}

TEST_CASE("unowned-handover: a role handover without responsible is a warning", "[checks][unowned-handover]") {
  auto found = run_check(two_step_json(R"(, "team": "myn", "role": "radgiver")", R"(, "team": "myn", "role": "leder")"),
                         "unowned-handover");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
}

TEST_CASE("unowned-handover: no handover, or a responsible one, is not reported", "[checks][unowned-handover]") {
  // Same team, no roles: no handover. A step without team: no handover either.
  CHECK(run_check(two_step_json(R"(, "team": "myn")", R"(, "team": "myn")"), "unowned-handover").empty());
  CHECK(run_check(two_step_json(R"(, "team": "myn", "role": "leder")", R"(, "team": "myn")"), "unowned-handover").empty());
  CHECK(run_check(two_step_json("", R"(, "team": "myn")"), "unowned-handover").empty());
  CHECK(run_check(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")",
                                R"(, "handover": {"responsible": {"team": "intake", "role": "leder"}})"),
                  "unowned-handover")
            .empty());
}

TEST_CASE("unowned-handover: the severity can be changed per analysis", "[checks][unowned-handover]") {
  CheckOptions options;
  options.severity["unowned-handover"] = Severity::info;
  auto found = run_check(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")"), "unowned-handover", options);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::info);
}
