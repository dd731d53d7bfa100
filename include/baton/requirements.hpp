// The analyses behind the requirement checks (shared/spec/checks.md,
// Requirements): whether a requirement's rule holds on the runs it concerns,
// how long a response may take, and whether a case type can complete.
//
// A requirement with `case_types` is judged once per case type, on the runs
// that follow its choices (CaseRestriction); without, once, on every run.
//
// Rules are judged on runs as firing sequences of the token game
// (semantics.hpp), with a monitor value that remembers what the rule needs:
//  - existence: a complete run in which no matching step fired;
//  - precedence: a `then` step fires while no `first` step has fired before
//    it. On interleavings this is causal precedence, because a concurrent
//    `first` step can always be ordered after;
//  - response: a `first` step fires and the run completes with no `then`
//    step after it. Again causal: a `then` step concurrent with the `first`
//    step can always be ordered before it.
// A linear graph question first rules out most rules that hold: it asks
// whether the violation could happen if an AND-join could fire as soon as
// each of its incoming transitions can be taken in some run. That allows
// more than the runs do, so a "no" is exact; only a "maybe" is explored
// state by state, breadth first, so the run shown is a shortest one.
#pragma once

#include <baton/finding.hpp>
#include <baton/lang.hpp>
#include <baton/model.hpp>
#include <baton/semantics.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace baton {

class CheckContext;
struct Check;

// The case types a requirement is judged for: the ones it names, or a single
// empty entry for "every case".
std::vector<std::optional<Index>> requirement_scopes(const Requirement& requirement);

// A run that breaks a requirement's rule, for one scope.
struct RuleViolation {
  Index requirement = 0;
  std::optional<Index> case_type;
  // The `then` step that fired too early (precedence), the `first` step left
  // unanswered (response); none for existence.
  std::optional<Index> step;
  // A shortest such run: up to and including the `then` step (precedence),
  // complete (existence, response).
  std::vector<Index> run;
};

struct RuleViolations {
  std::vector<RuleViolation> found;  // by requirement, then case type
  bool exhausted = true;             // false: a scope stopped at the state limit with no violation found
};

// Every requirement whose rule is of `type`, in each of its scopes.
RuleViolations find_rule_violations(const Workflow& workflow, RuleType type, SearchLimit state_limit);

// How long a response rule with `within` may take, for one scope: the
// longest time from a `first` step's completion to the completion of the
// next `then` step after it (no `then` step comes causally in between). Each
// step takes up to its `duration`, so the time is that of the longest chain
// of steps, each taking over a transition from the one before, that ends at
// the `then` step and does not come before the `first` step: the steps after
// it, and the branches the `then` step waits for that opened before it,
// counted from where they opened as if everything before the `first` step
// took no time. Concurrent branches thus count their longest.
//
// Exact: the token game is explored with the chain followed token by token
// (requirements.cpp, DeadlineSearch). Every interleaving is explored, and
// steps that do not come before the `first` step can always be ordered after
// it, so every chain is seen. Where the graph alone shows that the steps in
// between are dated, loop-free and within the limit, the exploration is
// skipped (needs the concurrency of steps, dataflow.hpp).
struct DeadlineSpan {
  Index requirement = 0;
  std::optional<Index> case_type;
  std::vector<Index> loop;     // steps of a loop that can run in between; empty when none
  std::vector<Index> undated;  // steps that can run in between and have no `duration`
  // Without a loop: the longest time, a step with no duration counted as
  // none; the steps along it (the `first` step, then the chain to the `then`
  // step); a run that shows it, up to that `then` step.
  std::int64_t longest_seconds = 0;
  std::vector<Index> longest;
  std::vector<Index> run;
  bool calendar_units = false;  // months or years were counted as 30 or 365 days
};

struct DeadlineSpans {
  std::vector<DeadlineSpan> found;  // by requirement, then case type
  bool exhausted = true;            // false: a scope stopped at the state limit
};

class StepRelations;

// Every response rule with `within`, in each scope in which a `then` step
// can come next after a `first` step. A scope the graph shows to be within
// its limit (given `relations`, when known) may be left out.
DeadlineSpans find_deadline_spans(const Workflow& workflow, SearchLimit state_limit,
                                  const StepRelations* relations = nullptr);
// The same, computed once per check run and shared by the deadline checks;
// each of them marks itself incomplete when a scope stopped at the limit.
const DeadlineSpans& deadline_spans(CheckContext& context, const Check& check);

// A case type with no complete run: its cases stop at `stuck_at` (steps that
// wait at an AND-join, or steps with no way on), or, when that is empty, go
// round a loop forever. A case type whose runs take a transition twice is
// not reported: runs are not followed past that (semantics.hpp), and
// lack-of-synchronization reports it.
struct IncompleteCaseType {
  Index case_type = 0;
  std::vector<Index> stuck_at;
};

struct CaseTypeCompleteness {
  std::vector<IncompleteCaseType> incomplete;  // by case type
  bool exhausted = true;  // false: a case type stopped at the state limit with no complete run found
};

// Where `relations` show the workflow is made of blocks with one end, the
// graph answers alone; otherwise the states are explored.
CaseTypeCompleteness find_incomplete_case_types(const Workflow& workflow, SearchLimit state_limit,
                                                const StepRelations* relations = nullptr);

// A finding of `check` about requirement `requirement` in one scope: pointer
// /requirements/i, the requirement id and the case type set.
Finding requirement_finding(const Check& check, const Workflow& workflow, Index requirement,
                            std::optional<Index> case_type, const std::string& message);

// Turns each violation find_rule_violations finds for `check`'s rule type
// into a finding (steps: the offending step; witness: the run) with the
// message `describe` writes; marks `check` incomplete where it stopped.
void report_rule_violations(CheckContext& context, const Check& check, RuleType type,
                            std::string (*describe)(const CheckContext&, const RuleViolation&),
                            std::vector<Finding>& out);

// One finding of `check` per deadline span whose `steps` (loop or undated)
// are not empty: those steps, and the message `describe` writes, which is
// also given the rule's first and then steps as the message names them.
void report_deadline_steps(CheckContext& context, const Check& check, std::vector<Index> DeadlineSpan::*steps,
                           std::string (*describe)(const CheckContext&, const DeadlineSpan&, const std::string& first,
                                                   const std::string& then),
                           std::vector<Finding>& out);

// How messages name steps ("»Afgørelse« eller »Bevilling«", joined by
// `conjunction`, Msg::word_or or Msg::word_and) and the requirement with its
// scope ("(requirement krav-plan-3m, cases of the type “Anbringelse”)").
std::string describe_steps(const Workflow& workflow, Lang lang, std::span<const Index> steps, Msg conjunction);
std::string describe_requirement(const Workflow& workflow, Lang lang, Index requirement, std::optional<Index> case_type);

}  // namespace baton
