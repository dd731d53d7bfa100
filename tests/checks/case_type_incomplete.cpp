#include "soundness_workflows.hpp"
#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {

std::vector<Finding> incomplete(const std::string& json) { return run_check(json, "case-type-incomplete"); }

// Start -> Indstilling -> Samtale -> Slut, or -> Venteliste, which has no way on.
std::string waiting_list(const std::string& case_types) {
  return flow({step("x", "Indstilling"), step("c", "Samtale med barnet"), step("u", "Venteliste")},
              {"s>x", "x>c", "x>u", "c>e"}, "", case_types);
}

// Start -> Visitation (XOR) -> two branches -> Samlet vurdering (AND) -> Slut,
// with the case types given.
std::string xor_into_and(const std::string& case_types) {
  const std::string json = soundness::split_join("xor", "and");
  return json.substr(0, json.size() - 1) + case_types + "}";
}

}  // namespace

TEST_CASE("case-type-incomplete: the case type's choice leads to a step with no way on",
          "[checks][case-type-incomplete]") {
  auto found = incomplete(waiting_list(R"(, "case_types": [{"id": "samtale", "name": "Med samtale", "choices": {"x": "c"}},
      {"id": "vent", "name": "Venteliste", "choices": {"x": "u"}}])"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/case_types/1");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].case_type == "vent");
  CHECK(found[0].requirement.empty());
  CHECK(found[0].steps == std::vector<std::string>{"u"});
  CHECK(found[0].message == "No case of the type \u201CVenteliste\u201D can be completed: they get stuck at "
                            "\u201CVenteliste\u201D.");
}

TEST_CASE("case-type-incomplete: a case type without choices completes where some run does",
          "[checks][case-type-incomplete]") {
  CHECK(incomplete(waiting_list(R"(, "case_types": [{"id": "alle", "name": "Alle", "choices": {}}])")).empty());
}

TEST_CASE("case-type-incomplete: an AND-join waiting for a branch the case type never takes",
          "[checks][case-type-incomplete]") {
  auto found = incomplete(xor_into_and(R"(, "case_types": [{"id": "kun-barn", "name": "Kun barnet", "choices": {"x": "a"}}])"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"j"});
  CHECK(found[0].message.find("they get stuck at \u201CSamlet vurdering\u201D") != std::string::npos);
}

TEST_CASE("case-type-incomplete: every run deadlocks although each branch alone could reach the end",
          "[checks][case-type-incomplete]") {
  // Taken apart, each branch of the XOR split reaches the AND-join; no run
  // brings both.
  auto found = incomplete(xor_into_and(R"(, "case_types": [{"id": "alle", "name": "Alle", "choices": {}}])"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"j"});
}

TEST_CASE("case-type-incomplete: a case type that always goes round the loop", "[checks][case-type-incomplete]") {
  auto found = incomplete(flow({step("w", "Udkast"), step("d", "Godkendt?", R"(, "kind": "decision")")},
                               {"s>w", "w>d", "d>w", "d>e"}, "",
                               R"(, "case_types": [{"id": "evig", "name": "Altid tilbage", "choices": {"d": "w"}},
                                                   {"id": "godkendt", "name": "Godkendt", "choices": {"d": "e"}}])"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_type == "evig");
  CHECK(found[0].steps.empty());
  CHECK(found[0].message == "No case of the type \u201CAltid tilbage\u201D can be completed: they go round a loop forever.");
}

TEST_CASE("case-type-incomplete: stopped at the state limit, the check says it is incomplete",
          "[checks][case-type-incomplete]") {
  check_stops_at_tiny_limit(xor_into_and(R"(, "case_types": [{"id": "alle", "name": "Alle", "choices": {}}])"),
                            "case-type-incomplete");
}
