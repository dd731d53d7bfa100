#include <baton/checks/duplicate_work.hpp>

#include <baton/dataflow.hpp>
#include <baton/semantics.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_duplicate_work(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  for (const Repetition& r : repetitions(context, duplicate_work.id).productions) {
    const Step& step = wf.step(r.step);
    Finding f = finding_for(duplicate_work, pointer_to("steps", r.step),
                            context.say(Msg::duplicate_work, {{"step", context.quote(step.name)},
                                                              {"artifact", context.quote(wf.artifacts()[r.artifact].name)},
                                                              {"earlier", context.quote(wf.step(r.earlier.front()).name)}}));
    f.steps = step_ids(wf, r.steps());
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
