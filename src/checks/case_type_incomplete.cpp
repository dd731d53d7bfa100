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
    const std::string where = c.stuck_at.empty() ? "they go round a loop forever"
                                                 : "they get stuck at " + describe_steps(wf, c.stuck_at, "or");
    Finding f = finding_for(case_type_incomplete, pointer_to("case_types", c.case_type),
                            "No case of the type " + quoted(type.name) + " can be completed: " + where + ".");
    f.case_type = type.id;
    for (Index s : c.stuck_at) f.steps.push_back(wf.step(s).id);
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
