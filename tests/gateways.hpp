// The same workflow with its splits and joins on gateways: every step (start
// and end too) with more than one outgoing transition hands its split to a
// new gateway after it, every step with more than one incoming transition
// its join to a new gateway before it. Gateways only route, so every check
// must give the same answers on both (workflow-format.md); findings of the
// rewritten workflow are mapped back for the comparison.
#pragma once

#include <baton/check.hpp>
#include <baton/model.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace baton::test {

struct GatewayTwin {
  std::shared_ptr<const Workflow> workflow;
  std::vector<Index> owner;                      // step of the twin -> step of the original
  std::vector<std::optional<Index>> transition;  // transition of the twin -> the original one it carries on
};

inline GatewayTwin with_gateways(const Workflow& wf) {
  WorkflowParts parts = wf.parts();
  const std::size_t steps = parts.steps.size();
  GatewayTwin twin;
  for (Index s = 0; s < steps; ++s) twin.owner.push_back(s);
  auto add_gateway = [&](Index owner, const std::string& suffix) {
    Step g;
    g.id = wf.step(owner).id + suffix;
    g.name = wf.step(owner).name;  // messages name the step the routing belongs to
    g.kind = StepKind::gateway;
    parts.steps.push_back(std::move(g));
    twin.owner.push_back(owner);
    return parts.steps.size() - 1;
  };
  std::vector<std::optional<Index>> split_at(steps), join_at(steps);
  for (Index s = 0; s < steps; ++s)
    if (wf.outgoing(s).size() > 1) {
      split_at[s] = add_gateway(s, ".split");
      parts.steps[*split_at[s]].split = wf.step(s).split;
      parts.steps[s].split = Gate::exclusive;
    }
  // A transition between a split and a join gateway would carry its handover
  // in the middle of the way, where it does not count: such a join stays.
  for (Index s = 0; s < steps; ++s) {
    const bool keeps_join = std::ranges::any_of(wf.incoming(s), [&](Index t) {
      return wf.transition(t).handover && split_at[wf.transition(t).from];
    });
    if (wf.incoming(s).size() > 1 && !keeps_join) {
      join_at[s] = add_gateway(s, ".join");
      parts.steps[*join_at[s]].join = wf.step(s).join;
      parts.steps[s].join = Gate::exclusive;
    }
  }
  // The original transitions keep their order, label and handover; new ones follow.
  for (Index t = 0; t < wf.transitions().size(); ++t) {
    Transition& tr = parts.transitions[t];
    if (split_at[tr.from]) tr.from = *split_at[tr.from];
    if (join_at[tr.to]) tr.to = *join_at[tr.to];
    twin.transition.push_back(t);
  }
  for (Index s = 0; s < steps; ++s) {
    if (split_at[s]) parts.transitions.push_back({s, *split_at[s], std::nullopt, std::nullopt});
    if (join_at[s]) parts.transitions.push_back({*join_at[s], s, std::nullopt, std::nullopt});
  }
  twin.transition.resize(parts.transitions.size());
  for (CaseType& c : parts.case_types)
    for (Choice& choice : c.choices)
      if (split_at[choice.step]) choice.step = *split_at[choice.step];
  twin.workflow = Workflow::make(std::move(parts));
  return twin;
}

// A finding of the twin as the original would give it: gateways named by the
// step they belong to (left out of witnesses), transitions between steps.
// A finding on a transition added beside a gateway that stands for no
// original one restates what the original says of the transition after it:
// none.
inline std::optional<Finding> mapped_back(const GatewayTwin& twin, const Workflow& original, Finding f) {
  const Workflow& wf = *twin.workflow;
  const auto owner_id = [&](const std::string& id) { return original.step(twin.owner[*wf.find_step(id)]).id; };
  const auto is_gateway = [&](const std::string& id) { return wf.step(*wf.find_step(id)).kind == StepKind::gateway; };
  if (f.pointer.starts_with("/steps/")) {
    const std::string rest = f.pointer.substr(7);
    const auto slash = rest.find('/');
    f.pointer = pointer_to("steps", twin.owner[std::stoul(rest.substr(0, slash))]) +
                (slash == std::string::npos ? "" : rest.substr(slash));
  } else if (f.pointer.starts_with("/transitions/")) {
    const Index t = std::stoul(f.pointer.substr(13));
    std::optional<Index> old = twin.transition[t];
    // An added transition stands for the original one between the steps the
    // finding is about.
    if (!old && f.steps.size() >= 2)
      for (Index o : original.outgoing(*original.find_step(f.steps[0])))
        if (original.step(original.transition(o).to).id == f.steps[1]) old = o;
    if (!old) return std::nullopt;
    f.pointer = pointer_to("transitions", *old);
  }
  std::vector<std::string> steps;
  for (const std::string& s : f.steps)
    if (const std::string id = owner_id(s); std::ranges::find(steps, id) == steps.end()) steps.push_back(id);
  f.steps = std::move(steps);
  std::erase_if(f.witness, is_gateway);
  // A pair names a transition of the twin: the original one it carries on,
  // or, when it was added beside a gateway, nothing.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [a, b] : f.transitions)
    for (Index t : wf.outgoing(*wf.find_step(a)))
      if (wf.step(wf.transition(t).to).id == b && twin.transition[t]) {
        const Transition& o = original.transition(*twin.transition[t]);
        pairs.push_back({original.step(o.from).id, original.step(o.to).id});
      }
  f.transitions = std::move(pairs);
  return f;
}

// Mapped back, duplicates dropped (a gateway of an unreachable step is
// unreachable too) and in a fixed order.
inline bool finding_order(const Finding& a, const Finding& b) {
  auto key = [](const Finding& f) {
    return std::tie(f.rule, f.pointer, f.severity, f.message, f.steps, f.transitions, f.requirement, f.case_type,
                    f.witness);
  };
  return key(a) < key(b);
}

inline std::vector<Finding> comparable(std::vector<Finding> findings) {
  // Concurrent steps may interleave otherwise in the twin's shortest run.
  for (Finding& f : findings) std::ranges::sort(f.witness);
  std::ranges::sort(findings, finding_order);
  findings.erase(std::unique(findings.begin(), findings.end()), findings.end());
  return findings;
}

}  // namespace baton::test
