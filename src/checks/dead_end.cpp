#include <baton/checks/dead_end.hpp>

#include <baton/graph.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_dead_end(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  const auto finishes = reachable(make_step_graph(wf), wf.ends(), true);
  for (Index s = 0; s < wf.steps().size(); ++s) {
    if (finishes[s]) continue;
    Finding f = finding_for(dead_end, pointer_to("steps", s),
                            context.say(Msg::dead_end, {{"step", context.quote(wf.step(s).name)}}));
    f.steps = {wf.step(s).id};
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
