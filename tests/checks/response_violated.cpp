#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {
// After the recommendation, the conversation with the child.
const std::string conversation_after = rule("response", R"("first": "x", "then": "samtale")");
}

TEST_CASE("response-violated: a branch that completes without the conversation", "[checks][response-violated]") {
  const auto wf = load(with(branch_steps, branch_transitions, conversation_after));
  auto found = run_check(*wf, "response-violated");
  REQUIRE(found.size() == 1);
  check_about_r(found[0], Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"x"});
  CHECK(found[0].witness == std::vector<std::string>{"s", "x", "a", "e"});
  CHECK(Oracle(*wf).replays(found[0].witness, true));
  CHECK(found[0].message ==
        "After the step \u201CIndstilling\u201D, a case can be completed with no \u201CSamtale med barnet\u201D "
        "(requirement r).");
}

TEST_CASE("response-violated: a case type whose choice leads to the then step", "[checks][response-violated]") {
  CHECK(run_check(with(branch_steps, branch_transitions,
                       rule("response", R"("first": "x", "then": "samtale")", R"(, "case_types": ["samtale"])"),
                       branch_case_types),
                  "response-violated")
            .empty());

  const auto wf = load(with(branch_steps, branch_transitions,
                            rule("response", R"("first": "x", "then": "samtale")", R"(, "case_types": ["direkte"])"),
                            branch_case_types));
  auto found = run_check(*wf, "response-violated");
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_type == "direkte");
  CHECK(Oracle(*wf, &wf->case_types()[0]).replays(found[0].witness, true));
}

TEST_CASE("response-violated: a then step concurrent with the first step does not follow it",
          "[checks][response-violated]") {
  const auto wf = load(with(and_block_steps, and_block_transitions, rule("response", R"("first": "c", "then": "u")")));
  auto found = run_check(*wf, "response-violated");
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"c"});
  CHECK(found[0].witness == std::vector<std::string>{"s", "p", "u", "c", "j", "a", "e"});
  CHECK(Oracle(*wf).replays(found[0].witness, true));
}

TEST_CASE("response-violated: a then step after the AND-join follows both branches", "[checks][response-violated]") {
  CHECK(run_check(with(and_block_steps, and_block_transitions, rule("response", R"("first": "c", "then": "a")")),
                  "response-violated")
            .empty());
}

TEST_CASE("response-violated: a rework loop back to the first step is followed again", "[checks][response-violated]") {
  CHECK(run_check(flow({step("f", "Afgørelse"), step("p", "Barnets plan"), step("d", "Klage?", R"(, "kind": "decision")")},
                       {"s>f", "f>p", "p>d", "d>f", "d>e"}, rule("response", R"("first": "f", "then": "p")")),
                  "response-violated")
            .empty());
}

TEST_CASE("response-violated: a first step on a way that cannot complete is no violation",
          "[checks][response-violated]") {
  // Venteliste has no way on (dead-end reports it): no complete run has it.
  CHECK(run_check(flow({step("x", "Indstilling"), step("c", "Samtale med barnet"), step("u", "Venteliste")},
                       {"s>x", "x>c", "x>u", "c>e"}, rule("response", R"("first": "u", "then": "c")")),
                  "response-violated")
            .empty());
}

TEST_CASE("response-violated: stopped at the state limit, the check says it is incomplete",
          "[checks][response-violated]") {
  check_stops_at_tiny_limit(with(branch_steps, branch_transitions, conversation_after), "response-violated");
}
