#include <baton/conformance_summary.hpp>
#include <baton/log_conformance.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace baton {

std::string_view to_string(CaseStatus status) {
  switch (status) {
    case CaseStatus::aligned: return "aligned";
    case CaseStatus::analysis_limit: return "analysis-limit";
    case CaseStatus::no_complete_run: return "no-complete-run";
  }
  return "?";
}

namespace {

// Names looked up by the first object that has them, ids before names
// before further names, so that an id always wins.
template <typename Names, typename T, typename More>
Names name_index(std::span<const T> objects, More more) {
  Names out;
  for (Index i = 0; i < objects.size(); ++i) out.emplace(objects[i].id, i);
  for (Index i = 0; i < objects.size(); ++i) out.emplace(objects[i].name, i);
  for (Index i = 0; i < objects.size(); ++i)
    for (const std::string& n : more(objects[i])) out.emplace(n, i);
  return out;
}

const std::vector<std::string> no_names;

template <typename Names>
std::optional<Index> lookup(const Names& map, std::string_view key) {
  if (key.empty()) return std::nullopt;
  const auto it = map.find(key);
  return it == map.end() ? std::nullopt : std::optional<Index>(it->second);
}

bool selects(const Selector& selector, std::optional<Index> step) {
  return step && std::binary_search(selector.steps.begin(), selector.steps.end(), *step);
}

std::int64_t seconds_between(std::int64_t from_ms, std::int64_t to_ms) { return (to_ms - from_ms) / 1000; }

constexpr std::int64_t day_ms = 86'400'000;

}  // namespace

ConformanceModel::ConformanceModel(const Workflow& workflow, const ConformOptions& options)
    : workflow_(workflow), options_(options) {
  // Gateways never occur in a log: they are left out of the lookup.
  const Names steps =
      name_index<Names>(workflow.steps(), [](const Step& s) -> const std::vector<std::string>& { return s.log_names; });
  for (auto& [name, step] : steps)
    if (workflow.step(step).kind != StepKind::gateway) steps_.emplace(name, step);
  teams_ = name_index<Names>(workflow.teams(), [](const Team&) -> const std::vector<std::string>& { return no_names; });
  case_types_ =
      name_index<Names>(workflow.case_types(), [](const CaseType&) -> const std::vector<std::string>& { return no_names; });
  restrictions_.push_back(std::make_unique<CaseRestriction>(workflow));
  for (const CaseType& t : workflow.case_types()) restrictions_.push_back(std::make_unique<CaseRestriction>(workflow, &t));
  for (const auto& r : restrictions_) nets_.push_back(std::make_unique<AlignmentNet>(workflow, *r, options.state_limit));
}

ConformanceModel::~ConformanceModel() = default;

std::optional<Index> ConformanceModel::step_of(std::string_view activity) const { return lookup(steps_, activity); }
std::optional<Index> ConformanceModel::team_of(std::string_view team) const { return lookup(teams_, team); }
std::optional<Index> ConformanceModel::case_type_of(std::string_view value) const {
  return lookup(case_types_, value);
}
const AlignmentNet& ConformanceModel::net(std::optional<Index> case_type) const {
  return *nets_.at(case_type ? *case_type + 1 : 0);
}

CaseChecker::CaseChecker(const ConformanceModel& model) : model_(model) {
  aligners_.resize(model.workflow().case_types().size() + 1);
}

CaseChecker::~CaseChecker() = default;

namespace {

// The requirement rules judged on a case's history (not on its alignment).
// Only what can no longer change counts against an open case: a missing
// step may still come, a `then` step too early has happened.
class RuleJudge {
 public:
  RuleJudge(const Workflow& workflow, const ConformOptions& options, CaseResult& result)
      : wf_(workflow), options_(options), r_(result), occ_(result.occurrences) {}

  void judge_all() {
    for (Index q = 0; q < wf_.requirements().size(); ++q) {
      const Requirement& req = wf_.requirements()[q];
      if (!req.rule) continue;
      if (req.case_types && (!r_.case_type || std::ranges::find(*req.case_types, *r_.case_type) == req.case_types->end()))
        continue;  // a requirement of some case types: judged only on cases known to be of one
      RequirementOutcome outcome;
      outcome.requirement = q;
      switch (req.rule->type) {
        case RuleType::existence: existence(q, *req.rule); break;
        case RuleType::precedence: precedence(q, *req.rule); break;
        case RuleType::response: response(q, *req.rule, outcome); break;
      }
      outcome.kept = std::ranges::none_of(r_.deviations, [&](const Deviation& d) { return d.requirement == q; });
      r_.requirements.push_back(std::move(outcome));
    }
  }

