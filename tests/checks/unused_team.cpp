#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("unused-team: a team nothing names is reported", "[checks][unused-team]") {
  auto found = run_check(two_step_json(R"(, "team": "myn")", R"(, "team": "myn")"), "unused-team");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/teams/0");
  CHECK(found[0].message.find("Modtagelsen") != std::string::npos);
}

TEST_CASE("unused-team: a team named by a handover or the review is used", "[checks][unused-team]") {
  CHECK(run_check(two_step_json(R"(, "team": "myn")", R"(, "team": "myn")",
                                R"(, "handover": {"responsible": {"team": "intake"}})"),
                  "unused-team")
            .empty());
  CHECK(run_check(two_step_json(R"(, "team": "myn")", "", "", R"(, "review": {"owner": "intake"})"), "unused-team")
            .empty());
}
