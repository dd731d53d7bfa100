// Conformance of case histories with a workflow (shared/spec/event-logs.md,
// "Matching events to steps", "What is computed per case", "Scale"): each
// case of a log is matched to the workflow's steps, teams and case types,
// aligned with the workflow's net, and judged on its timestamps; the results
// are handed on case by case, in the log's order, whatever the threads.
#pragma once

#include <baton/alignment.hpp>
#include <baton/conformance.hpp>
#include <baton/event_log.hpp>
#include <baton/model.hpp>
#include <baton/time.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace baton {

// What the spec leaves to the caller.
struct ConformOptions {
  // The analysis date for `overdue`: a deadline passed when it is before the
  // end of this day (24:00 UTC). Absent: no case is reported overdue.
  std::optional<Date> today;
  std::uint64_t state_limit = AlignOptions{}.state_limit;
};

// The workflow prepared for conformance: its activity, team and case-type
// names looked up once, and one alignment net per case type (and one for
// cases of no known type), shared read-only by every thread.
class ConformanceModel {
 public:
  ConformanceModel(const Workflow& workflow, const ConformOptions& options = {});
  ~ConformanceModel();
  ConformanceModel(const ConformanceModel&) = delete;
  ConformanceModel& operator=(const ConformanceModel&) = delete;

  const Workflow& workflow() const { return workflow_; }
  const ConformOptions& options() const { return options_; }
  // The step an activity names: by id, else by name, else by a log name,
  // the first step in file order each time; gateways never occur in logs.
  std::optional<Index> step_of(std::string_view activity) const;
  // The team an event's group names, by id or name.
  std::optional<Index> team_of(std::string_view team) const;
  // The case type a case attribute's value names, by id or name.
  std::optional<Index> case_type_of(std::string_view value) const;
  // The net for a case type; nullopt: every run of the workflow.
  const AlignmentNet& net(std::optional<Index> case_type) const;

 private:
  const Workflow& workflow_;
  ConformOptions options_;
  // Looked up by string_view without making a string (an event's activity).
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Names = std::unordered_map<std::string, Index, NameHash, std::equal_to<>>;
  Names steps_, teams_, case_types_;
  std::vector<std::unique_ptr<CaseRestriction>> restrictions_;  // [0]: every run, [1 + t]: case type t
  std::vector<std::unique_ptr<AlignmentNet>> nets_;
};

// A complete event of the case: an occurrence of a step, or of an unknown
// activity. The alignment's and deviations' event indices are indices here.
struct Occurrence {
  std::string activity;
  std::optional<Index> step;
  std::int64_t time_ms = 0;
  std::string team;               // as written; empty when absent
  std::optional<Index> team_index;  // the workflow's team it names
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

// The time between two consecutive occurrences; a handover when both are
// work steps whose owning teams differ.
struct Wait {
  Index from = 0, to = 0;  // occurrences
  std::int64_t seconds = 0;
  bool handover = false;
  friend bool operator==(const Wait&, const Wait&) = default;
};

// A step's own time, from its start event to the complete event it pairs with.
struct StepTime {
  Index occurrence = 0;
  std::int64_t start_ms = 0;
  std::int64_t seconds = 0;
  friend bool operator==(const StepTime&, const StepTime&) = default;
};

// For a response rule with `within`: the time from a `first` occurrence to
// the next `then` occurrence, and whether it was over the limit.
struct ResponseTime {
  std::int64_t seconds = 0;
  bool late = false;
  friend bool operator==(const ResponseTime&, const ResponseTime&) = default;
};

// A requirement judged on one case: whether the case keeps it (no
// requirement-violated, deadline-missed or overdue about it), and the
// response times its rule measures.
struct RequirementOutcome {
  Index requirement = 0;
  bool kept = true;
  std::vector<ResponseTime> responses;
  friend bool operator==(const RequirementOutcome&, const RequirementOutcome&) = default;
};

enum class CaseStatus : std::uint8_t {
  aligned,          // the alignment is optimal, cost and fitness exact
  analysis_limit,   // the search passed the state limit: no cost
  no_complete_run,  // the case's type has no complete run to align with
};
std::string_view to_string(CaseStatus);

struct CaseResult {
  std::uint64_t ordinal = 0;  // the case's place in the log (all files, every partition)
  std::string id;
  std::optional<Index> case_type;
  std::string case_type_written;  // the attribute's value, also when it names no case type
  bool open = false;
  std::vector<Occurrence> occurrences;
  CaseStatus status = CaseStatus::aligned;
  Alignment alignment;
  // events + the cost of the cheapest complete run: fitness's denominator.
  std::uint64_t denominator = 0;
  std::vector<Deviation> deviations;
  std::vector<Wait> waits;
  std::vector<StepTime> step_times;
  std::vector<RequirementOutcome> requirements;  // the requirements with a rule that concern the case
};

// Checks cases one after another, reusing its alignment buffers: one per thread.
class CaseChecker {
 public:
  explicit CaseChecker(const ConformanceModel& model);
  ~CaseChecker();
  CaseChecker(const CaseChecker&) = delete;
  CaseChecker& operator=(const CaseChecker&) = delete;

  // By value: a run hands its case over, and the case's names move into
  // the result instead of being copied.
  CaseResult check(LogCase log_case, std::uint64_t ordinal = 0);

 private:
  const ConformanceModel& model_;
  std::vector<std::unique_ptr<Aligner>> aligners_;  // as nets, made when first needed
};

// One case, without keeping buffers.
CaseResult check_case(const ConformanceModel& model, const LogCase& log_case, std::uint64_t ordinal = 0);

// How a whole log is worked through.
struct RunOptions {
  unsigned jobs = 1;  // threads checking cases; the output is the same whatever the number
  // Only the cases of partition `partition` (1..partitions) of the log, by
  // a hash of the case id; partitions 1: the whole log.
  std::uint32_t partition = 1, partitions = 1;
  // Replace every case id by its pseudonym under this key (pseudonymise).
  std::optional<std::string> pseudonymise_key;
};

// The partition (1..partitions) of a case: FNV-1a (64 bits) of its id, so
// that every run, machine and version puts a case in the same one.
std::uint32_t partition_of(std::string_view case_id, std::uint32_t partitions);

// HMAC-SHA-256 of the case id under `key`, the first 16 hex digits.
std::string pseudonymise(std::string_view key, std::string_view case_id);

struct ConformanceSummary;

// Cases in, results out in the log's order: `add` hands each case of the
// log on as the reader gives it, and `sink` receives the checked cases of
// the partition, in that order, from the calling thread. At most a few
// cases per thread are held at a time, so memory does not grow with the log.
class ConformanceRun {
 public:
  using ResultSink = std::function<void(const CaseResult&)>;
  ConformanceRun(const ConformanceModel& model, const RunOptions& options, ResultSink sink);
  ~ConformanceRun();
  ConformanceRun(const ConformanceRun&) = delete;
  ConformanceRun& operator=(const ConformanceRun&) = delete;

  void add(LogCase&& log_case);
  // Waits for every case; the figures over the partition's cases. An error
  // a thread met (out of memory) is thrown from here or from `add`.
  const ConformanceSummary& finish();

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace baton
