#include <baton/checks/existence_violated.hpp>

#include <baton/messages.hpp>
#include <baton/requirements.hpp>

namespace baton::checks {

namespace {
std::string describe(const CheckContext& context, const RuleViolation& v) {
  const Workflow& wf = context.workflow();
  const Rule& rule = *wf.requirements()[v.requirement].rule;
  return context.say(Msg::existence_violated,
                     {{"steps", describe_steps(wf, context.lang(), rule.first.steps, Msg::word_or)},
                      {"requirement", describe_requirement(wf, context.lang(), v.requirement, v.case_type)}});
}
}  // namespace

void run_existence_violated(CheckContext& context, std::vector<Finding>& out) {
  report_rule_violations(context, existence_violated, RuleType::existence, &describe, out);
}

}  // namespace baton::checks
