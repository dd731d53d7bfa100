#include <baton/checks/deadline_unknown.hpp>

#include <baton/messages.hpp>
#include <baton/requirements.hpp>

namespace baton::checks {

namespace {
std::string describe(const CheckContext& context, const DeadlineSpan& span, const std::string& first,
                     const std::string& then) {
  const Workflow& wf = context.workflow();
  return context.say(span.undated.size() == 1 ? Msg::deadline_unknown_one : Msg::deadline_unknown_many,
                     {{"steps", describe_steps(wf, context.lang(), span.undated, Msg::word_and)},
                      {"first", first},
                      {"then", then},
                      {"requirement", describe_requirement(wf, context.lang(), span.requirement, span.case_type)}});
}
}  // namespace

void run_deadline_unknown(CheckContext& context, std::vector<Finding>& out) {
  report_deadline_steps(context, deadline_unknown, &DeadlineSpan::undated, &describe, out);
}

}  // namespace baton::checks
