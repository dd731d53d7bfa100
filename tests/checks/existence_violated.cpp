#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {
const std::string conversation_held = rule("existence", R"("steps": "samtale")");
}

TEST_CASE("existence-violated: a branch that completes without the conversation", "[checks][existence-violated]") {
  const auto wf = load(with(branch_steps, branch_transitions, conversation_held));
  auto found = run_check(*wf, "existence-violated");
  REQUIRE(found.size() == 1);
  check_about_r(found[0], Severity::error);
  CHECK(found[0].steps.empty());
  CHECK(found[0].witness == std::vector<std::string>{"s", "x", "a", "e"});
  CHECK(Oracle(*wf).replays(found[0].witness, true));
  CHECK(found[0].message == "A case can be completed without \u201CSamtale med barnet\u201D (requirement r).");
}

TEST_CASE("existence-violated: a requirement for case types is checked on their runs only",
          "[checks][existence-violated]") {
  CHECK(run_check(with(branch_steps, branch_transitions,
                       rule("existence", R"("steps": "samtale")", R"(, "case_types": ["samtale"])"), branch_case_types),
                  "existence-violated")
            .empty());

  const auto wf = load(with(branch_steps, branch_transitions,
                            rule("existence", R"("steps": "samtale")", R"(, "case_types": ["samtale", "direkte"])"),
                            branch_case_types));
  auto found = run_check(*wf, "existence-violated");
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_type == "direkte");
  CHECK(found[0].message ==
        "A case can be completed without \u201CSamtale med barnet\u201D (requirement r, cases of the type "
        "\u201CDirekte afgørelse\u201D).");
  CHECK(Oracle(*wf, &wf->case_types()[0]).replays(found[0].witness, true));
}

TEST_CASE("existence-violated: a step on a branch of an AND block always runs", "[checks][existence-violated]") {
  CHECK(run_check(with(and_block_steps, and_block_transitions, rule("existence", R"("steps": "u")")),
                  "existence-violated")
            .empty());
}

TEST_CASE("existence-violated: a loop that always passes through the step", "[checks][existence-violated]") {
  CHECK(run_check(flow({step("c", "Samtale med barnet"), step("d", "Færdig?", R"(, "kind": "decision")")},
                       {"s>c", "c>d", "d>c", "d>e"}, rule("existence", R"("steps": "c")")),
                  "existence-violated")
            .empty());
}

TEST_CASE("existence-violated: a run without the step that cannot complete is no violation",
          "[checks][existence-violated]") {
  // The way past the conversation ends at a step with no way on (dead-end
  // reports it); only complete runs must contain the step.
  CHECK(run_check(flow({step("x", "Indstilling"), step("c", "Samtale med barnet"), step("u", "Venteliste")},
                       {"s>x", "x>c", "x>u", "c>e"}, rule("existence", R"("steps": "c")")),
                  "existence-violated")
            .empty());
}

TEST_CASE("existence-violated: stopped at the state limit, the check says it is incomplete",
          "[checks][existence-violated]") {
  check_stops_at_tiny_limit(with(branch_steps, branch_transitions, conversation_held), "existence-violated");
}
