#include "requirement_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;

namespace {

std::vector<Finding> exceeded(const std::string& json) { return run_check(json, "deadline-exceeded"); }

// Start -> Fordel (AND) -> Afgørelse and a second branch `branch`, joined
// (AND) at Saml -> Barnets plan -> Slut; the plan is due 30 days after the
// decision.
std::string waited_for(const std::vector<std::string>& branch_steps, const std::vector<std::string>& branch,
                       const std::string& first = "f") {
  std::vector<std::string> steps{step("p", "Fordel", R"(, "split": "and")" + takes("P1D")),
                                 step("f", "Afgørelse", R"(, "tags": ["afgoerelse"])" + takes("P1D")),
                                 step("j", "Saml", R"(, "join": "and")" + takes("P1D")),
                                 step("t", "Barnets plan", takes("P1D"))};
  steps.insert(steps.end(), branch_steps.begin(), branch_steps.end());
  std::vector<std::string> transitions{"s>p", "p>f", "f>j", "j>t", "t>e"};
  transitions.insert(transitions.end(), branch.begin(), branch.end());
  return flow(steps, transitions, deadline(first, "t", "P30D"));
}

}  // namespace

TEST_CASE("deadline-exceeded: the plan may take longer than the deadline allows", "[checks][deadline-exceeded]") {
  const auto wf = load(decision_then_plan("P4M", "P3M"));
  auto found = run_check(*wf, "deadline-exceeded");
  REQUIRE(found.size() == 1);
  check_about_r(found[0], Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"f", "p"});
  CHECK(found[0].witness == std::vector<std::string>{"s", "f", "p"});
  CHECK(Oracle(*wf).replays(found[0].witness));
  CHECK(found[0].message ==
        "From the end of \u201CAfgørelse\u201D to the end of \u201CBarnets plan\u201D can take up to 120 days, the "
        "limit is 90 days (requirement r). A month is counted as 30 days and a year as 365.");
}

TEST_CASE("deadline-exceeded: exactly on the limit is within it", "[checks][deadline-exceeded]") {
  CHECK(exceeded(decision_then_plan("P90D", "P3M")).empty());
  CHECK(exceeded(decision_then_plan("P3M", "P90D")).empty());
  auto found = exceeded(decision_then_plan("P91D", "P3M"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("up to 91 days, the limit is 90 days") != std::string::npos);
  found = exceeded(decision_then_plan("PT2161H", "P90D"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("up to 90 days 1 hour, the limit is 90 days (requirement r).") != std::string::npos);
  CHECK(found[0].message.find("month") == std::string::npos);
}

TEST_CASE("deadline-exceeded: concurrent branches count their longest, not their sum", "[checks][deadline-exceeded]") {
  const auto json = [](const std::string& within) {
    return flow({step("f", "Afgørelse", R"(, "split": "and")" + takes("P1D")), step("a", "Skoleudtalelse", takes("P10D")),
                 step("b", "Lægeudtalelse", takes("P20D")), step("j", "Saml", R"(, "join": "and")" + takes("P1D")),
                 step("t", "Barnets plan", takes("P1D"))},
                {"s>f", "f>a", "f>b", "a>j", "b>j", "j>t", "t>e"}, deadline("f", "t", within));
  };
  CHECK(exceeded(json("P22D")).empty());
  const auto wf = load(json("P21D"));
  auto found = run_check(*wf, "deadline-exceeded");
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"f", "b", "j", "t"});
  CHECK(found[0].message.find("up to 22 days, the limit is 21 days") != std::string::npos);
  CHECK(Oracle(*wf).replays(found[0].witness));
}

TEST_CASE("deadline-exceeded: a branch the then step waits for counts from where it opened",
          "[checks][deadline-exceeded]") {
  // The statements were asked for when the case was split; the decision may
  // come at once, and the plan still waits for them.
  const auto wf = load(waited_for({step("b", "Udtalelser", takes("P40D"))}, {"p>b", "b>j"}));
  auto found = run_check(*wf, "deadline-exceeded");
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"f", "b", "j", "t"});
  CHECK(found[0].message.find("From the end of \u201CAfgørelse\u201D to the end of \u201CBarnets plan\u201D can take "
                              "up to 42 days, the limit is 30 days") != std::string::npos);
  CHECK(Oracle(*wf).replays(found[0].witness));
}

