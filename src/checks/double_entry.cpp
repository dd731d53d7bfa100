#include <baton/checks/double_entry.hpp>

#include <baton/dataflow.hpp>

#include "finding_for.hpp"

#include <algorithm>
#include <map>

namespace baton::checks {

namespace {

// The steps that record each artifact in a named system, by step index.
std::vector<std::vector<Index>> recorders(const Workflow& wf) {
  std::vector<std::vector<Index>> out(wf.artifacts().size());
  for (Index s = 0; s < wf.steps().size(); ++s) {
    const auto& it = wf.step(s).it;
    if (!it || !it->system) continue;
    for (Index a : it->records)
      if (out[a].empty() || out[a].back() != s) out[a].push_back(s);
  }
  return out;
}

Index system_of(const Workflow& wf, Index step) { return *wf.step(step).it->system; }

// One finding per two systems: the recording steps that occur in one run
// with a step recording in the other system.
void report_artifact(const CheckContext& context, Index artifact, const std::vector<std::pair<Index, Index>>& together,
                     std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  std::map<std::pair<Index, Index>, std::vector<std::pair<Index, Index>>> by_systems;
  for (auto [a, b] : together) {
    const Index sa = system_of(wf, a), sb = system_of(wf, b);
    if (sa == sb) continue;
    by_systems[{std::min(sa, sb), std::max(sa, sb)}].push_back(sa < sb ? std::pair{a, b} : std::pair{b, a});
  }
  for (const auto& [systems, pairs] : by_systems) {
    std::vector<Index> steps;
    for (auto [a, b] : pairs) steps.insert(steps.end(), {a, b});
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    const auto [first, second] = pairs.front();
    Finding f = finding_for(double_entry, pointer_to("steps", steps.front()),
                            context.say(Msg::double_entry, {{"artifact", context.quote(wf.artifacts()[artifact].name)},
                                                            {"system1", context.quote(wf.systems()[systems.first].name)},
                                                            {"step1", context.quote(wf.step(first).name)},
                                                            {"system2", context.quote(wf.systems()[systems.second].name)},
                                                            {"step2", context.quote(wf.step(second).name)}}));
    for (Index s : steps) f.steps.push_back(wf.step(s).id);
    out.push_back(std::move(f));
  }
}

}  // namespace

void run_double_entry(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  const auto by_artifact = recorders(wf);
  for (Index a = 0; a < by_artifact.size(); ++a) {
    const auto& steps = by_artifact[a];
    const bool several_systems = std::any_of(steps.begin(), steps.end(), [&](Index s) {
      return system_of(wf, s) != system_of(wf, steps.front());
    });
    if (!several_systems) continue;
    const auto together = step_relations(context, double_entry.id).occurring_together(steps);
    if (!together) {
      context.mark_incomplete(double_entry.id);
      continue;
    }
    report_artifact(context, a, *together, out);
  }
}

}  // namespace baton::checks
