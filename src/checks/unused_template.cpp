#include <baton/checks/unused_template.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unused_template(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  std::vector<bool> used(wf.templates().size());
  for (const Step& s : wf.steps())
    for (Index t : s.templates) used[t] = true;
  report_unused(unused_template, context, "templates", wf.templates(), used, Msg::noun_template,
                Msg::unused_by_template, out);
}

}  // namespace baton::checks
