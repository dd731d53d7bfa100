// Every check, sorted by id. A new check is one header under
// include/baton/checks/, one source under src/checks/, one line here, one page
// under docs/checks/ and one test file under tests/checks/.
#include <baton/registry.hpp>

#include <baton/checks/analysis_limit.hpp>
#include <baton/checks/case_type_incomplete.hpp>
#include <baton/checks/control_without_rejection.hpp>
#include <baton/checks/dead_end.hpp>
#include <baton/checks/deadline_exceeded.hpp>
#include <baton/checks/deadline_unbounded.hpp>
#include <baton/checks/deadline_unknown.hpp>
#include <baton/checks/deadlock.hpp>
#include <baton/checks/double_entry.hpp>
#include <baton/checks/duplicate_work.hpp>
#include <baton/checks/existence_violated.hpp>
#include <baton/checks/follow_up_due.hpp>
#include <baton/checks/lack_of_synchronization.hpp>
#include <baton/checks/no_it_support.hpp>
#include <baton/checks/precedence_violated.hpp>
#include <baton/checks/redundant_control.hpp>
#include <baton/checks/requirement_unmapped.hpp>
#include <baton/checks/response_violated.hpp>
#include <baton/checks/review_overdue.hpp>
#include <baton/checks/undescribed_handover.hpp>
#include <baton/checks/undescribed_step.hpp>
#include <baton/checks/unowned_handover.hpp>
#include <baton/checks/unowned_step.hpp>
#include <baton/checks/unreachable_step.hpp>
#include <baton/checks/unrecorded_output.hpp>
#include <baton/checks/unused_artifact.hpp>
#include <baton/checks/unused_team.hpp>
#include <baton/checks/unused_template.hpp>

#include <algorithm>

namespace baton {

namespace {
constexpr const Check* registry[] = {
    &checks::analysis_limit,
    &checks::case_type_incomplete,
    &checks::control_without_rejection,
    &checks::dead_end,
    &checks::deadline_exceeded,
    &checks::deadline_unbounded,
    &checks::deadline_unknown,
    &checks::deadlock,
    &checks::double_entry,
    &checks::duplicate_work,
    &checks::existence_violated,
    &checks::follow_up_due,
    &checks::lack_of_synchronization,
    &checks::no_it_support,
    &checks::precedence_violated,
    &checks::redundant_control,
    &checks::requirement_unmapped,
    &checks::response_violated,
    &checks::review_overdue,
    &checks::undescribed_handover,
    &checks::undescribed_step,
    &checks::unowned_handover,
    &checks::unowned_step,
    &checks::unreachable_step,
    &checks::unrecorded_output,
    &checks::unused_artifact,
    &checks::unused_team,
    &checks::unused_template,
};
}  // namespace

std::span<const Check* const> all_checks() { return registry; }

const Check* find_check(std::string_view id) {
  auto it = std::find_if(std::begin(registry), std::end(registry), [&](const Check* c) { return c->id == id; });
  return it == std::end(registry) ? nullptr : *it;
}

}  // namespace baton
