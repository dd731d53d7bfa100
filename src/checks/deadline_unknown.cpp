#include <baton/checks/deadline_unknown.hpp>

#include <baton/requirements.hpp>

namespace baton::checks {

namespace {
std::string describe(const Workflow& wf, const DeadlineSpan& span, const std::string& first, const std::string& then) {
  return describe_steps(wf, span.undated, "and") + (span.undated.size() == 1 ? " has" : " have") +
         " no duration, so the time from " + first + " to " + then + " cannot be checked against its limit " +
         describe_requirement(wf, span.requirement, span.case_type) + ".";
}
}  // namespace

void run_deadline_unknown(CheckContext& context, std::vector<Finding>& out) {
  report_deadline_steps(context, deadline_unknown, &DeadlineSpan::undated, &describe, out);
}

}  // namespace baton::checks
