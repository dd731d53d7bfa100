#include <baton/checks/unused_artifact.hpp>

#include "finding_for.hpp"

namespace baton::checks {

void run_unused_artifact(CheckContext& context, std::vector<Finding>& out) {
  const Workflow& wf = context.workflow();
  std::vector<bool> used(wf.artifacts().size());
  auto mark = [&](const std::vector<Index>& artifacts) {
    for (Index a : artifacts) used[a] = true;
  };
  for (const Step& s : wf.steps()) {
    mark(s.reads);
    mark(s.writes);
    for (const Control& c : s.checks) used[c.artifact] = true;
    if (s.it) mark(s.it->records);
  }
  report_unused(unused_artifact, context, "artifacts", wf.artifacts(), used, Msg::noun_artifact,
                Msg::unused_by_artifact, out);
}

}  // namespace baton::checks
