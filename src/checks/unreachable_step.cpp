#include <baton/checks/unreachable_step.hpp>

#include <baton/graph.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unreachable_step(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  const Index start = wf.start();
  const auto reached = reachable(make_step_graph(wf), std::span(&start, 1));
  for (Index s = 0; s < wf.steps().size(); ++s) {
    if (reached[s]) continue;
    Finding f = finding_for(unreachable_step, pointer_to("steps", s),
                            context.say(Msg::unreachable_step, {{"start", context.quote(wf.step(start).name)},
                                                                {"step", context.quote(wf.step(s).name)}}));
    f.steps = {wf.step(s).id};
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
