#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {

std::vector<Finding> unknown(const std::string& json) { return run_check(json, "deadline-unknown"); }

// Start -> `before` -> Afgørelse -> `between` -> Barnets plan -> `after` -> Slut.
std::string line(const std::string& before, const std::string& first, const std::string& between,
                 const std::string& then, const std::string& after) {
  return flow({step("b", "Forberedelse", before), step("f", "Afgørelse", first), step("u", "Udkast", between),
               step("t", "Barnets plan", then), step("a", "Opfølgning", after)},
              {"s>b", "b>f", "f>u", "u>t", "t>a", "a>e"}, deadline("f", "t", "P30D"));
}

}  // namespace

TEST_CASE("deadline-unknown: a step in between has no duration", "[checks][deadline-unknown]") {
  auto found = unknown(line(takes("P1D"), takes("P1D"), "", takes("P1D"), takes("P1D")));
  REQUIRE(found.size() == 1);
  check_about_r(found[0], Severity::info);
  CHECK(found[0].steps == std::vector<std::string>{"u"});
  CHECK(found[0].message ==
        "\u201CUdkast\u201D has no duration, so the time from \u201CAfgørelse\u201D to \u201CBarnets plan\u201D "
        "cannot be checked against its limit (requirement r).");
}

TEST_CASE("deadline-unknown: the then step counts, the first step and the steps outside do not",
          "[checks][deadline-unknown]") {
  auto found = unknown(line("", "", takes("P1D"), "", ""));
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"t"});
  CHECK(unknown(line("", "", takes("P1D"), takes("P1D"), "")).empty());
}

TEST_CASE("deadline-unknown: a step on a branch that does not lead to the then step", "[checks][deadline-unknown]") {
  CHECK(unknown(flow({step("f", "Afgørelse", takes("P1D")), step("x", "Henlæg"), step("t", "Barnets plan", takes("P1D"))},
                     {"s>f", "f>x", "f>t", "x>e", "t>e"}, deadline("f", "t", "P30D")))
            .empty());
}

TEST_CASE("deadline-unknown: undated steps are named, and exceeded still reports the known part",
          "[checks][deadline-unknown]") {
  const std::string json =
      flow({step("f", "Afgørelse", takes("P1D")), step("u", "Udkast"), step("v", "Høring"),
            step("t", "Barnets plan", takes("P40D"))},
           {"s>f", "f>u", "u>v", "v>t", "t>e"}, deadline("f", "t", "P30D"));
  auto found = unknown(json);
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"u", "v"});
  CHECK(found[0].message.find("\u201CUdkast\u201D and \u201CHøring\u201D have no duration") == 0);
  auto over = run_check(json, "deadline-exceeded");
  REQUIRE(over.size() == 1);
  CHECK(over[0].message.find("up to 40 days") != std::string::npos);
  CHECK(over[0].message.find("Steps with no duration are counted as taking no time.") != std::string::npos);
}
