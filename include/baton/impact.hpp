// What rests on a thing (shared/spec/handbook.md, What rests on it): for a
// legal source, requirement, team, system, template or artifact, everything
// in the way of working that must be looked at when it changes: "new
// legislation or a new organisation: which parts must change?"
#pragma once

#include <baton/lang.hpp>
#include <baton/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace baton {

enum class ImpactOf { source, requirement, team, system, template_, artifact };
// "source", "requirement", "team", "system", "template", "artifact".
std::optional<ImpactOf> parse_impact_of(std::string_view);

// Indices into the workflow's lists, each sorted and without repeats;
// `handovers` index Workflow::handovers().
struct Impact {
  ImpactOf of = ImpactOf::source;
  std::string named;  // the text or id asked about
  std::vector<Index> requirements, steps, teams, case_types, templates, systems, artifacts, follow_up, handovers;
  // For a team: the handovers whose `responsible` is that team, which would
  // lose their responsible if the team went.
  std::vector<Index> losing_responsible;
  bool review = false;  // for a team: it owns the workflow's review
};

// The steps of a requirement are those that satisfy it, those its rule's
// selectors match, and for a response rule with a deadline the steps a case
// can pass between its first and then steps (their durations make up the
// deadline). A legal source is matched as text within requirements' `source` (and
// follow-up points' `source`), where the next character is no digit, so
// "§ 20" finds "§ 20, stk. 1" but not "§ 200". Throws std::invalid_argument
// for an id the workflow does not have.
Impact impact_of(const Workflow& workflow, ImpactOf of, std::string_view named);

std::string write_impact(const Workflow& workflow, const Impact& impact, Lang lang, TextForm form);

}  // namespace baton
