#include <baton/checks/precedence_violated.hpp>

#include <baton/messages.hpp>
#include <baton/requirements.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string describe(const CheckContext& context, const RuleViolation& v) {
  const Workflow& wf = context.workflow();
  const Rule& rule = *wf.requirements()[v.requirement].rule;
  return context.say(Msg::precedence_violated,
                     {{"step", context.quote(wf.step(*v.step).name)},
                      {"steps", describe_steps(wf, context.lang(), rule.first.steps, Msg::word_or)},
                      {"requirement", describe_requirement(wf, context.lang(), v.requirement, v.case_type)}});
}
}  // namespace

void run_precedence_violated(CheckContext& context, std::vector<Finding>& out) {
  report_rule_violations(context, precedence_violated, RuleType::precedence, &describe, out);
}

}  // namespace baton::checks
