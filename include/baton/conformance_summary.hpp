// Conformance over a log (shared/spec/event-logs.md, "What is computed over
// the log", "Scale"): the figures per step, team, handover, requirement and
// case type, gathered case by case in memory that does not grow with the
// number of cases, and merged exactly across partitions of a log.
//
// A step's and a team's deviations are those of the step itself (skipped,
// unexpected, out of order, another team, too long, a late answer to a
// deadline); a rule broken or overdue counts for its requirement only.
//
// Everything is kept by the workflow's ids (steps, teams, requirements, case
// types), so that partition results merge without the workflow, and as
// whole numbers, so that the merge is the same whatever the order: a mean
// fitness is a sum of fitness in billionths, and durations are counted in
// buckets (exact below 1024 seconds, then to within 1/512 of the value),
// whose median and 90th percentile are the bucket's lower bound.
#pragma once

#include <baton/conformance.hpp>
#include <baton/log_conformance.hpp>

#include <boost/json/fwd.hpp>

#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace baton {

// Times in seconds, with how many were over the workflow's limit.
class Distribution {
 public:
  void add(std::int64_t seconds, bool over_limit) { add(seconds, 1, over_limit ? 1 : 0); }
  // `times` times in the bucket of `seconds`, `over` of them over the limit.
  void add(std::int64_t seconds, std::uint64_t times, std::uint64_t over);
  void merge(const Distribution& other);
  void add_over(std::uint64_t over) { over_ += over; }  // when read back: see summary_from_json
  std::uint64_t count() const { return count_; }
  std::uint64_t over_limit() const { return over_; }
  // Nearest rank: the smallest bucket holding at least `percent`% of the
  // times; 0 when empty.
  std::int64_t percentile(unsigned percent) const;
  // (lower bound, times), by lower bound.
  std::vector<std::pair<std::int64_t, std::uint64_t>> buckets() const;
  static std::int64_t bucket_of(std::int64_t seconds);
  friend bool operator==(const Distribution& a, const Distribution& b) {
    return a.count_ == b.count_ && a.over_ == b.over_ && a.buckets() == b.buckets();
  }

 private:
  std::uint64_t& slot(std::int64_t bucket);
  // An open-addressing table (linear probing, a power of two in size):
  // adding is most of the work over a log, and reading comes once.
  static constexpr std::int64_t empty = INT64_MIN;
  std::vector<std::pair<std::int64_t, std::uint64_t>> table_;
  std::size_t used_ = 0;
  std::uint64_t count_ = 0, over_ = 0;
};

constexpr std::size_t deviation_kinds = 9;

// Per deviation kind: how many deviations, and in how many cases.
struct DeviationCounts {
  std::array<std::uint64_t, deviation_kinds> deviations{}, cases{};
  void merge(const DeviationCounts& other);
  std::uint64_t total() const;
  friend bool operator==(const DeviationCounts&, const DeviationCounts&) = default;
};

// What is kept of each object: its name for the reports, its place in the
// workflow for their order, the cases it concerns.
struct SummaryEntry {
  std::string name;
  std::uint64_t order = 0;
  std::uint64_t cases = 0;
  std::uint64_t deviating = 0;  // of `cases`, those with a deviation here
  DeviationCounts deviations;
  friend bool operator==(const SummaryEntry&, const SummaryEntry&) = default;
};

struct StepSummary : SummaryEntry {
  std::uint64_t occurrences = 0;
  Distribution durations;  // start to complete, against the step's duration
  Distribution waiting;    // from the occurrence before, against the step's duration
  friend bool operator==(const StepSummary&, const StepSummary&) = default;
};

struct TeamSummary : SummaryEntry {
  std::uint64_t occurrences = 0;
  Distribution waiting;  // before the team's steps
  friend bool operator==(const TeamSummary&, const TeamSummary&) = default;
};

struct HandoverSummary : SummaryEntry {
  std::string from, to;  // step ids
  std::uint64_t count = 0;
  Distribution waiting;  // between the two teams; no limit
  friend bool operator==(const HandoverSummary&, const HandoverSummary&) = default;
};