 private:
  void violated(Index q, std::optional<Index> event, std::optional<Index> step) {
    Deviation d;
    d.kind = DeviationKind::requirement_violated;
    d.requirement = q;
    d.event = event;
    d.step = step;
    r_.deviations.push_back(std::move(d));
  }

  void existence(Index q, const Rule& rule) {
    if (r_.open) return;
    if (std::ranges::none_of(occ_, [&](const Occurrence& o) { return selects(rule.first, o.step); }))
      violated(q, std::nullopt, std::nullopt);
  }

  void precedence(Index q, const Rule& rule) {
    for (Index i = 0; i < occ_.size(); ++i) {
      if (selects(rule.first, occ_[i].step)) return;
      if (selects(rule.then, occ_[i].step)) return violated(q, i, occ_[i].step);
    }
  }

  void response(Index q, const Rule& rule, RequirementOutcome& outcome) {
    bool unanswered_reported = false, overdue_reported = false;
    for (Index i = 0; i < occ_.size(); ++i) {
      if (!selects(rule.first, occ_[i].step)) continue;
      std::optional<Index> answer;
      for (Index j = i + 1; j < occ_.size() && !answer; ++j)
        if (selects(rule.then, occ_[j].step)) answer = j;
      if (answer) {
        if (!rule.within) continue;
        const std::int64_t seconds = seconds_between(occ_[i].time_ms, occ_[*answer].time_ms);
        const bool late = occ_[*answer].time_ms > add_calendar(occ_[i].time_ms, *rule.within);
        outcome.responses.push_back({seconds, late});
        if (late) {
          Deviation d;
          d.kind = DeviationKind::deadline_missed;
          d.requirement = q;
          d.event = *answer;
          d.step = occ_[*answer].step;
          d.args = {rule.within->to_string(), describe_seconds(seconds)};
          r_.deviations.push_back(std::move(d));
        }
      } else if (!r_.open) {
        if (!unanswered_reported) violated(q, i, occ_[i].step);
        unanswered_reported = true;
      } else if (rule.within && options_.today && !overdue_reported) {
        const std::int64_t deadline = add_calendar(occ_[i].time_ms, *rule.within);
        const std::int64_t analysed_at = (options_.today->days_since_epoch() + 1) * day_ms;
        if (deadline < analysed_at) {
          Deviation d;
          d.kind = DeviationKind::overdue;
          d.requirement = q;
          d.event = i;
          d.step = occ_[i].step;
          const std::int64_t deadline_day = deadline >= 0 ? deadline / day_ms : (deadline - day_ms + 1) / day_ms;
          d.args = {rule.within->to_string(), Date::from_days_since_epoch(deadline_day).to_string(),
                    describe_seconds(seconds_between(deadline, analysed_at))};
          r_.deviations.push_back(std::move(d));
          overdue_reported = true;
        }
      }
    }
  }

  const Workflow& wf_;
  const ConformOptions& options_;
  CaseResult& r_;
  const std::vector<Occurrence>& occ_;
};

}  // namespace

