#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {

const std::string draft = step("w", "Udkast til plan", takes("P10D"));
const std::string approved = step("d", "Godkendt?", R"(, "kind": "decision")" + takes("P1D"));

std::vector<Finding> unbounded(const std::string& json) { return run_check(json, "deadline-unbounded"); }

}  // namespace

TEST_CASE("deadline-unbounded: a rework loop between the decision and the plan", "[checks][deadline-unbounded]") {
  auto found = unbounded(flow({step("f", "Afgørelse", takes("P1D")), draft, approved, step("t", "Barnets plan", takes("P1D"))},
                              {"s>f", "f>w", "w>d", "d>w", "d>t", "t>e"}, deadline("f", "t", "P30D")));
  REQUIRE(found.size() == 1);
  check_about_r(found[0], Severity::warning);
  CHECK(found[0].steps == std::vector<std::string>{"w", "d"});
  CHECK(found[0].witness.empty());
  CHECK(found[0].message ==
        "A loop through \u201CUdkast til plan\u201D and \u201CGodkendt?\u201D can run between \u201CAfgørelse\u201D "
        "and \u201CBarnets plan\u201D, so no time limit holds (requirement r).");
}

TEST_CASE("deadline-unbounded: loops before the first step or after the then step do not count",
          "[checks][deadline-unbounded]") {
  CHECK(unbounded(flow({draft, approved, step("f", "Afgørelse", takes("P1D")), step("t", "Barnets plan", takes("P1D"))},
                       {"s>w", "w>d", "d>w", "d>f", "f>t", "t>e"}, deadline("f", "t", "P30D")))
            .empty());
  CHECK(unbounded(flow({step("f", "Afgørelse", takes("P1D")), step("t", "Barnets plan", takes("P1D")), draft, approved},
                       {"s>f", "f>t", "t>w", "w>d", "d>w", "d>e"}, deadline("f", "t", "P30D")))
            .empty());
}

TEST_CASE("deadline-unbounded: a loop back to the first step starts the time again", "[checks][deadline-unbounded]") {
  // Each round has its own decision, and the plan comes next after it.
  CHECK(unbounded(flow({step("f", "Afgørelse", takes("P1D")), step("t", "Barnets plan", takes("P1D")), approved},
                       {"s>f", "f>t", "t>d", "d>f", "d>e"}, deadline("f", "t", "P30D")))
            .empty());
}

TEST_CASE("deadline-unbounded: a loop alongside that the then step does not wait for",
          "[checks][deadline-unbounded]") {
  // Follow-up visits go on in their own branch until the case closes; the
  // plan does not wait for them.
  CHECK(unbounded(flow({step("f", "Afgørelse", R"(, "split": "and")" + takes("P1D")),
                        step("t", "Barnets plan", takes("P1D")), draft, approved,
                        step("j", "Luk sagen", R"(, "join": "and")" + takes("P1D"))},
                       {"s>f", "f>t", "f>w", "w>d", "d>w", "d>j", "t>j", "j>e"}, deadline("f", "t", "P30D")))
            .empty());
}

TEST_CASE("deadline-unbounded: a case type that goes straight on", "[checks][deadline-unbounded]") {
  const std::string json =
      flow({step("f", "Afgørelse", takes("P1D")), draft, approved, step("t", "Barnets plan", takes("P1D"))},
           {"s>f", "f>w", "w>d", "d>w", "d>t", "t>e"}, deadline("f", "t", "P30D", R"(, "case_types": ["enkel", "alle"])"),
           R"(, "case_types": [{"id": "enkel", "name": "Enkel sag", "choices": {"d": "t"}},
                               {"id": "alle", "name": "Alle sager", "choices": {}}])");
  auto found = unbounded(json);
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_type == "alle");
}
