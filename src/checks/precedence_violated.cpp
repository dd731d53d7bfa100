#include <baton/checks/precedence_violated.hpp>

#include <baton/requirements.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string describe(const Workflow& wf, const RuleViolation& v) {
  const Rule& rule = *wf.requirements()[v.requirement].rule;
  return "The step " + quoted(wf.step(*v.step).name) + " can run with no " +
         describe_steps(wf, rule.first.steps, "or") + " before it " +
         describe_requirement(wf, v.requirement, v.case_type) + ".";
}
}  // namespace

void run_precedence_violated(CheckContext& context, std::vector<Finding>& out) {
  report_rule_violations(context, precedence_violated, RuleType::precedence, &describe, out);
}

}  // namespace baton::checks
