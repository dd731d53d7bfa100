#include <baton/checks/case_type_incomplete.hpp>

#include <baton/dataflow.hpp>
#include <baton/requirements.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_case_type_incomplete(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  // The relations only spare an exploration where the workflow is made of blocks.
  const CaseTypeCompleteness result = find_incomplete_case_types(wf, context.search_limit(), &step_relations(context));
  if (!result.exhausted) context.mark_incomplete(case_type_incomplete.id);
  for (const IncompleteCaseType& c : result.incomplete) {
    const CaseType& type = wf.case_types()[c.case_type];
    const std::string where =
        c.stuck_at.empty()
            ? context.say(Msg::case_type_loops)
            : context.say(Msg::case_type_stuck, {{"steps", describe_steps(wf, context.lang(), c.stuck_at, Msg::word_or)}});
    Finding f = finding_for(case_type_incomplete, pointer_to("case_types", c.case_type),
                            context.say(Msg::case_type_incomplete, {{"case_type", context.quote(type.name)}, {"where", where}}));
    f.case_type = type.id;
    for (Index s : c.stuck_at) f.steps.push_back(wf.step(s).id);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
