#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {
const std::string conversation_first = rule("precedence", R"("first": "samtale", "then": "a")");
}

TEST_CASE("precedence-violated: a decision on a branch without the conversation", "[checks][precedence-violated]") {
  const auto wf = load(with(branch_steps, branch_transitions, conversation_first));
  auto found = run_check(*wf, "precedence-violated");
  REQUIRE(found.size() == 1);
  check_about_r(found[0], Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"a"});
  CHECK(found[0].witness == std::vector<std::string>{"s", "x", "a"});
  CHECK(Oracle(*wf).replays(found[0].witness));
  CHECK(found[0].message ==
        "The step \u201CAfgørelse\u201D can run with no \u201CSamtale med barnet\u201D before it (requirement r).");
}

TEST_CASE("precedence-violated: a first step on every path is no violation", "[checks][precedence-violated]") {
  auto found = run_check(with(R"({"id": "s", "name": "Start", "kind": "start"}, {"id": "x", "name": "Indstilling"},
      {"id": "c1", "name": "Samtale", "tags": ["samtale"]}, {"id": "c2", "name": "Samtale i hjemmet", "tags": ["samtale"]},
      {"id": "a", "name": "Afgørelse"}, {"id": "e", "name": "Slut", "kind": "end"})",
                              R"({"from": "s", "to": "x"}, {"from": "x", "to": "c1"}, {"from": "x", "to": "c2"},
      {"from": "c1", "to": "a"}, {"from": "c2", "to": "a"}, {"from": "a", "to": "e"})",
                              conversation_first),
                         "precedence-violated");
  CHECK(found.empty());
}

TEST_CASE("precedence-violated: a first step concurrent with the then step is a violation",
          "[checks][precedence-violated]") {
  const auto wf = load(with(R"({"id": "s", "name": "Start", "kind": "start"}, {"id": "p", "name": "Fordel", "split": "and"},
      {"id": "c", "name": "Samtale med barnet", "tags": ["samtale"]}, {"id": "a", "name": "Afgørelse"},
      {"id": "j", "name": "Saml", "join": "and"}, {"id": "e", "name": "Slut", "kind": "end"})",
                            R"({"from": "s", "to": "p"}, {"from": "p", "to": "c"}, {"from": "p", "to": "a"},
      {"from": "c", "to": "j"}, {"from": "a", "to": "j"}, {"from": "j", "to": "e"})",
                            conversation_first));
  auto found = run_check(*wf, "precedence-violated");
  REQUIRE(found.size() == 1);
  CHECK(found[0].witness == std::vector<std::string>{"s", "p", "a"});
  CHECK(Oracle(*wf).replays(found[0].witness));
}

TEST_CASE("precedence-violated: a first step in an AND block before the join that leads on is no violation",
          "[checks][precedence-violated]") {
  CHECK(run_check(with(and_block_steps, and_block_transitions, rule("precedence", R"("first": "c", "then": "a")")),
                  "precedence-violated")
            .empty());
}

TEST_CASE("precedence-violated: a requirement for case types is checked on their runs only",
          "[checks][precedence-violated]") {
  const std::string avoided = rule("precedence", R"("first": "samtale", "then": "a")", R"(, "case_types": ["samtale"])");
  CHECK(run_check(with(branch_steps, branch_transitions, avoided, branch_case_types), "precedence-violated").empty());

  const std::string both =
      rule("precedence", R"("first": "samtale", "then": "a")", R"(, "case_types": ["samtale", "direkte"])");
  const auto wf = load(with(branch_steps, branch_transitions, both, branch_case_types));
  auto found = run_check(*wf, "precedence-violated");
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_type == "direkte");
  CHECK(found[0].message.find("cases of the type \u201CDirekte afgørelse\u201D") != std::string::npos);
  CHECK(Oracle(*wf, &wf->case_types()[0]).replays(found[0].witness));
}

TEST_CASE("precedence-violated: a then step no run reaches is no violation", "[checks][precedence-violated]") {
  // The graph alone allows Afgørelse without the conversation; the runs
  // never get past the AND-join after the XOR split.
  CHECK(run_check(with(R"({"id": "s", "name": "Start", "kind": "start"}, {"id": "x", "name": "Vælg"},
      {"id": "u", "name": "U"}, {"id": "w", "name": "W"}, {"id": "c", "name": "Samtale med barnet"},
      {"id": "j", "name": "Saml", "join": "and"}, {"id": "a", "name": "Afgørelse"}, {"id": "e", "name": "Slut", "kind": "end"})",
                       R"({"from": "s", "to": "x"}, {"from": "x", "to": "u"}, {"from": "x", "to": "w"},
      {"from": "x", "to": "c"}, {"from": "u", "to": "j"}, {"from": "w", "to": "j"}, {"from": "j", "to": "a"},
      {"from": "a", "to": "e"}, {"from": "c", "to": "e"})",
                       rule("precedence", R"("first": "c", "then": "a")")),
                  "precedence-violated")
            .empty());
}

TEST_CASE("precedence-violated: a rework loop back past the first step keeps it before",
          "[checks][precedence-violated]") {
  // The decision may be taken again without a new conversation: the first
  // one still comes before it.
  CHECK(run_check(flow({step("c", "Samtale med barnet"), step("a", "Afgørelse"),
                        step("d", "Klage?", R"(, "kind": "decision")")},
                       {"s>c", "c>a", "a>d", "d>a", "d>e"}, rule("precedence", R"("first": "c", "then": "a")")),
                  "precedence-violated")
            .empty());
}

TEST_CASE("precedence-violated: a then step that is also a first step needs another before it",
          "[checks][precedence-violated]") {
  const auto wf = load(flow({step("a", "Afgørelse", R"(, "tags": ["samtale"])")}, {"s>a", "a>e"}, conversation_first));
  auto found = run_check(*wf, "precedence-violated");
  REQUIRE(found.size() == 1);
  CHECK(found[0].witness == std::vector<std::string>{"s", "a"});
}

TEST_CASE("precedence-violated: stopped at the state limit, the check says it is incomplete",
          "[checks][precedence-violated]") {
  check_stops_at_tiny_limit(with(branch_steps, branch_transitions, conversation_first), "precedence-violated");
}
