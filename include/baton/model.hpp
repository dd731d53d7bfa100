// The in-memory model of a workflow ("arbejdsgang"), as
// shared/spec/workflow-format.md defines it. A Workflow is made only by a
// loader, which resolves every reference to an index and checks every rule of
// the format; after that it never changes, so it may be shared between threads.
#pragma once

#include <baton/time.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace baton {

using Index = std::size_t;

struct Team {
  std::string id, name;
  std::vector<std::string> roles;
  friend bool operator==(const Team&, const Team&) = default;
};

struct System {
  std::string id, name;
  friend bool operator==(const System&, const System&) = default;
};

struct Artifact {
  std::string id, name;
  std::optional<std::string> kind;
  friend bool operator==(const Artifact&, const Artifact&) = default;
};

struct Template {
  std::string id, name;
  std::optional<Index> system;
  friend bool operator==(const Template&, const Template&) = default;
};

// A gateway only routes (a BPMN gateway, a silent Petri-net transition): it is
// no work, takes no time and never occurs in an event log.
enum class StepKind { start, task, control, decision, gateway, end };
// How incoming transitions combine (join) and outgoing ones are taken (split).
enum class Gate { exclusive, parallel };  // "xor", "and"

std::string_view to_string(StepKind);
std::string_view to_string(Gate);

// One entry of a step's `checks`: the step controls `artifact` for `aspect`.
struct Control {
  Index artifact = 0;
  std::string aspect = "*";
  friend bool operator==(const Control&, const Control&) = default;
};

// How the IT system supports a step and what must be recorded in it.
struct ItSupport {
  std::optional<Index> system;
  std::optional<std::string> function;
  std::vector<Index> records;
  friend bool operator==(const ItSupport&, const ItSupport&) = default;
};

struct Step {
  std::string id, name;
  StepKind kind = StepKind::task;
  std::optional<std::string> description;
  std::optional<Index> team;
  std::optional<std::string> role;
  Gate join = Gate::exclusive;
  Gate split = Gate::exclusive;
  std::vector<Index> reads, writes;
  std::vector<Control> checks;
  std::optional<ItSupport> it;
  std::vector<Index> templates;
  std::vector<Index> satisfies;
  std::vector<std::string> tags;
  std::optional<Duration> duration;
  // The activity names the case-management system writes in its event log
  // for this step (event-logs.md, "Matching events to steps").
  std::vector<std::string> log_names;

  // Task, control and decision steps are work someone does; start and end
  // steps only mark where a case begins and ends, gateways only route.
  bool is_work() const {
    return kind == StepKind::task || kind == StepKind::control || kind == StepKind::decision;
  }
  friend bool operator==(const Step&, const Step&) = default;
};

struct Responsible {
  Index team = 0;
  std::optional<std::string> role;
  friend bool operator==(const Responsible&, const Responsible&) = default;
};

struct Handover {
  std::optional<std::string> how;
  std::optional<Responsible> responsible;
  friend bool operator==(const Handover&, const Handover&) = default;
};

struct Transition {
  Index from = 0, to = 0;
  std::optional<std::string> label;
  std::optional<Handover> handover;
  friend bool operator==(const Transition&, const Transition&) = default;
};

// A selector as written, and the steps it matches (sorted, never empty).
struct Selector {
  std::string text;
  std::vector<Index> steps;
  friend bool operator==(const Selector&, const Selector&) = default;
};

enum class RuleType { existence, precedence, response };
std::string_view to_string(RuleType);

// existence uses `first` for its `steps`; `then` and `within` stay empty.
struct Rule {
  RuleType type = RuleType::existence;
  Selector first, then;
  std::optional<Duration> within;
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct Requirement {
  std::string id, text;
  std::optional<std::string> source;
  std::optional<std::vector<Index>> case_types;  // absent: every case
  std::optional<Rule> rule;
  friend bool operator==(const Requirement&, const Requirement&) = default;
};

// At an XOR-split `step`, a case of this type takes `transition`.
struct Choice {
  Index step = 0, transition = 0;
  std::string written;  // the label or step id as written in the file
  friend bool operator==(const Choice&, const Choice&) = default;
};

struct CaseType {
  std::string id, name;
  std::optional<std::string> description;
  std::vector<Choice> choices;  // in the file's order
  friend bool operator==(const CaseType&, const CaseType&) = default;
};

struct FollowUp {
  std::string id, question;
  std::vector<Index> steps;
  std::optional<std::int64_t> every_days;
  std::optional<std::string> source;
  std::optional<Index> owner;       // the team that follows up
  std::optional<Date> last_done;    // when it was last followed up
  // The date it is next due: last done plus every_days; none when either is missing.
  std::optional<Date> due() const {
    if (!last_done || !every_days) return std::nullopt;
    return last_done->plus_days(*every_days);
  }
  friend bool operator==(const FollowUp&, const FollowUp&) = default;
};

struct Review {
  std::optional<Date> last_reviewed;
  std::optional<std::int64_t> interval_days;
  std::optional<Index> owner;
  friend bool operator==(const Review&, const Review&) = default;
};

// Everything a workflow file says, references resolved to indices. Loaders
// fill it in; Workflow checks nothing itself and only adds lookups.
struct WorkflowParts {
  std::string id, name;
  std::optional<std::string> version, language, description;
  std::optional<Review> review;
  std::vector<Team> teams;
  std::vector<System> systems;
  std::vector<Artifact> artifacts;
  std::vector<Template> templates;
  std::vector<Requirement> requirements;
  std::vector<Step> steps;
  std::vector<Transition> transitions;
  std::vector<CaseType> case_types;
  std::vector<FollowUp> follow_up;
  friend bool operator==(const WorkflowParts&, const WorkflowParts&) = default;
};

enum class HandoverKind { none, team, role };

// A handover (workflow-format.md, Semantics): a path from step `from` through
// gateways only to step `to` (neither a gateway) whose owners differ. Paths
// that share their first and last transitions are one handover: what lies in
// between only routes.
struct HandoverPath {
  Index from = 0, to = 0;
  // The transitions of one such path, the one out of `from` first and the
  // one into `to` last; a single transition when no gateway lies between.
  std::vector<Index> transitions;
  HandoverKind kind = HandoverKind::team;
  // The transition whose `handover` describes it: the last one's when it has
  // one, else the first one's; absent when neither has.
  std::optional<Index> described_by;

