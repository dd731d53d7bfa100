#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("unused-artifact: an artifact no step uses is reported", "[checks][unused-artifact]") {
  auto found = run_check(two_step_json(R"(, "writes": ["u"])", "", "", two_artifacts), "unused-artifact");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/artifacts/1");
  CHECK(found[0].message.find("Vurdering") != std::string::npos);
}

TEST_CASE("unused-artifact: reading, checking or recording uses an artifact", "[checks][unused-artifact]") {
  CHECK(run_check(two_step_json(R"(, "reads": ["u"])", R"(, "checks": [{"artifact": "v"}])", "", two_artifacts),
                  "unused-artifact")
            .empty());
  CHECK(run_check(two_step_json(R"(, "it": {"records": ["u", "v"]})", "", "", two_artifacts), "unused-artifact").empty());
}
