#include <baton/checks/requirement_unmapped.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_requirement_unmapped(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  std::vector<bool> carried(wf.requirements().size());
  for (const Step& s : wf.steps())
    for (Index r : s.satisfies) carried[r] = true;
  for (Index r = 0; r < wf.requirements().size(); ++r) {
    const Requirement& req = wf.requirements()[r];
    if (req.rule || carried[r]) continue;
    Finding f = finding_for(requirement_unmapped, pointer_to("requirements", r),
                            context.say(Msg::requirement_unmapped, {{"requirement", context.quote(req.text)}}));
    f.requirement = req.id;
    out.push_back(std::move(f));
  }
}

}  // namespace baton::checks