struct RequirementSummary : SummaryEntry {
  std::uint64_t kept = 0;   // of `cases`, those keeping it
  Distribution response;    // response rules with `within`: first to answer, against `within`
  friend bool operator==(const RequirementSummary&, const RequirementSummary&) = default;
};

struct CaseTypeSummary : SummaryEntry {
  std::uint64_t open = 0;
  std::uint64_t aligned = 0;          // cases with an exact alignment
  std::uint64_t fitness_billionths = 0;  // their fitness summed, in units of 1e-9
  std::uint64_t cost = 0, denominator = 0;
  friend bool operator==(const CaseTypeSummary&, const CaseTypeSummary&) = default;
};

// An open case past a deadline: the list a team leader works from.
struct OverdueCase {
  std::uint64_t ordinal = 0;
  std::string id;  // as the output writes it (pseudonymised where asked)
  std::string requirement, step;  // ids: the rule, and the `first` step that started the clock
  std::string deadline;           // the date the limit passed
  std::string case_type;          // id; empty when none
  friend bool operator==(const OverdueCase&, const OverdueCase&) = default;
};

struct ConformanceSummary {
  std::string workflow;  // its id
  std::uint64_t cases = 0, open = 0, events = 0;
  std::uint64_t analysis_limit = 0, no_complete_run = 0;
  std::uint64_t cost = 0, denominator = 0;  // over the aligned cases
  DeviationCounts deviations;
  std::map<std::string, StepSummary> steps;
  std::map<std::string, TeamSummary> teams;
  std::map<std::string, HandoverSummary> handovers;  // "from>to"
  std::map<std::string, RequirementSummary> requirements;
  std::map<std::string, CaseTypeSummary> case_types;  // "": cases of no known type
  std::map<std::string, std::uint64_t> unknown_activities;  // name -> events
  std::map<std::string, std::uint64_t> unknown_case_types;  // value as written -> cases
  std::vector<OverdueCase> overdue;  // by ordinal

  // An empty summary for `workflow`, every step, team, requirement and case
  // type listed with no cases, so that what never happens shows too.
  static ConformanceSummary of(const Workflow& workflow);
  // `result.id` is taken as the output writes it.
  void add(const Workflow& workflow, const CaseResult& result);
  // Adds another partition's figures; throws std::invalid_argument for a
  // summary of another workflow.
  void merge(const ConformanceSummary& other);
  // PM4Py's log fitness: 1 - summed costs / summed denominators (1 when no
  // case was aligned).
  double fitness() const;
  friend bool operator==(const ConformanceSummary&, const ConformanceSummary&) = default;

  // The entries `add` found by the workflow's indices, so that a case costs
  // no string lookups; no part of the figures (equal, and empty on a copy).
  struct Lookup {
    std::vector<StepSummary*> steps;
    std::vector<TeamSummary*> teams;
    std::vector<RequirementSummary*> requirements;
    std::vector<CaseTypeSummary*> case_types;  // [0]: no known type
    std::map<std::pair<Index, Index>, HandoverSummary*> handovers;
    Lookup() = default;
    Lookup(const Lookup&) {}
    Lookup& operator=(const Lookup&) {
      *this = Lookup();
      return *this;
    }
    Lookup(Lookup&&) noexcept {}
    Lookup& operator=(Lookup&& other) noexcept {
      if (this != &other) {
        steps.clear(), teams.clear(), requirements.clear(), case_types.clear(), handovers.clear();
      }
      return *this;
    }
    friend bool operator==(const Lookup&, const Lookup&) { return true; }
  };
  Lookup lookup;
};

// The summary as the JSON output writes it, and read back from it (for
// merging partitions); `place` names the source in errors, which throw
// LoadError.
boost::json::object summary_to_json(const ConformanceSummary& summary);
ConformanceSummary summary_from_json(const boost::json::value& value, std::string_view place);

}  // namespace baton
