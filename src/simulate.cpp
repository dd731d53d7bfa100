// Simulated logs (simulate.hpp): each case plays the token game with random
// choices, its steps take random times within their durations, noise is
// injected at the given rates, and what was injected is told beside the log.
// Randomness is a fixed generator (splitmix64) drawn per case, so a log is
// the same on every machine and every case is independent of the others.
#include <baton/check.hpp>
#include <baton/semantics.hpp>
#include <baton/simulate.hpp>

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace baton {
namespace {

constexpr std::int64_t hour_ms = 3600 * 1000, day_ms = 24 * hour_ms;
// A case never has more occurrences than this (a loop taken again and again).
constexpr std::size_t max_occurrences = 400;

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double between(double low, double high) { return low + (high - low) * uniform(); }
  bool chance(double rate) { return rate > 0 && uniform() < rate; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

std::int64_t duration_ms(const Duration& d) { return d.static_seconds() * 1000; }

// `when` plus `d` in calendar terms (months and years as on the calendar,
// the day of the month clamped), on the UTC calendar.
std::int64_t plus_calendar(std::int64_t when, const Duration& d) {
  using namespace std::chrono;
  const auto t = sys_time<milliseconds>(milliseconds(when));
  const auto day = floor<date::days>(t);
  date::year_month_day ymd{day};
  ymd += date::months(d.years * 12 + d.months);
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
  const auto shifted = sys_time<milliseconds>(date::sys_days(ymd)) + (t - day);
  return shifted.time_since_epoch().count() +
         ((d.weeks * 7 + d.days) * 86400 + d.hours * 3600 + d.minutes * 60 + d.seconds) * 1000;
}

// The least length `d` can have on the calendar (months of 28 days): a run
// kept within it keeps the calendar limit too.
std::int64_t least_ms(const Duration& d) {
  return ((d.years * 365 + d.months * 28 + d.weeks * 7 + d.days) * 86400 + d.hours * 3600 + d.minutes * 60 +
          d.seconds) *
         1000;
}

bool contains(const std::vector<Index>& steps, Index s) { return std::binary_search(steps.begin(), steps.end(), s); }

struct Occurrence {
  Index step = 0;
  std::int64_t start = 0, complete = 0;  // complete - start: the step's own time
  std::optional<Index> team;             // who did it (the step's team unless other-team noise)
};

// Response rules with a limit that apply to a case of `case_type`.
std::vector<const Requirement*> deadlines(const Workflow& wf, std::optional<Index> case_type) {
  std::vector<const Requirement*> out;
  for (const Requirement& r : wf.requirements()) {
    if (!r.rule || r.rule->type != RuleType::response || !r.rule->within) continue;
    if (r.case_types && case_type &&
        std::find(r.case_types->begin(), r.case_types->end(), *case_type) == r.case_types->end())
      continue;
    out.push_back(&r);
  }
  return out;
}

class Simulator {
 public:
  Simulator(const Workflow& wf, const SimulateOptions& options) : wf_(wf), options_(options) {
    restrictions_.emplace_back(std::make_unique<CaseRestriction>(wf));
    for (const CaseType& ct : wf.case_types()) restrictions_.emplace_back(std::make_unique<CaseRestriction>(wf, &ct));
    for (const auto& r : restrictions_) games_.emplace_back(std::make_unique<TokenGame>(wf, *r));
  }

  void run(const SimulatedCaseSink& sink) {
    const std::int64_t begin = options_.first_day.days_since_epoch() * day_ms;
    end_ = (options_.last_day.days_since_epoch() + 1) * day_ms;
    Random arrivals(options_.seed);
    std::vector<std::int64_t> arrival(options_.cases);
    for (auto& a : arrival) a = begin + static_cast<std::int64_t>(arrivals.uniform() * static_cast<double>(end_ - begin));
    std::sort(arrival.begin(), arrival.end());
    const int width = std::max<int>(5, static_cast<int>(std::to_string(options_.cases).size()));
    for (std::uint64_t k = 0; k < options_.cases; ++k) {
      Random random(options_.seed * 0x100000001B3ULL ^ (k + 1) * 0x9E3779B97F4A7C15ULL);
      std::string id = std::to_string(k + 1);
      id = "S-" + std::string(static_cast<std::size_t>(std::max<int>(0, width - static_cast<int>(id.size()))), '0') + id;
      simulate_case(id, arrival[k], random, sink);
    }
  }

 private:
  void simulate_case(const std::string& id, std::int64_t arrival, Random& random, const SimulatedCaseSink& sink) {
    std::optional<Index> case_type;
    if (!wf_.case_types().empty()) case_type = random.below(wf_.case_types().size());
    const TokenGame& game = *games_[case_type ? *case_type + 1 : 0];
    std::vector<Occurrence> run = play(game, random);
    time(run, arrival, random);
    const auto rules = deadlines(wf_, case_type);
    keep_deadlines(run, rules);
    truth_.clear();
    add_noise(run, game, random, id);

    LogCase c;
    c.id = id;
    if (case_type) c.case_type = wf_.case_types()[*case_type].id;
    std::vector<Occurrence> kept;
    for (const Occurrence& o : run) {
      if (o.complete >= end_ || wf_.step(o.step).kind == StepKind::gateway) continue;
      kept.push_back(o);
      const Step& s = wf_.step(o.step);
      const std::string team = o.team ? wf_.teams()[*o.team].name : std::string();
      const std::string resource = o.team ? wf_.teams()[*o.team].id + "-" + std::to_string(1 + random.below(6)) : "";
      // Whole seconds, as case-management systems write them.
      if (options_.start_events && s.duration && o.start < o.complete)
        c.events.push_back({s.name, o.start / 1000 * 1000, Lifecycle::start, resource, team, 0});
      c.events.push_back({s.name, o.complete / 1000 * 1000, Lifecycle::complete, resource, team, 0});
    }
    // Injected deviations whose events fall after the log's end are not in it.
    std::erase_if(truth_, [&](const Pending& p) { return p.when >= end_; });
    judge_deadlines(kept, rules, id);
    std::stable_sort(c.events.begin(), c.events.end(),
                     [](const LogEvent& a, const LogEvent& b) { return a.time_ms < b.time_ms; });
    // A case whose first event comes after the log's end is not in the log
    // (CSV could not even write it).
    if (c.events.empty()) return;
    std::vector<InjectedDeviation> truth;
    for (Pending& p : truth_) truth.push_back(std::move(p.deviation));
    sink(c, truth);
  }

  // The token game with random choices; a step the case has run already
  // (a loop back) is chosen less often, as real cases rarely go round.
  std::vector<Occurrence> play(const TokenGame& game, Random& random) const {
    std::vector<Occurrence> run;
    std::vector<bool> seen(wf_.steps().size(), false);
    State s = game.initial();
    while (run.size() < max_occurrences) {
      const std::vector<Move> moves = game.moves(s);
      if (moves.empty()) break;
      double total = 0;
      std::vector<double> weight;
      for (const Move& m : moves) total += weight.emplace_back(seen[m.step] ? 0.15 : 1.0);
      double pick = random.uniform() * total;
      std::size_t i = 0;
      while (i + 1 < moves.size() && pick >= weight[i]) pick -= weight[i++];
      seen[moves[i].step] = true;
      run.push_back({moves[i].step, 0, 0, wf_.step(moves[i].step).team});
      s = game.apply(s, moves[i]);
    }
    return run;
  }

  // One after another: a wait (longer where the case changes hands), then
  // the step's own time, 20 to 90 % of its duration.
  void time(std::vector<Occurrence>& run, std::int64_t arrival, Random& random) const {
    std::int64_t clock = arrival;
    std::optional<Index> last_team;
    for (Occurrence& o : run) {
      const Step& s = wf_.step(o.step);
      if (s.kind == StepKind::gateway) {
        o.start = o.complete = clock;
        continue;
      }
      const bool handover = last_team && s.team && *last_team != *s.team;
      const std::int64_t wait =
          &o == &run.front() ? 0 : static_cast<std::int64_t>(random.uniform() * (handover ? 3 * day_ms : 4 * hour_ms));
      const std::int64_t own =
          s.duration ? static_cast<std::int64_t>(random.between(0.2, 0.9) * static_cast<double>(duration_ms(*s.duration)))
                     : static_cast<std::int64_t>(random.between(0.5, 8) * hour_ms);
      o.start = clock + wait;
      o.complete = o.start + own;
      clock = o.complete;
      if (s.team) last_team = s.team;
    }
  }

  // Where a response rule's `then` would come later than its limit allows,
  // the occurrences from `first` to `then` are made faster, in proportion.
  void keep_deadlines(std::vector<Occurrence>& run, const std::vector<const Requirement*>& rules) const {
    for (int pass = 0; pass < 4; ++pass) {
      bool changed = false;
      for (const Requirement* r : rules) {
        for (std::size_t i = 0; i < run.size(); ++i) {
          if (!contains(r->rule->first.steps, run[i].step)) continue;
          std::size_t j = i + 1;
          while (j < run.size() && !contains(r->rule->then.steps, run[j].step)) ++j;
          if (j == run.size()) continue;
          const std::int64_t limit = least_ms(*r->rule->within) * 9 / 10;
          const std::int64_t span = run[j].complete - run[i].complete;
          if (span <= limit) continue;
          const double f = static_cast<double>(limit) / static_cast<double>(span);
          const std::int64_t base = run[i].complete, old_end = run[j].complete;
          for (std::size_t k = i + 1; k <= j; ++k) {
            run[k].start = base + static_cast<std::int64_t>(static_cast<double>(run[k].start - base) * f);
            run[k].complete = base + static_cast<std::int64_t>(static_cast<double>(run[k].complete - base) * f);
          }
          for (std::size_t k = j + 1; k < run.size(); ++k) {
            run[k].start -= old_end - run[j].complete;
            run[k].complete -= old_end - run[j].complete;
          }
          changed = true;
        }
      }
      if (!changed) break;
    }
  }

  struct Pending {
    InjectedDeviation deviation;
    std::int64_t when = 0;  // the time of the event that shows it
  };

  void inject(const std::string& id, const char* deviation, Index step, std::int64_t when, std::string detail = {}) {
    truth_.push_back({{id, deviation, wf_.step(step).id, "", std::move(detail)}, when});
  }

  double rate(NoiseKind kind, Index step) const {
    double r = 0;
    for (const Noise& n : options_.noise)
      if (n.kind == kind && (!n.step || *n.step == step)) r = std::max(r, n.rate);
    return r;
  }

  // Replays `run` on the token game: whether it is a run of the workflow.
  bool is_run(const TokenGame& game, const std::vector<Occurrence>& run) const {
    State s = game.initial();
    for (const Occurrence& o : run) {
      const std::vector<Move> moves = game.moves(s);
      const auto m = std::find_if(moves.begin(), moves.end(), [&](const Move& mv) { return mv.step == o.step; });
      if (m == moves.end()) return false;
      s = game.apply(s, *m);
    }
    return true;
  }

  void add_noise(std::vector<Occurrence>& run, const TokenGame& game, Random& random, const std::string& id) {
    if (options_.noise.empty()) return;
    std::vector<Occurrence> out;
    for (std::size_t i = 0; i < run.size(); ++i) {
      Occurrence o = run[i];
      const Step& s = wf_.step(o.step);
      if (!s.is_work()) {
        out.push_back(o);
        continue;
      }
      if (random.chance(rate(NoiseKind::late, o.step)) && s.duration) {
        const std::int64_t limit = duration_ms(*s.duration);
        const std::int64_t longer =
            static_cast<std::int64_t>(random.between(1.5, 3.0) * static_cast<double>(limit)) - (o.complete - o.start);
        for (std::size_t k = i; k < run.size(); ++k) {
          run[k].complete += longer;
          if (k > i) run[k].start += longer;
        }
        o = run[i];
        if (options_.start_events)  // without a start event the step's own time cannot be seen
          inject(id, "step-too-long", o.step, o.complete,
               "took " + describe_seconds((o.complete - o.start) / 1000) + ", the step's duration is " +
                   s.duration->to_string());
      }
      if (random.chance(rate(NoiseKind::skip, o.step))) {
        inject(id, "skipped-step", o.step, o.complete);
        continue;
      }
      if (random.chance(rate(NoiseKind::other_team, o.step)) && s.team && wf_.teams().size() > 1) {
        Index other = random.below(wf_.teams().size() - 1);
        if (other >= *s.team) ++other;
        o.team = other;
        inject(id, "other-team", o.step, o.complete, "done by " + wf_.teams()[other].id);
      }
      out.push_back(o);
      if (random.chance(rate(NoiseKind::repeat, o.step))) {
        Occurrence again = o;
        again.start = o.complete + static_cast<std::int64_t>(random.between(0.1, 4) * hour_ms);
        again.complete = again.start + (o.complete - o.start) / 4;
        for (std::size_t k = i + 1; k < run.size(); ++k) {
          run[k].start += again.complete - o.complete;
          run[k].complete += again.complete - o.complete;
        }
        out.push_back(again);
        inject(id, "unexpected-step", o.step, again.complete, "done a second time");
      }
    }
    run = std::move(out);
    // Swaps last, on the final order: two consecutive work steps change places
    // where the result is no run of the workflow (else it is no deviation).
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
      if (!wf_.step(run[i].step).is_work() || !wf_.step(run[i + 1].step).is_work()) continue;
      if (run[i].step == run[i + 1].step || !random.chance(rate(NoiseKind::swap, run[i].step))) continue;
      std::vector<Occurrence> swapped = run;
      std::swap(swapped[i].step, swapped[i + 1].step);
      std::swap(swapped[i].team, swapped[i + 1].team);
      if (is_run(game, swapped) || !is_run(game, run)) continue;
      run = std::move(swapped);
      inject(id, "out-of-order", run[i + 1].step, run[i + 1].complete, "done before " + wf_.step(run[i].step).id);
      ++i;
    }
  }

  // Deadlines the final times break: deadline-missed for a `then` that came
  // too late, overdue for one still missing at the log's end after its limit.
  void judge_deadlines(const std::vector<Occurrence>& run, const std::vector<const Requirement*>& rules,
                       const std::string& id) {
    const bool open = run.empty() || wf_.step(run.back().step).kind != StepKind::end;
    for (const Requirement* r : rules) {
      for (std::size_t i = 0; i < run.size(); ++i) {
        if (!contains(r->rule->first.steps, run[i].step)) continue;
        std::size_t j = i + 1;
        while (j < run.size() && !contains(r->rule->then.steps, run[j].step)) ++j;
        const std::int64_t due = plus_calendar(run[i].complete, *r->rule->within);
        if (j < run.size() && run[j].complete > due) {
          truth_.push_back({{id, "deadline-missed", wf_.step(run[j].step).id, r->id,
                             "after " + describe_seconds((run[j].complete - run[i].complete) / 1000)},
                            run[j].complete});
        } else if (j == run.size() && open && due < end_) {
          truth_.push_back({{id, "overdue", wf_.step(run[i].step).id, r->id, ""}, end_});
        }
      }
    }
  }

  const Workflow& wf_;
  const SimulateOptions& options_;
  std::vector<std::unique_ptr<CaseRestriction>> restrictions_;
  std::vector<std::unique_ptr<TokenGame>> games_;
  std::int64_t end_ = 0;
  std::vector<Pending> truth_;
};

}  // namespace

std::vector<Noise> parse_noise(const Workflow& workflow, std::string_view text) {
  const std::size_t eq = text.find('=');
  const std::string_view rate_text = eq == std::string_view::npos ? text : text.substr(eq + 1);
  double rate = -1;
  const auto [end, ec] = std::from_chars(rate_text.data(), rate_text.data() + rate_text.size(), rate);
  if (ec != std::errc{} || end != rate_text.data() + rate_text.size() || !(rate >= 0 && rate <= 1))
    throw OptionError("--noise takes RATE, KIND=RATE or KIND:STEP=RATE with RATE from 0 to 1, not \"" +
                      std::string(text) + "\"");
  static const std::pair<const char*, NoiseKind> kinds[] = {{"skip", NoiseKind::skip},
                                                            {"repeat", NoiseKind::repeat},
                                                            {"swap", NoiseKind::swap},
                                                            {"other-team", NoiseKind::other_team},
                                                            {"late", NoiseKind::late}};
  std::vector<Noise> out;
  if (eq == std::string_view::npos) {
    for (const auto& [name, kind] : kinds) out.push_back({kind, std::nullopt, rate});
    return out;
  }
  const std::string_view spec = text.substr(0, eq);
  const std::size_t colon = spec.find(':');
  const std::string_view kind_name = spec.substr(0, colon);
  Noise n;
  n.rate = rate;
  const auto kind = std::find_if(std::begin(kinds), std::end(kinds), [&](const auto& k) { return kind_name == k.first; });
  if (kind == std::end(kinds))
    throw OptionError("--noise: no kind \"" + std::string(kind_name) + "\" (skip, repeat, swap, other-team, late)");
  n.kind = kind->second;
  if (colon != std::string_view::npos) {
    const std::string_view step = spec.substr(colon + 1);
    n.step = workflow.find_step(step);
    if (!n.step) throw OptionError("--noise: the workflow has no step \"" + std::string(step) + "\"");
  }
  out.push_back(n);
  return out;
}

void simulate(const Workflow& workflow, const SimulateOptions& options, const SimulatedCaseSink& sink) {
  Simulator(workflow, options).run(sink);
}

}  // namespace baton
