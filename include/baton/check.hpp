// The check interface, options and the runner (shared/spec/checks.md).
// One check is one `Check` value in its own header under checks/; the
// registry (registry.hpp) lists them all.
#pragma once

#include <baton/finding.hpp>
#include <baton/lang.hpp>
#include <baton/model.hpp>
#include <baton/semantics.hpp>
#include <baton/time.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

// For the whole check run (CheckOptions::state_limit). Measured on adversarial
// workflows under 64 KB (benchmarks/bench_adversarial.cpp): the costliest
// exploration takes about 15 us a state, so this keeps every run of every
// command within its 10 s.
inline constexpr std::uint64_t default_state_limit = 250'000;

struct CheckOptions {
  std::vector<std::string> only;             // empty: every check
  std::vector<std::string> disable;
  std::map<std::string, Severity> severity;  // rule id -> severity
  std::optional<Date> today;                 // empty: today (UTC)
  // The most states the whole run keeps, over all its explorations together
  // (each check's questions draw from one budget, so their number cannot
  // multiply the time). 0: default_state_limit.
  std::uint64_t state_limit = 0;
  // The most bytes the run's stored states may take, counted approximately
  // (semantics.hpp, RunBudget); past it the unfinished checks are reported
  // by analysis-limit, as at the state limit. 0: none beyond about 1 GiB per
  // exploration.
  std::uint64_t memory_limit = 0;
  std::optional<Lang> lang;                  // empty: the workflow's `language`
};

// Options that name an unknown rule id, or a bad level, are refused with this.
class OptionError : public std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

class CheckContext;

struct Check {
  std::string_view id;
  Severity severity;        // default; a check may report a finding with another
  std::string_view summary; // one line; the full documentation is docs/checks/<id>.md
  void (*run)(CheckContext&, std::vector<Finding>&);
  // Checks of a later phase run after the others and may read what the
  // others left in the context (analysis-limit reads the incomplete checks).
  int phase = 0;
};

// Everything a check may use: the workflow, the options, and analyses shared
// between checks, computed once on first use.
class CheckContext {
 public:
  CheckContext(const Workflow& workflow, Date today, std::uint64_t state_limit, Lang lang = Lang::en,
               std::uint64_t memory_limit = 0);
  ~CheckContext();
  CheckContext(const CheckContext&) = delete;
  CheckContext& operator=(const CheckContext&) = delete;

  const Workflow& workflow() const { return workflow_; }
  Date today() const { return today_; }
  std::uint64_t state_limit() const { return state_limit_; }
  std::uint64_t memory_limit() const { return memory_limit_; }
  // The limit every exploration of the run explores within: the state
  // limit, and what is left of the run's budget.
  SearchLimit search_limit() { return {state_limit_, &budget_}; }
  // Whether an exploration stopped because the memory budget was spent.
  bool memory_reached() const { return budget_.memory_reached; }
  // The language the findings' messages are written in.
  Lang lang() const { return lang_; }
  std::string say(Msg id, std::initializer_list<MessageArg> args = {}) const;
  std::string quote(std::string_view name) const;

  // A check that stopped at the state limit says so here; analysis-limit
  // reports the list.
  void mark_incomplete(std::string_view check_id) { incomplete_.insert(std::string(check_id)); }
  const std::set<std::string>& incomplete() const { return incomplete_; }

  // A cache for analyses several checks share, keyed by type:
  // `ctx.shared<SoundnessResult>([&]{ return compute(...); })`.
  template <class T, class F>
  const T& shared(F&& make) {
    auto& slot = cache_[&type_key<T>];
    if (!slot) slot = std::shared_ptr<void>(std::make_shared<T>(make()));
    return *static_cast<const T*>(slot.get());
  }

 private:
  template <class T>
  static inline const char type_key = 0;

  const Workflow& workflow_;
  Date today_;
  std::uint64_t state_limit_, memory_limit_;
  RunBudget budget_;
  Lang lang_;
  std::set<std::string> incomplete_;
  std::map<const void*, std::shared_ptr<void>> cache_;
};

struct Report {
  std::string workflow;  // the workflow's id
  std::vector<Finding> findings;
  // With a memory budget that an exploration reached: the checks left
  // incomplete, comma-separated (analysis-limit reports them too); else "".
  std::string memory_reached;
  std::size_t count(Severity s) const;
};

// Runs the selected checks in registry order. A check that throws does not
// end the run: it becomes an `internal-error` finding of its own. Throws
// OptionError for an unknown rule id in the options.
Report run_checks(const Workflow& workflow, const CheckOptions& options = {});
// The same over a given list of checks instead of the registry.
Report run_checks(const Workflow& workflow, const CheckOptions& options, std::span<const Check* const> checks);

// "redundant-control,duplicate-work" -> ids; refuses unknown ids.
std::vector<std::string> parse_rule_list(std::string_view comma_separated);
// "rule=level,rule=level" -> map; refuses unknown ids and levels.
std::map<std::string, Severity> parse_severity_list(std::string_view comma_separated);

}  // namespace baton
