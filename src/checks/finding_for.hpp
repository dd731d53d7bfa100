// Small helpers the checks share for building findings, so every check names
// steps and places the same way.
#pragma once

#include <baton/check.hpp>
#include <baton/messages.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace baton::checks {

// A finding of `check` at its default severity.
inline Finding finding_for(const Check& check, std::string pointer, std::string message) {
  Finding f;
  f.rule = std::string(check.id);
  f.pointer = std::move(pointer);
  f.severity = check.severity;
  f.message = std::move(message);
  return f;
}


// One finding per work step (task, control, decision) that lacks something.
template <class Lacks>
void report_work_steps(const Check& check, const CheckContext& context, std::vector<Finding>& out, Lacks lacks,
                       Msg what_is_missing) {
  const Workflow& wf = context.workflow();
  for (Index i = 0; i < wf.steps().size(); ++i) {
    const Step& s = wf.step(i);
    if (!s.is_work() || !lacks(s)) continue;
    Finding f = finding_for(check, pointer_to("steps", i),
                            context.say(Msg::step_lacks, {{"step", context.quote(s.name)}, {"lack", context.say(what_is_missing)}}));
    f.steps = {s.id};
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks

namespace baton::checks {

// One finding per handover (workflow-format.md, Semantics) that lacks
// something; a team handover weighs more than one between roles of a team.
// The pointer names the transition whose `handover` lacks it, or, where the
// path has none, the transition into the receiving step, where one belongs.
template <class Lacks>
void report_handovers(const Check& check, const CheckContext& context, std::vector<Finding>& out, Lacks lacks,
                      Severity team_severity, Severity role_severity, Msg what_is_missing) {
  const Workflow& wf = context.workflow();
  for (const HandoverPath& h : wf.handovers()) {
    const Handover* handover = wf.handover_of(h);
    if (!lacks(handover)) continue;
    const Step& from = wf.step(h.from);
    const Step& to = wf.step(h.to);
    // Role keys are shown as the team lists them.
    const std::string between =
        h.kind == HandoverKind::team
            ? context.say(Msg::handover_between_teams, {{"from", context.quote(wf.teams()[*from.team].name)},
                                                        {"to", context.quote(wf.teams()[*to.team].name)}})
            : context.say(Msg::handover_between_roles, {{"from", context.quote(*from.role)}, {"to", context.quote(*to.role)}});
    Finding f = finding_for(check, pointer_to("transitions", h.described_by.value_or(h.last())),
                            context.say(Msg::handover_lacks, {{"from", context.quote(from.name)},
                                                              {"to", context.quote(to.name)},
                                                              {"between", between},
                                                              {"lack", context.say(what_is_missing)}}));
    f.severity = h.kind == HandoverKind::team ? team_severity : role_severity;
    f.steps = {from.id, to.id};
    for (Index t : h.transitions) f.transitions.push_back({wf.step(wf.transition(t).from).id, wf.step(wf.transition(t).to).id});
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks

namespace baton::checks {

// One finding per item of a top-level list (teams, artifacts, ...) that
// nothing uses; `used[i]` says whether item i is named anywhere.
template <class Item>
void report_unused(const Check& check, const CheckContext& context, std::string_view list, std::span<const Item> items,
                   const std::vector<bool>& used, Msg noun, Msg by_what, std::vector<Finding>& out) {
  for (Index i = 0; i < items.size(); ++i)
    if (!used[i])
      out.push_back(finding_for(check, pointer_to(list, i),
                                context.say(Msg::unused_item, {{"noun", context.say(noun)},
                                                               {"name", context.quote(items[i].name)},
                                                               {"by", context.say(by_what)}})));
}

}  // namespace baton::checks
