#include <baton/checks/deadline_exceeded.hpp>

#include <baton/messages.hpp>
#include <baton/requirements.hpp>
#include <baton/semantics.hpp>

#include "finding_for.hpp"

namespace baton::checks {

namespace {
std::string describe(const CheckContext& context, const DeadlineSpan& span, const Duration& within) {
  const Workflow& wf = context.workflow();
  const Lang lang = context.lang();
  std::string out = context.say(
      Msg::deadline_exceeded,
      {{"first", context.quote(wf.step(span.longest.front()).name)},
       {"then", context.quote(wf.step(span.longest.back()).name)},
       {"longest", describe_seconds(span.longest_seconds, lang)},
       {"limit", describe_seconds(within.static_seconds(), lang)},
       {"requirement", describe_requirement(wf, lang, span.requirement, span.case_type)}});
  if (span.calendar_units) out += " " + context.say(Msg::deadline_calendar_note);
  if (!span.undated.empty()) out += " " + context.say(Msg::deadline_undated_note);
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
                                    describe(context, span, within));
    f.steps = step_ids(wf, span.longest);
    f.witness = step_ids(wf, span.run);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