  Index first() const { return transitions.front(); }
  Index last() const { return transitions.back(); }
};

// Where an object of the workflow stands in the file it was read from, for
// formats whose places are not JSON Pointers (BPMN, PNML): the element's id
// there and its line and column (1-based; 0 when unknown).
struct SourceLocation {
  std::string element;
  int line = 0, column = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};
// JSON Pointer of an object ("/steps/4") -> its place in the source file.
using SourceMap = std::unordered_map<std::string, SourceLocation>;

class Workflow {
 public:
  // Takes parts a loader has validated (see json.hpp); the caller guarantees
  // every index is in range and the format's structural rules hold.
  static std::shared_ptr<const Workflow> make(WorkflowParts parts, SourceMap sources = {});
  // The id lookups point into parts_, so a Workflow stays where it was made.
  Workflow(const Workflow&) = delete;
  Workflow& operator=(const Workflow&) = delete;

  const WorkflowParts& parts() const { return parts_; }
  const std::string& id() const { return parts_.id; }
  const std::string& name() const { return parts_.name; }
  std::span<const Step> steps() const { return parts_.steps; }
  std::span<const Transition> transitions() const { return parts_.transitions; }
  std::span<const Team> teams() const { return parts_.teams; }
  std::span<const System> systems() const { return parts_.systems; }
  std::span<const Artifact> artifacts() const { return parts_.artifacts; }
  std::span<const Template> templates() const { return parts_.templates; }
  std::span<const Requirement> requirements() const { return parts_.requirements; }
  std::span<const CaseType> case_types() const { return parts_.case_types; }
  std::span<const FollowUp> follow_up() const { return parts_.follow_up; }
  const Step& step(Index i) const { return parts_.steps.at(i); }
  const Transition& transition(Index i) const { return parts_.transitions.at(i); }

  Index start() const { return start_; }
  std::span<const Index> ends() const { return ends_; }
  // Transition indices leaving / entering a step, in file order.
  std::span<const Index> outgoing(Index step) const { return outgoing_.at(step); }
  std::span<const Index> incoming(Index step) const { return incoming_.at(step); }

  std::optional<Index> find_step(std::string_view id) const { return find(step_ids_, id); }
  std::optional<Index> find_case_type(std::string_view id) const { return find(case_type_ids_, id); }
  std::optional<Index> find_requirement(std::string_view id) const { return find(requirement_ids_, id); }

  // Every handover, ordered by first transition, then last; found once, so
  // the checks and the walk judge them alike.
  std::span<const HandoverPath> handovers() const { return handovers_; }
  // The handover whose path starts with transition `first` and ends with
  // `last`, if that is one.
  const HandoverPath* handover(Index first, Index last) const;
  // The `handover` object that describes it, if any.
  const Handover* handover_of(const HandoverPath& path) const;

  // The place in the source file of the object at `pointer` (or of the
  // nearest object containing it), where the reader recorded one.
  const SourceLocation* source_of(std::string_view pointer) const;
  const SourceMap& sources() const { return sources_; }

  // Equal content; where the workflow was read from does not count.
  friend bool operator==(const Workflow& a, const Workflow& b) { return a.parts_ == b.parts_; }

 private:
  Workflow(WorkflowParts parts, SourceMap sources);
  using IdMap = std::unordered_map<std::string_view, Index>;
  static std::optional<Index> find(const IdMap& map, std::string_view id);
  HandoverKind owners_differ(Index from, Index to) const;
  void find_handovers();

  WorkflowParts parts_;
  Index start_ = 0;
  std::vector<Index> ends_;
  std::vector<std::vector<Index>> outgoing_, incoming_;
  IdMap step_ids_, case_type_ids_, requirement_ids_;
  std::vector<HandoverPath> handovers_;
  SourceMap sources_;
};

// One way on from a step: the transitions a case takes from it, through
// gateways only, to the next step that is no gateway.
using Way = std::vector<Index>;
// Which outgoing transitions a case may take at a step (all, or a case
// type's choice).
using AllowedWays = std::function<std::span<const Index>(Index step)>;

// The ways on from `step` (by default along every transition): for each
// allowed transition out of it, in order, each transition into a step beyond
// the gateways once, by a shortest way, in file order. Bounded by the
// gateways' transitions per first transition, however many paths they make.
std::vector<Way> ways_on(const Workflow& workflow, Index step, const AllowedWays& allowed = {});

// JSON Pointer of an object in the workflow file ("/steps/4").
std::string pointer_to(std::string_view list, Index i);

}  // namespace baton
