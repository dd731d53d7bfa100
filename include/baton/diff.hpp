// What changes between two versions of a workflow (shared/spec/handbook.md,
// What changes): objects matched by id, each change said as a sentence a
// case worker understands, plus the findings fixed and the findings new.
// With a team, the same from that team's side ("Du modtager nu sagen fra …").
#pragma once

#include <baton/check.hpp>
#include <baton/lang.hpp>
#include <baton/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace baton {

struct Change {
  std::string kind;   // stable key: "step-added", "step-team", "handover-how", ...
  std::string id;     // the object's id ("from>to" for transitions and handovers)
  std::string text;   // the sentence, in the chosen language
  std::vector<std::string> teams;  // ids of the teams concerned (either version)
};

struct WorkflowDiff {
  std::string old_name, new_name;
  std::optional<std::string> team;  // the team whose side is told, if any
  std::vector<Change> changes;
  std::vector<Finding> fixed, found;  // findings of old gone in new; findings of new not in old
};

struct DiffOptions {
  std::optional<Lang> lang;          // empty: the new workflow's `language`
  std::optional<std::string> team;   // a team id of either version
  CheckOptions checks;               // how the findings on each side are found
};

// Throws std::invalid_argument for a team id that neither version has.
WorkflowDiff diff_workflows(const Workflow& old_workflow, const Workflow& new_workflow, const DiffOptions& options = {});

std::string write_diff(const WorkflowDiff& diff, Lang lang, TextForm form);

}  // namespace baton
