#include "../support.hpp"

#include <baton/checks/analysis_limit.hpp>

using namespace baton;
using namespace baton::test;

TEST_CASE("analysis-limit: names the checks a state limit left incomplete", "[checks][analysis-limit]") {
  auto wf = load(two_step_json("", ""));
  CheckContext context(*wf, *Date::parse("2026-11-24"), 7);
  context.mark_incomplete("precedence-violated");
  context.mark_incomplete("deadlock");
  std::vector<Finding> found;
  checks::run_analysis_limit(context, found);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "analysis-limit");
  CHECK(found[0].pointer.empty());
  CHECK(found[0].severity == Severity::info);
  CHECK(found[0].message.find("7 states") != std::string::npos);
  CHECK(found[0].message.find("deadlock, precedence-violated") != std::string::npos);
}

TEST_CASE("analysis-limit: silent when every question was answered", "[checks][analysis-limit]") {
  CHECK(run_check(two_step_json("", ""), "analysis-limit").empty());
}
