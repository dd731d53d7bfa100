#include "../support.hpp"

using namespace baton;
using namespace baton::test;

namespace {
const std::string templates = R"(, "templates": [{"id": "k", "name": "Kvittering"}, {"id": "p", "name": "Planskabelon"}])";
}

TEST_CASE("unused-template: a template no step uses is reported", "[checks][unused-template]") {
  auto found = run_check(two_step_json(R"(, "templates": ["k"])", "", "", templates), "unused-template");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/templates/1");
}

TEST_CASE("unused-template: templates used by steps are not reported", "[checks][unused-template]") {
  CHECK(run_check(two_step_json(R"(, "templates": ["k"])", R"(, "templates": ["p"])", "", templates), "unused-template")
            .empty());
}
