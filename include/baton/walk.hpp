// The walkthrough of a case type (shared/spec/cli.md, walk): each step in run
// order with what is done, who does it, the IT support and what must be
// recorded, templates and requirements served; between steps, each handover
// with how it happens and who is responsible.
#pragma once

#include <baton/lang.hpp>
#include <baton/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace baton {

enum class WalkFormat { markdown, json };

// `case_type` null: the whole workflow; else one of `workflow`'s case types,
// whose choices decide which way the case goes at XOR splits.
// `lang` empty: the workflow's `language`.
std::string walk(const Workflow& workflow, const CaseType* case_type, WalkFormat format,
                 std::optional<Lang> lang = {});

// The steps a case (of `case_type`, or any case when null) can reach, gateways
// left out, in run order: every step after the steps that lead to it (rework
// loops aside). The walk, the handbook and impact lists all go by this.
std::vector<Index> steps_in_run_order(const Workflow& workflow, const CaseType* case_type);

}  // namespace baton