TEST_CASE("deadline-exceeded: a waited-for branch through another first step still counts",
          "[checks][deadline-exceeded]") {
  // Both decisions are first steps; the time from the one on the short branch
  // includes the whole other branch.
  const auto wf = load(waited_for({step("b", "Udtalelser", takes("P40D")),
                                   step("g", "Delafgørelse", R"(, "tags": ["afgoerelse"])" + takes("P1D"))},
                                  {"p>b", "b>g", "g>j"}, "afgoerelse"));
  auto found = run_check(*wf, "deadline-exceeded");
  REQUIRE(found.size() == 1);
  CHECK(found[0].steps == std::vector<std::string>{"f", "b", "g", "j", "t"});
  CHECK(found[0].message.find("up to 43 days") != std::string::npos);
  CHECK(Oracle(*wf).replays(found[0].witness));
}

TEST_CASE("deadline-exceeded: the time runs to the next then step only", "[checks][deadline-exceeded]") {
  // The first plan comes a day after the decision; the revised plan much later.
  CHECK(exceeded(flow({step("f", "Afgørelse", takes("P1D")),
                       step("p1", "Barnets plan", R"(, "tags": ["plan"])" + takes("P1D")),
                       step("r", "Opfølgning", takes("P100D")),
                       step("p2", "Revideret plan", R"(, "tags": ["plan"])" + takes("P1D"))},
                      {"s>f", "f>p1", "p1>r", "r>p2", "p2>e"}, deadline("f", "plan", "P30D")))
            .empty());
}

TEST_CASE("deadline-exceeded: a case type whose choice avoids the slow branch", "[checks][deadline-exceeded]") {
  const auto json = [](const std::string& more) {
    return flow({step("f", "Afgørelse", takes("P1D")), step("x", "Visitation", takes("P1D")),
                 step("l", "Ekstern udredning", takes("P100D")), step("k", "Kort forløb", takes("P1D")),
                 step("t", "Barnets plan", R"(, "join": "xor")" + takes("P1D"))},
                {"s>f", "f>x", "x>l", "x>k", "l>t", "k>t", "t>e"}, deadline("f", "t", "P30D", more),
                R"(, "case_types": [{"id": "kort", "name": "Kort forløb", "choices": {"x": "k"}},
                                    {"id": "lang", "name": "Langt forløb", "choices": {"x": "l"}}])");
  };
  CHECK(exceeded(json(R"(, "case_types": ["kort"])")).empty());
  const auto wf = load(json(R"(, "case_types": ["kort", "lang"])"));
  auto found = run_check(*wf, "deadline-exceeded");
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_type == "lang");
  CHECK(found[0].message.find("up to 102 days, the limit is 30 days (requirement r, cases of the type "
                              "\u201CLangt forløb\u201D).") != std::string::npos);
  CHECK(Oracle(*wf, &wf->case_types()[1]).replays(found[0].witness));
}

TEST_CASE("deadline-exceeded: a loop in between is left to deadline-unbounded", "[checks][deadline-exceeded]") {
  CHECK(exceeded(flow({step("f", "Afgørelse", takes("P1D")), step("w", "Udkast", takes("P40D")),
                       step("d", "Godkendt?", R"(, "kind": "decision")" + takes("P1D")),
                       step("t", "Barnets plan", takes("P1D"))},
                      {"s>f", "f>w", "w>d", "d>w", "d>t", "t>e"}, deadline("f", "t", "P30D")))
            .empty());
}

TEST_CASE("deadline-exceeded: stopped at the state limit, the check says it is incomplete",
          "[checks][deadline-exceeded]") {
  // The AND block keeps the graph from sparing the exploration.
  check_stops_at_tiny_limit(waited_for({step("b", "Udtalelser", takes("P40D"))}, {"p>b", "b>j"}), "deadline-exceeded");
}
