#include "../support.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("unrecorded-output: a written artifact no step records is reported", "[checks][unrecorded-output]") {
  auto found = run_check(two_step_json(R"(, "writes": ["u"])", R"(, "writes": ["u"])", "", two_artifacts), "unrecorded-output");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/artifacts/0");
  CHECK(found[0].steps == std::vector<std::string>{"a", "b"});
}

TEST_CASE("unrecorded-output: recorded in any system, or never written, is not reported", "[checks][unrecorded-output]") {
  CHECK(run_check(two_step_json(R"(, "writes": ["u"])", R"(, "it": {"system": "dubu", "records": ["u"]})", "", two_artifacts),
                  "unrecorded-output")
            .empty());
  CHECK(run_check(two_step_json(R"(, "reads": ["u"])", "", "", two_artifacts), "unrecorded-output").empty());
}
