#include <baton/checks/deadline_unbounded.hpp>

#include <baton/requirements.hpp>

namespace baton::checks {

namespace {
std::string describe(const Workflow& wf, const DeadlineSpan& span, const std::string& first, const std::string& then) {
  return "A loop through " + describe_steps(wf, span.loop, "and") + " can run between " + first + " and " + then +
         ", so no time limit holds " + describe_requirement(wf, span.requirement, span.case_type) + ".";
}
}  // namespace

void run_deadline_unbounded(CheckContext& context, std::vector<Finding>& out) {
  report_deadline_steps(context, deadline_unbounded, &DeadlineSpan::loop, &describe, out);
}

}  // namespace baton::checks