CaseResult CaseChecker::check(LogCase log_case, std::uint64_t ordinal) {
  const Workflow& wf = model_.workflow();
  CaseResult r;
  r.ordinal = ordinal;
  r.id = std::move(log_case.id);
  r.case_type = model_.case_type_of(log_case.case_type);
  r.case_type_written = std::move(log_case.case_type);

  // Occurrences, and each step's own time from a start event to the next
  // complete event of the same step.
  std::map<Index, std::deque<std::int64_t>> started;
  r.occurrences.reserve(log_case.events.size());
  for (LogEvent& e : log_case.events) {
    const std::optional<Index> step = model_.step_of(e.activity);
    if (e.lifecycle == Lifecycle::start) {
      if (step) started[*step].push_back(e.time_ms);
      continue;
    }
    if (e.lifecycle != Lifecycle::complete) continue;
    if (step) {
      auto it = started.find(*step);
      if (it != started.end() && !it->second.empty()) {
        const std::int64_t start = it->second.front();
        it->second.pop_front();
        r.step_times.push_back({r.occurrences.size(), start, seconds_between(start, e.time_ms)});
      }
    }
    const std::optional<Index> team = model_.team_of(e.team);
    r.occurrences.push_back({std::move(e.activity), step, e.time_ms, std::move(e.team), team});
  }
  const auto& occ = r.occurrences;
  r.open = !log_case.closed && (occ.empty() || !occ.back().step || wf.step(*occ.back().step).kind != StepKind::end);

  // The alignment, and the deviations it shows.
  const AlignmentNet& net = model_.net(r.case_type);
  auto& aligner = aligners_[r.case_type ? *r.case_type + 1 : 0];
  if (!aligner) aligner = std::make_unique<Aligner>(net);
  std::vector<TraceEvent> trace;
  trace.reserve(occ.size());
  for (const Occurrence& o : occ) trace.push_back({o.step});
  r.alignment = aligner->align(trace, {r.open, model_.options().state_limit});
  r.denominator = occ.size() + net.cheapest_complete_run().value_or(0);
  switch (r.alignment.status) {
    case AlignmentStatus::optimal: r.status = CaseStatus::aligned; break;
    case AlignmentStatus::limit_reached: r.status = CaseStatus::analysis_limit; break;
    case AlignmentStatus::no_complete_run: r.status = CaseStatus::no_complete_run; break;
  }
  if (r.status == CaseStatus::aligned) {
    r.deviations = alignment_deviations(wf, r.alignment);
  } else {
    // No alignment to read; the unknown activities are known all the same.
    for (Index i = 0; i < occ.size(); ++i)
      if (!occ[i].step) {
        Deviation d;
        d.kind = DeviationKind::unknown_activity;
        d.event = i;
        r.deviations.push_back(std::move(d));
      }
  }

  // Teams, and steps that took longer than their duration.
  for (Index i = 0; i < occ.size(); ++i) {
    if (!occ[i].step || occ[i].team.empty()) continue;
    const Step& s = wf.step(*occ[i].step);
    if (!s.team || occ[i].team_index == s.team) continue;
    Deviation d;
    d.kind = DeviationKind::other_team;
    d.step = occ[i].step;
    d.event = i;
    d.args = {occ[i].team, wf.teams()[*s.team].name};
    r.deviations.push_back(std::move(d));
  }
  for (const StepTime& t : r.step_times) {
    const Step& s = wf.step(*occ[t.occurrence].step);
    if (!s.duration || occ[t.occurrence].time_ms <= add_calendar(t.start_ms, *s.duration)) continue;
    Deviation d;
    d.kind = DeviationKind::step_too_long;
    d.step = occ[t.occurrence].step;
    d.event = t.occurrence;
    d.args = {s.duration->to_string(), describe_seconds(t.seconds)};
    r.deviations.push_back(std::move(d));
  }

  // Waiting between consecutive occurrences; between teams, a handover.
  for (Index i = 1; i < occ.size(); ++i) {
    const auto owner = [&](const Occurrence& o) -> std::optional<Index> {
      return o.step && wf.step(*o.step).is_work() ? wf.step(*o.step).team : std::nullopt;
    };
    const auto a = owner(occ[i - 1]), b = owner(occ[i]);
    r.waits.push_back({i - 1, i, seconds_between(occ[i - 1].time_ms, occ[i].time_ms), a && b && *a != *b});
  }

  RuleJudge(wf, model_.options(), r).judge_all();
  return r;
}

CaseResult check_case(const ConformanceModel& model, const LogCase& log_case, std::uint64_t ordinal) {
  return CaseChecker(model).check(log_case, ordinal);
}

// --- a whole log -------------------------------------------------------------------------

std::uint32_t partition_of(std::string_view case_id, std::uint32_t partitions) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : case_id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<std::uint32_t>(h % std::max<std::uint32_t>(partitions, 1)) + 1;
}

std::string pseudonymise(std::string_view key, std::string_view case_id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(case_id.data()), case_id.size(), digest, &length))
    throw std::runtime_error("HMAC-SHA-256 failed");
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < 8 && i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

