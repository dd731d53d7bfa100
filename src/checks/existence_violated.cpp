#include <baton/checks/existence_violated.hpp>

#include <baton/requirements.hpp>

namespace baton::checks {

namespace {
std::string describe(const Workflow& wf, const RuleViolation& v) {
  const Rule& rule = *wf.requirements()[v.requirement].rule;
  return "A case can be completed without " + describe_steps(wf, rule.first.steps, "or") + " " +
         describe_requirement(wf, v.requirement, v.case_type) + ".";
}
}  // namespace

void run_existence_violated(CheckContext& context, std::vector<Finding>& out) {
  report_rule_violations(context, existence_violated, RuleType::existence, &describe, out);
}

}  // namespace baton::checks
