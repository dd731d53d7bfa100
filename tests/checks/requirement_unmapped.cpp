#include "../support.hpp"

using namespace baton;
using namespace baton::test;

namespace {
const std::string requirements = R"(, "requirements": [
  {"id": "r1", "text": "Samtale med barnet før afgørelse"},
  {"id": "r2", "text": "Vurdering inden for 24 timer"},
  {"id": "r3", "text": "Screening", "rule": {"type": "existence", "steps": "a"}}])";
}

TEST_CASE("requirement-unmapped: a requirement nothing carries out is reported", "[checks][requirement-unmapped]") {
  auto found = run_check(two_step_json(R"(, "satisfies": ["r2"])", "", "", requirements), "requirement-unmapped");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/requirements/0");
  CHECK(found[0].requirement == "r1");
  CHECK(found[0].message.find("Samtale med barnet") != std::string::npos);
}

TEST_CASE("requirement-unmapped: satisfied or ruled requirements are not reported", "[checks][requirement-unmapped]") {
  CHECK(run_check(two_step_json(R"(, "satisfies": ["r1", "r2"])", "", "", requirements), "requirement-unmapped").empty());
}
