#include <baton/checks/deadline_unbounded.hpp>

#include <baton/messages.hpp>
#include <baton/requirements.hpp>

namespace baton::checks {

namespace {
std::string describe(const CheckContext& context, const DeadlineSpan& span, const std::string& first,
                     const std::string& then) {
  const Workflow& wf = context.workflow();
  return context.say(Msg::deadline_unbounded,
                     {{"loop", describe_steps(wf, context.lang(), span.loop, Msg::word_and)},
                      {"first", first},
                      {"then", then},
                      {"requirement", describe_requirement(wf, context.lang(), span.requirement, span.case_type)}});
}
}  // namespace

void run_deadline_unbounded(CheckContext& context, std::vector<Finding>& out) {
  report_deadline_steps(context, deadline_unbounded, &DeadlineSpan::loop, &describe, out);
}

}  // namespace baton::checks
