// A swimlane diagram of a workflow as the layout's tests and benchmark need
// it: twelve team lanes, roles as sub-lanes, step kinds as shapes. The
// generator knows five teams; each is split into a north and a south office
// by where its steps fall in the file, so the diagram has the ten busy
// teams, one lane for steps no team owns and one team with no steps.
#pragma once

#include <baton/layout.hpp>
#include <baton/model.hpp>

#include <map>
#include <string>
#include <utility>

namespace baton::bench {

inline LayoutInput swimlane_input(const Workflow& wf) {
  LayoutInput in;
  in.lanes.push_back({"ingen", "Uden team", {}});
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> team_lane;       // (team, office)
  std::map<std::pair<std::size_t, std::string>, std::size_t> role_lane;       // (team lane, role)
  const char* offices[] = {"nord", "syd"};
  for (std::size_t office = 0; office < 2; ++office)
    for (std::size_t t = 0; t < wf.teams().size(); ++t) {
      const Team& team = wf.teams()[t];
      const std::size_t lane = in.lanes.size();
      team_lane[{t, office}] = lane;
      in.lanes.push_back({team.id + "-" + offices[office], team.name + " (" + offices[office] + ")", {}});
      for (const std::string& role : team.roles) {
        role_lane[{lane, role}] = in.lanes.size();
        in.lanes.push_back({team.id + "-" + offices[office] + "-" + role, role, lane});
      }
    }
  in.lanes.push_back({"borgerservice", "Borgerservice", {}});

  const std::size_t n = wf.steps().size();
  for (std::size_t i = 0; i < n; ++i) {
    const Step& s = wf.steps()[i];
    LayoutNode node;
    node.id = s.id;
    node.label = s.name;
    if (s.team) {
      node.lane = team_lane.at({*s.team, i * 2 / n});
      if (s.role) node.lane = role_lane.at({node.lane, *s.role});
    }
    if (s.kind == StepKind::start || s.kind == StepKind::end) {
      node.shape = NodeShape::circle;
      node.width = node.height = 36;
    } else if (s.kind == StepKind::gateway || s.kind == StepKind::decision) {
      node.shape = NodeShape::diamond;
      node.width = node.height = 50;
    }
    in.nodes.push_back(std::move(node));
  }
  for (const Transition& t : wf.transitions()) in.edges.push_back({t.from, t.to, t.label.value_or("")});
  return in;
}

}  // namespace baton::bench
