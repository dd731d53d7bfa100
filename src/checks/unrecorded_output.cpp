#include <baton/checks/unrecorded_output.hpp>

#include "finding_for.hpp"

#include <baton/semantics.hpp>

namespace baton::checks {

void run_unrecorded_output(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  std::vector<bool> recorded(wf.artifacts().size());
  std::vector<std::vector<Index>> writers(wf.artifacts().size());
  for (Index i = 0; i < wf.steps().size(); ++i) {
    const Step& s = wf.step(i);
    if (s.it)
      for (Index a : s.it->records) recorded[a] = true;
    for (Index a : s.writes) writers[a].push_back(i);
  }
  for (Index a = 0; a < wf.artifacts().size(); ++a) {
    if (recorded[a] || writers[a].empty()) continue;
    const Step& first = wf.step(writers[a].front());
    Finding f = finding_for(unrecorded_output, pointer_to("artifacts", a),
                            context.say(Msg::unrecorded_output, {{"artifact", context.quote(wf.artifacts()[a].name)},
                                                                 {"step", context.quote(first.name)}}));
    f.steps = step_ids(wf, writers[a]);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
