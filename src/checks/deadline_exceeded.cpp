#include <baton/checks/deadline_exceeded.hpp>

#include <baton/requirements.hpp>
#include <baton/semantics.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string describe(const Workflow& wf, const DeadlineSpan& span, const Duration& within) {
  std::string out = "From the end of " + quoted(wf.step(span.longest.front()).name) + " to the end of " +
                    quoted(wf.step(span.longest.back()).name) + " can take up to " +
                    describe_seconds(span.longest_seconds) + ", the limit is " +
                    describe_seconds(within.static_seconds()) + " " +
                    describe_requirement(wf, span.requirement, span.case_type) + ".";
  if (span.calendar_units) out += " A month is counted as 30 days and a year as 365.";
  if (!span.undated.empty()) out += " Steps with no duration are counted as taking no time.";
  return out;
}
}  // namespace

// Not reported when a loop can run in between: there is no longest time,
// and deadline-unbounded says so. Exactly on the limit is within it.
void run_deadline_exceeded(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const DeadlineSpan& span : deadline_spans(context, deadline_exceeded).found) {
    const Duration& within = *wf.requirements()[span.requirement].rule->within;
    if (!span.loop.empty() || span.longest_seconds <= within.static_seconds()) continue;
    Finding f = requirement_finding(deadline_exceeded, wf, span.requirement, span.case_type,
                                    describe(wf, span, within));
    f.steps = step_ids(wf, span.longest);
    f.witness = step_ids(wf, span.run);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
