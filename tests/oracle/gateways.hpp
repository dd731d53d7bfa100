// Work steps turned into gateways after loading, stripped of what a gateway
// may not have, so silent steps can be tested whatever the loader accepts.
#pragma once

#include <baton/model.hpp>

#include <functional>
#include <memory>

namespace baton::test {

inline std::shared_ptr<const Workflow> with_gateways(const Workflow& wf, const std::function<bool(const Step&)>& pick) {
  WorkflowParts parts = wf.parts();
  for (Step& s : parts.steps) {
    if (!s.is_work() || !pick(s)) continue;
    Step gateway;
    gateway.id = s.id;
    gateway.name = s.name;
    gateway.kind = StepKind::gateway;
    gateway.join = s.join;
    gateway.split = s.split;
    gateway.tags = s.tags;
    s = std::move(gateway);
  }
  return Workflow::make(std::move(parts));
}

}  // namespace baton::test