// Cases wait in `queue` for a thread; results wait in `done` until every
// case before them is done, then go to the sink in order.
struct ConformanceRun::State {
  const ConformanceModel& model;
  RunOptions options;
  ResultSink sink;
  ConformanceSummary summary;
  std::uint64_t ordinal = 0;  // every case of the log, for the merge's order
  std::uint64_t next_in = 0, next_out = 0;  // the partition's cases, in order

  std::mutex mutex;
  std::condition_variable work, progress;
  std::deque<std::pair<std::uint64_t, std::pair<std::uint64_t, LogCase>>> queue;
  std::map<std::uint64_t, CaseResult> done;
  std::exception_ptr error;
  bool closing = false;
  std::vector<std::thread> threads;
  std::unique_ptr<CaseChecker> inline_checker;

  State(const ConformanceModel& m, const RunOptions& o, ResultSink s)
      : model(m), options(o), sink(std::move(s)), summary(ConformanceSummary::of(m.workflow())) {}

  CaseResult check(CaseChecker& checker, LogCase&& c, std::uint64_t ordinal) {
    CaseResult r = checker.check(std::move(c), ordinal);
    if (options.pseudonymise_key) r.id = pseudonymise(*options.pseudonymise_key, r.id);
    return r;
  }

  void emit(const CaseResult& r) {
    summary.add(model.workflow(), r);
    if (sink) sink(r);
  }

  void worker() {
    CaseChecker checker(model);
    std::unique_lock lock(mutex);
    for (;;) {
      work.wait(lock, [&] { return closing || !queue.empty(); });
      if (queue.empty()) return;
      auto [seq, item] = std::move(queue.front());
      queue.pop_front();
      lock.unlock();
      std::optional<CaseResult> result;
      std::exception_ptr failed;
      try {
        result = check(checker, std::move(item.second), item.first);
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      if (failed && !error) error = failed;
      if (result) done.emplace(seq, std::move(*result));
      progress.notify_all();
    }
  }

  // Hands on what is done in order; with `all`, waits for everything.
  void drain(std::unique_lock<std::mutex>& lock, std::uint64_t keep_at_most) {
    for (;;) {
      if (error) std::rethrow_exception(error);
      auto it = done.find(next_out);
      if (it != done.end()) {
        CaseResult r = std::move(it->second);
        done.erase(it);
        ++next_out;
        lock.unlock();
        emit(r);
        lock.lock();
        continue;
      }
      if (next_in - next_out <= keep_at_most) return;
      progress.wait(lock);
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex);
      closing = true;
    }
    work.notify_all();
    for (std::thread& t : threads) t.join();
    threads.clear();
  }
};

ConformanceRun::ConformanceRun(const ConformanceModel& model, const RunOptions& options, ResultSink sink)
    : state_(std::make_unique<State>(model, options, std::move(sink))) {
  if (options.partitions == 0 || options.partition == 0 || options.partition > options.partitions)
    throw std::invalid_argument("partition " + std::to_string(options.partition) + "/" +
                                std::to_string(options.partitions) + " is not one of 1.." +
                                std::to_string(options.partitions));
  if (options.jobs <= 1) {
    state_->inline_checker = std::make_unique<CaseChecker>(model);
    return;
  }
  for (unsigned i = 0; i < options.jobs; ++i) state_->threads.emplace_back([s = state_.get()] { s->worker(); });
}

ConformanceRun::~ConformanceRun() { state_->stop(); }

void ConformanceRun::add(LogCase&& log_case) {
  State& s = *state_;
  const std::uint64_t ordinal = s.ordinal++;
  if (s.options.partitions > 1 && partition_of(log_case.id, s.options.partitions) != s.options.partition) return;
  if (s.inline_checker) {
    s.emit(s.check(*s.inline_checker, std::move(log_case), ordinal));
    return;
  }
  std::unique_lock lock(s.mutex);
  s.queue.push_back({s.next_in++, {ordinal, std::move(log_case)}});
  s.work.notify_one();
  // A slow case holds back the output; the cases behind it wait, up to a
  // bound, so memory stays that of a few cases per thread.
  s.drain(lock, 16 * static_cast<std::uint64_t>(s.options.jobs));
}

const ConformanceSummary& ConformanceRun::finish() {
  State& s = *state_;
  if (!s.inline_checker) {
    std::unique_lock lock(s.mutex);
    s.drain(lock, 0);
  }
  return s.summary;
}

}  // namespace baton
