#include <baton/checks/response_violated.hpp>

#include <baton/requirements.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string describe(const Workflow& wf, const RuleViolation& v) {
  const Rule& rule = *wf.requirements()[v.requirement].rule;
  return "After the step " + quoted(wf.step(*v.step).name) + ", a case can be completed with no " +
         describe_steps(wf, rule.then.steps, "or") + " " + describe_requirement(wf, v.requirement, v.case_type) + ".";
}
}  // namespace

void run_response_violated(CheckContext& context, std::vector<Finding>& out) {
  report_rule_violations(context, response_violated, RuleType::response, &describe, out);
}

}  // namespace baton::checks
