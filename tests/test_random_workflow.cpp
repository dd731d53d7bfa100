#include "oracle/random_workflow.hpp"
#include "support.hpp"

TEST_CASE("random workflows are valid format v1 documents", "[oracle]") {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    baton::test::RandomOptions o;
    o.structured = i % 2 == 0;
    const std::string doc = baton::test::random_workflow(rng, o);
    INFO(doc);
    REQUIRE_NOTHROW(baton::test::load(doc));
  }
}

#include "oracle/oracle.hpp"

#include <baton/semantics.hpp>

// The oracle and the production token game are two independent readings of
// the same semantics; on structured workflows they must agree on which
// sequences are runs.
TEST_CASE("the oracle's runs replay in the production state space and back", "[oracle]") {
  std::mt19937 rng(11);
  for (int i = 0; i < 300; ++i) {
    baton::test::RandomOptions o;
    o.structured = i % 3 != 0;
    auto wf = baton::test::load(baton::test::random_workflow(rng, o));
    baton::test::Oracle oracle(*wf);
    baton::CaseRestriction all(*wf);
    baton::TokenGame game(*wf, all);
    baton::StateSpace space(game, 100000);
    REQUIRE(space.exhausted());
    bool any_deadlock_oracle = false, any_overflow_oracle = false;
    oracle.for_each_run(12, [&](const baton::test::OracleRun& run) {
      any_deadlock_oracle |= run.deadlocked;
      any_overflow_oracle |= run.doubled.has_value();
      if (run.complete) REQUIRE(oracle.replays(baton::step_ids(*wf, run.steps), true));
    }, 20000);
    bool any_deadlock = false, any_overflow = false;
    for (baton::StateId s = 0; s < space.size(); ++s) {
      any_deadlock |= game.deadlocked(space.state(s));
      any_overflow |= space.state(s).overflow.has_value();
      if (game.deadlocked(space.state(s)) || space.state(s).overflow)
        REQUIRE(oracle.replays(baton::step_ids(*wf, space.run_to(s))));
    }
    // Bounded enumeration may miss what lies beyond its horizon, never the reverse.
    if (any_deadlock_oracle) CHECK(any_deadlock);
    if (any_overflow_oracle) CHECK(any_overflow);
  }
}
