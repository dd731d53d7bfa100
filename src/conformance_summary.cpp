#include <baton/conformance_summary.hpp>
#include <baton/json.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <set>
#include <stdexcept>

namespace baton {

namespace json = boost::json;

// --- distributions -----------------------------------------------------------------------

std::int64_t Distribution::bucket_of(std::int64_t seconds) {
  if (seconds < 0) return -bucket_of(-seconds);
  const auto v = static_cast<std::uint64_t>(seconds);
  const int width = std::bit_width(v);
  if (width <= 10) return seconds;
  const int shift = width - 10;
  return static_cast<std::int64_t>((v >> shift) << shift);
}

void Distribution::add(std::int64_t seconds, std::uint64_t times, std::uint64_t over) {
  if (times == 0) return;
  slot(bucket_of(seconds)) += times;
  count_ += times;
  over_ += over;
}

std::uint64_t& Distribution::slot(std::int64_t bucket) {
  if ((used_ + 1) * 4 > table_.size() * 3) {  // at most three quarters full
    std::vector<std::pair<std::int64_t, std::uint64_t>> old(std::max<std::size_t>(16, table_.size() * 2), {empty, 0});
    old.swap(table_);
    used_ = 0;
    for (const auto& [b, n] : old)
      if (b != empty) slot(b) = n;
  }
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(static_cast<std::uint64_t>(bucket) * 0x9E3779B97F4A7C15ULL >> 20) & mask;;
       i = (i + 1) & mask) {
    if (table_[i].first == bucket) return table_[i].second;
    if (table_[i].first == empty) {
      table_[i].first = bucket;
      ++used_;
      return table_[i].second;
    }
  }
}

void Distribution::merge(const Distribution& other) {
  for (const auto& [bucket, n] : other.table_)
    if (bucket != empty) slot(bucket) += n;
  count_ += other.count_;
  over_ += other.over_;
}

std::vector<std::pair<std::int64_t, std::uint64_t>> Distribution::buckets() const {
  std::vector<std::pair<std::int64_t, std::uint64_t>> out;
  out.reserve(used_);
  for (const auto& entry : table_)
    if (entry.first != empty) out.push_back(entry);
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t Distribution::percentile(unsigned percent) const {
  if (count_ == 0) return 0;
  const std::uint64_t rank = std::max<std::uint64_t>(1, (count_ * percent + 99) / 100);
  const auto sorted = buckets();
  std::uint64_t seen = 0;
  for (const auto& [bucket, n] : sorted) {
    seen += n;
    if (seen >= rank) return bucket;
  }
  return sorted.back().first;
}

void DeviationCounts::merge(const DeviationCounts& other) {
  for (std::size_t k = 0; k < deviation_kinds; ++k) {
    deviations[k] += other.deviations[k];
    cases[k] += other.cases[k];
  }
}

std::uint64_t DeviationCounts::total() const {
  std::uint64_t n = 0;
  for (std::uint64_t d : deviations) n += d;
  return n;
}

// --- one case ----------------------------------------------------------------------------

ConformanceSummary ConformanceSummary::of(const Workflow& wf) {
  ConformanceSummary s;
  s.workflow = wf.id();
  for (Index i = 0; i < wf.steps().size(); ++i)
    if (wf.step(i).kind != StepKind::gateway) {
      StepSummary& e = s.steps[wf.step(i).id];
      e.name = wf.step(i).name;
      e.order = i;
    }
  for (Index i = 0; i < wf.teams().size(); ++i) {
    TeamSummary& e = s.teams[wf.teams()[i].id];
    e.name = wf.teams()[i].name;
    e.order = i;
  }
  for (Index i = 0; i < wf.requirements().size(); ++i)
    if (wf.requirements()[i].rule) {
      RequirementSummary& e = s.requirements[wf.requirements()[i].id];
      e.name = wf.requirements()[i].text;
      e.order = i;
    }
  for (Index i = 0; i < wf.case_types().size(); ++i) {
    CaseTypeSummary& e = s.case_types[wf.case_types()[i].id];
    e.name = wf.case_types()[i].name;
    e.order = i;
  }
  s.case_types[""].order = wf.case_types().size();
  return s;
}

namespace {

std::size_t kind_index(DeviationKind kind) { return static_cast<std::size_t>(kind); }

// The entries one case touches, each counted once for the case and once for
// each kind of deviation it has there.
class Touched {
 public:
  void touch(SummaryEntry& entry) { seen_.try_emplace(&entry); }
  void deviation(SummaryEntry& entry, DeviationKind kind) {
    ++entry.deviations.deviations[kind_index(kind)];
    seen_[&entry][kind_index(kind)] = true;
  }
  void fold() {
    for (auto& [entry, kinds] : seen_) {
      ++entry->cases;
      entry->deviating += std::ranges::any_of(kinds, [](bool b) { return b; }) ? 1 : 0;
      for (std::size_t k = 0; k < deviation_kinds; ++k) entry->deviations.cases[k] += kinds[k] ? 1 : 0;
    }
  }

 private:
  std::map<SummaryEntry*, std::array<bool, deviation_kinds>> seen_;
};

bool over(const std::optional<Duration>& limit, std::int64_t from_ms, std::int64_t to_ms) {
  return limit && to_ms > add_calendar(from_ms, *limit);
}

}  // namespace

void ConformanceSummary::add(const Workflow& wf, const CaseResult& r) {
  const auto& occ = r.occurrences;
  ++cases;
  events += occ.size();
  open += r.open ? 1 : 0;
  analysis_limit += r.status == CaseStatus::analysis_limit ? 1 : 0;
  no_complete_run += r.status == CaseStatus::no_complete_run ? 1 : 0;

  if (lookup.steps.empty()) {
    lookup.steps.assign(wf.steps().size(), nullptr);
    lookup.teams.assign(wf.teams().size(), nullptr);
    lookup.requirements.assign(wf.requirements().size(), nullptr);
    lookup.case_types.assign(wf.case_types().size() + 1, nullptr);
  }
  Touched touched;
  const auto step_entry = [&](Index step) -> StepSummary& {
    StepSummary*& e = lookup.steps[step];
    if (!e) {
      e = &steps[wf.step(step).id];
      e->name = wf.step(step).name;
      e->order = step;
    }
    return *e;
  };
  const auto team_entry = [&](Index step) -> TeamSummary* {
    const auto team = wf.step(step).team;
    if (!team) return nullptr;
    TeamSummary*& e = lookup.teams[*team];
    if (!e) e = &teams[wf.teams()[*team].id];
    return e;
  };
  const auto requirement_entry = [&](Index q) -> RequirementSummary& {
    RequirementSummary*& e = lookup.requirements[q];
    if (!e) e = &requirements[wf.requirements()[q].id];
    return *e;
  };

  CaseTypeSummary*& type_entry = lookup.case_types[r.case_type ? *r.case_type + 1 : 0];
  if (!type_entry) type_entry = &case_types[r.case_type ? wf.case_types()[*r.case_type].id : ""];
  CaseTypeSummary& type = *type_entry;
  touched.touch(type);
  type.open += r.open ? 1 : 0;
  if (!r.case_type && !r.case_type_written.empty()) ++unknown_case_types[r.case_type_written];
  if (r.status == CaseStatus::aligned) {
    cost += r.alignment.cost;
    denominator += r.denominator;
    ++type.aligned;
    type.cost += r.alignment.cost;
    type.denominator += r.denominator;
    type.fitness_billionths += static_cast<std::uint64_t>(std::llround(r.alignment.fitness * 1e9));
  }

  for (const Occurrence& o : occ) {
    if (!o.step) {
      ++unknown_activities[o.activity];
      continue;
    }
    StepSummary& s = step_entry(*o.step);
    touched.touch(s);
    ++s.occurrences;
    if (TeamSummary* t = team_entry(*o.step)) {
      touched.touch(*t);
      ++t->occurrences;
    }
  }

  DeviationCounts here;
  for (const Deviation& d : r.deviations) {
    ++here.deviations[kind_index(d.kind)];
    touched.deviation(type, d.kind);
    // A broken or overdue rule is the requirement's, not the step's where
    // its clock started; a late answer is also the late step's.
    const bool of_step = d.kind != DeviationKind::requirement_violated && d.kind != DeviationKind::overdue;
    if (d.step && of_step) {
      touched.deviation(step_entry(*d.step), d.kind);
      if (TeamSummary* t = team_entry(*d.step)) touched.deviation(*t, d.kind);
    }
    if (d.requirement) touched.deviation(requirement_entry(*d.requirement), d.kind);
    if (d.kind == DeviationKind::overdue)
      overdue.push_back({r.ordinal, r.id, wf.requirements()[*d.requirement].id, d.step ? wf.step(*d.step).id : "",
                         d.args.at(1), r.case_type ? wf.case_types()[*r.case_type].id : ""});
  }
  for (std::size_t k = 0; k < deviation_kinds; ++k) {
    deviations.deviations[k] += here.deviations[k];
    deviations.cases[k] += here.deviations[k] ? 1 : 0;
  }

  for (const Wait& w : r.waits) {
    const Occurrence &a = occ[w.from], &b = occ[w.to];
    if (b.step) {
      const bool late = over(wf.step(*b.step).duration, a.time_ms, b.time_ms);
      step_entry(*b.step).waiting.add(w.seconds, late);
      if (TeamSummary* t = team_entry(*b.step)) t->waiting.add(w.seconds, late);
    }
    if (!w.handover) continue;
    HandoverSummary*& known = lookup.handovers[{*a.step, *b.step}];
    if (!known) {
      const Step &from = wf.step(*a.step), &to = wf.step(*b.step);
      known = &handovers[from.id + ">" + to.id];
      known->from = from.id;
      known->to = to.id;
      known->name = from.name + " → " + to.name;
      known->order = *a.step * wf.steps().size() + *b.step;
    }
    HandoverSummary& h = *known;
    touched.touch(h);
    ++h.count;
    h.waiting.add(w.seconds, false);
  }
  for (const StepTime& t : r.step_times) {
    const Index step = *occ[t.occurrence].step;
    step_entry(step).durations.add(t.seconds, over(wf.step(step).duration, t.start_ms, occ[t.occurrence].time_ms));
  }
  for (const RequirementOutcome& o : r.requirements) {
    RequirementSummary& q = requirement_entry(o.requirement);
    touched.touch(q);
    q.kept += o.kept ? 1 : 0;
    for (const ResponseTime& t : o.responses) q.response.add(t.seconds, t.late);
  }
  touched.fold();
}

// --- merging -----------------------------------------------------------------------------

namespace {

void merge_entry(SummaryEntry& into, const SummaryEntry& from) {
  if (into.name.empty()) {
    into.name = from.name;
    into.order = from.order;
  }
  into.cases += from.cases;
  into.deviating += from.deviating;
  into.deviations.merge(from.deviations);
}

template <typename T, typename Rest>
void merge_map(std::map<std::string, T>& into, const std::map<std::string, T>& from, Rest rest) {
  for (const auto& [key, entry] : from) {
    T& e = into[key];
    merge_entry(e, entry);
    rest(e, entry);
  }
}

}  // namespace

void ConformanceSummary::merge(const ConformanceSummary& o) {
  if (o.workflow != workflow) throw std::invalid_argument("a result of workflow \"" + o.workflow + "\", not \"" + workflow + "\"");
  cases += o.cases;
  open += o.open;
  events += o.events;
  analysis_limit += o.analysis_limit;
  no_complete_run += o.no_complete_run;
  cost += o.cost;
  denominator += o.denominator;
  deviations.merge(o.deviations);
  merge_map(steps, o.steps, [](StepSummary& a, const StepSummary& b) {
    a.occurrences += b.occurrences;
    a.durations.merge(b.durations);
    a.waiting.merge(b.waiting);
  });
  merge_map(teams, o.teams, [](TeamSummary& a, const TeamSummary& b) {
    a.occurrences += b.occurrences;
    a.waiting.merge(b.waiting);
  });
  merge_map(handovers, o.handovers, [](HandoverSummary& a, const HandoverSummary& b) {
    a.from = b.from;
    a.to = b.to;
    a.count += b.count;
    a.waiting.merge(b.waiting);
  });
  merge_map(requirements, o.requirements, [](RequirementSummary& a, const RequirementSummary& b) {
    a.kept += b.kept;
    a.response.merge(b.response);
  });
  merge_map(case_types, o.case_types, [](CaseTypeSummary& a, const CaseTypeSummary& b) {
    a.open += b.open;
    a.aligned += b.aligned;
    a.fitness_billionths += b.fitness_billionths;
    a.cost += b.cost;
    a.denominator += b.denominator;
  });
  for (const auto& [name, n] : o.unknown_activities) unknown_activities[name] += n;
  for (const auto& [name, n] : o.unknown_case_types) unknown_case_types[name] += n;
  overdue.insert(overdue.end(), o.overdue.begin(), o.overdue.end());
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const OverdueCase& a, const OverdueCase& b) { return a.ordinal < b.ordinal; });
}

double ConformanceSummary::fitness() const {
  return denominator == 0 ? 1.0 : 1.0 - static_cast<double>(cost) / static_cast<double>(denominator);
}

// --- JSON --------------------------------------------------------------------------------

namespace {

double share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

json::object distribution_json(const Distribution& d) {
  json::array buckets;
  for (const auto& [bucket, n] : d.buckets()) buckets.push_back(json::array{bucket, n});
  return {{"count", d.count()},          {"over_limit", d.over_limit()}, {"median_seconds", d.percentile(50)},
          {"p90_seconds", d.percentile(90)}, {"buckets", std::move(buckets)}};
}

json::object deviations_json(const DeviationCounts& c, std::uint64_t cases) {
  json::object o;
  for (std::size_t k = 0; k < deviation_kinds; ++k) {
    if (c.deviations[k] == 0) continue;
    o[to_string(static_cast<DeviationKind>(k))] =
        json::object{{"deviations", c.deviations[k]}, {"cases", c.cases[k]}, {"share", share(c.cases[k], cases)}};
  }
  return o;
}

json::object entry_json(const std::string& id, const SummaryEntry& e) {
  return {{"id", id},
          {"name", e.name},
          {"order", e.order},
          {"cases", e.cases},
          {"deviating", e.deviating},
          {"deviating_share", share(e.deviating, e.cases)},
          {"deviations", deviations_json(e.deviations, e.cases)}};
}

template <typename T, typename Rest>
json::array entries_json(const std::map<std::string, T>& map, Rest rest) {
  json::array out;
  for (const auto& [id, e] : map) {
    json::object o = entry_json(id, e);
    rest(o, e);
    out.push_back(std::move(o));
  }
  return out;
}

json::object counts_json(const std::map<std::string, std::uint64_t>& m) {
  json::object o;
  for (const auto& [k, n] : m) o[k] = n;
  return o;
}

}  // namespace

json::object summary_to_json(const ConformanceSummary& s) {
  json::object o;
  o["workflow"] = s.workflow;
  o["cases"] = s.cases;
  o["open"] = s.open;
  o["events"] = s.events;
  o["analysis_limit"] = s.analysis_limit;
  o["no_complete_run"] = s.no_complete_run;
  o["cost"] = s.cost;
  o["denominator"] = s.denominator;
  o["fitness"] = s.fitness();
  o["deviations"] = deviations_json(s.deviations, s.cases);
  o["steps"] = entries_json(s.steps, [](json::object& j, const StepSummary& e) {
    j["occurrences"] = e.occurrences;
    j["durations"] = distribution_json(e.durations);
    j["waiting"] = distribution_json(e.waiting);
  });
  o["teams"] = entries_json(s.teams, [](json::object& j, const TeamSummary& e) {
    j["occurrences"] = e.occurrences;
    j["waiting"] = distribution_json(e.waiting);
  });
  o["handovers"] = entries_json(s.handovers, [](json::object& j, const HandoverSummary& e) {
    j["from"] = e.from;
    j["to"] = e.to;
    j["count"] = e.count;
    j["waiting"] = distribution_json(e.waiting);
  });
  o["requirements"] = entries_json(s.requirements, [](json::object& j, const RequirementSummary& e) {
    j["kept"] = e.kept;
    j["kept_share"] = share(e.kept, e.cases);
    j["response"] = distribution_json(e.response);
  });
  o["case_types"] = entries_json(s.case_types, [](json::object& j, const CaseTypeSummary& e) {
    j["open"] = e.open;
    j["aligned"] = e.aligned;
    j["fitness_billionths"] = e.fitness_billionths;
    j["mean_fitness"] = e.aligned == 0 ? 1.0 : static_cast<double>(e.fitness_billionths) / 1e9 / static_cast<double>(e.aligned);
    j["cost"] = e.cost;
    j["denominator"] = e.denominator;
  });
  o["unknown_activities"] = counts_json(s.unknown_activities);
  o["unknown_case_types"] = counts_json(s.unknown_case_types);
  json::array overdue;
  for (const OverdueCase& c : s.overdue)
    overdue.push_back(json::object{{"ordinal", c.ordinal},     {"case", c.id},
                                   {"requirement", c.requirement}, {"step", c.step},
                                   {"deadline", c.deadline},   {"case_type", c.case_type}});
  o["overdue"] = std::move(overdue);
  return o;
}

namespace {

// Reads a summary back, naming the JSON Pointer of what is wrong.
class SummaryReader {
 public:
  explicit SummaryReader(std::string_view place) : place_(place) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    throw LoadError(LoadError::Kind::invalid, std::string(place_), pointer, 0, 0, what);
  }
  const json::object& object(const json::value& v, const std::string& p) const {
    if (!v.is_object()) fail(p, "expected an object");
    return v.get_object();
  }
  const json::value& member(const json::object& o, std::string_view key, const std::string& p) const {
    const json::value* v = o.if_contains(key);
    if (!v) fail(p, "missing \"" + std::string(key) + "\"");
    return *v;
  }
  const json::array& array(const json::object& o, std::string_view key, const std::string& p) const {
    const json::value& v = member(o, key, p);
    if (!v.is_array()) fail(p + "/" + std::string(key), "expected an array");
    return v.get_array();
  }
  std::uint64_t count(const json::value& v, const std::string& p) const {
    if (v.is_uint64()) return v.get_uint64();
    if (v.is_int64() && v.get_int64() >= 0) return static_cast<std::uint64_t>(v.get_int64());
    fail(p, "expected a whole number of at least 0");
  }
  std::uint64_t count(const json::object& o, std::string_view key, const std::string& p) const {
    return count(member(o, key, p), p + "/" + std::string(key));
  }
  std::int64_t signed_number(const json::value& v, const std::string& p) const {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(v.get_uint64());
    fail(p, "expected a whole number");
  }
  std::string text(const json::object& o, std::string_view key, const std::string& p) const {
    const json::value& v = member(o, key, p);
    if (!v.is_string()) fail(p + "/" + std::string(key), "expected a string");
    return std::string(v.get_string());
  }

  Distribution distribution(const json::object& o, std::string_view key, const std::string& p) const {
    const std::string dp = p + "/" + std::string(key);
    const json::object& d = object(member(o, key, p), dp);
    Distribution out;
    const json::array& buckets = array(d, "buckets", dp);
    std::uint64_t total = 0;
    const std::uint64_t over = count(d, "over_limit", dp);
    for (std::size_t i = 0; i < buckets.size(); ++i) {
      const std::string bp = dp + "/buckets/" + std::to_string(i);
      if (!buckets[i].is_array() || buckets[i].get_array().size() != 2) fail(bp, "expected [seconds, count]");
      const std::int64_t bucket = signed_number(buckets[i].get_array()[0], bp + "/0");
      if (Distribution::bucket_of(bucket) != bucket) fail(bp + "/0", "not a bucket's lower bound");
      const std::uint64_t n = count(buckets[i].get_array()[1], bp + "/1");
      if (n == 0) fail(bp + "/1", "a bucket holds at least one time");
      total += n;
      // Which times were over the limit is not kept, only how many: all on
      // the first bucket (checked against the count below).
      out.add(bucket, n, i == 0 ? std::min(over, n) : 0);
      if (i == 0 && over > n) out.add_over(over - n);
    }
    if (total != count(d, "count", dp)) fail(dp + "/count", "does not equal the buckets' counts");
    if (over > total) fail(dp + "/over_limit", "is more than the count");

    return out;
  }

  DeviationCounts deviations(const json::object& o, const std::string& p) const {
    const std::string dp = p + "/deviations";
    const json::object& d = object(member(o, "deviations", p), dp);
    DeviationCounts out;
    for (const auto& [key, v] : d) {
      std::optional<std::size_t> kind;
      for (std::size_t k = 0; k < deviation_kinds; ++k)
        if (to_string(static_cast<DeviationKind>(k)) == key) kind = k;
      const std::string kp = dp + "/" + std::string(key);
      if (!kind) fail(kp, "no deviation kind \"" + std::string(key) + "\"");
      const json::object& c = object(v, kp);
      out.deviations[*kind] = count(c, "deviations", kp);
      out.cases[*kind] = count(c, "cases", kp);
    }
    return out;
  }

  template <typename T, typename Rest>
  void entries(const json::object& o, std::string_view key, const std::string& p, std::map<std::string, T>& into,
               Rest rest) const {
    const json::array& a = array(o, key, p);
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string ep = p + "/" + std::string(key) + "/" + std::to_string(i);
      const json::object& e = object(a[i], ep);
      T entry;
      entry.name = text(e, "name", ep);
      entry.order = count(e, "order", ep);
      entry.cases = count(e, "cases", ep);
      entry.deviating = count(e, "deviating", ep);
      entry.deviations = deviations(e, ep);
      rest(entry, e, ep);
      if (!into.emplace(text(e, "id", ep), std::move(entry)).second) fail(ep + "/id", "listed twice");
    }
  }

  std::map<std::string, std::uint64_t> counts(const json::object& o, std::string_view key, const std::string& p) const {
    const std::string cp = p + "/" + std::string(key);
    std::map<std::string, std::uint64_t> out;
    for (const auto& [k, v] : object(member(o, key, p), cp)) out[std::string(k)] = count(v, cp + "/" + std::string(k));
    return out;
  }

 private:
  std::string_view place_;
};

}  // namespace

ConformanceSummary summary_from_json(const json::value& value, std::string_view place) {
  const SummaryReader r(place);
  const std::string p;
  const json::object& o = r.object(value, p);
  ConformanceSummary s;
  s.workflow = r.text(o, "workflow", p);
  s.cases = r.count(o, "cases", p);
  s.open = r.count(o, "open", p);
  s.events = r.count(o, "events", p);
  s.analysis_limit = r.count(o, "analysis_limit", p);
  s.no_complete_run = r.count(o, "no_complete_run", p);
  s.cost = r.count(o, "cost", p);
  s.denominator = r.count(o, "denominator", p);
  s.deviations = r.deviations(o, p);
  r.entries(o, "steps", p, s.steps, [&](StepSummary& e, const json::object& j, const std::string& ep) {
    e.occurrences = r.count(j, "occurrences", ep);
    e.durations = r.distribution(j, "durations", ep);
    e.waiting = r.distribution(j, "waiting", ep);
  });
  r.entries(o, "teams", p, s.teams, [&](TeamSummary& e, const json::object& j, const std::string& ep) {
    e.occurrences = r.count(j, "occurrences", ep);
    e.waiting = r.distribution(j, "waiting", ep);
  });
  r.entries(o, "handovers", p, s.handovers, [&](HandoverSummary& e, const json::object& j, const std::string& ep) {
    e.from = r.text(j, "from", ep);
    e.to = r.text(j, "to", ep);
    e.count = r.count(j, "count", ep);
    e.waiting = r.distribution(j, "waiting", ep);
  });
  r.entries(o, "requirements", p, s.requirements,
            [&](RequirementSummary& e, const json::object& j, const std::string& ep) {
              e.kept = r.count(j, "kept", ep);
              e.response = r.distribution(j, "response", ep);
            });
  r.entries(o, "case_types", p, s.case_types, [&](CaseTypeSummary& e, const json::object& j, const std::string& ep) {
    e.open = r.count(j, "open", ep);
    e.aligned = r.count(j, "aligned", ep);
    e.fitness_billionths = r.count(j, "fitness_billionths", ep);
    e.cost = r.count(j, "cost", ep);
    e.denominator = r.count(j, "denominator", ep);
  });
  s.unknown_activities = r.counts(o, "unknown_activities", p);
  s.unknown_case_types = r.counts(o, "unknown_case_types", p);
  const json::array& overdue = r.array(o, "overdue", p);
  for (std::size_t i = 0; i < overdue.size(); ++i) {
    const std::string op = "/overdue/" + std::to_string(i);
    const json::object& c = r.object(overdue[i], op);
    s.overdue.push_back({r.count(c, "ordinal", op), r.text(c, "case", op), r.text(c, "requirement", op),
                         r.text(c, "step", op), r.text(c, "deadline", op), r.text(c, "case_type", op)});
  }
  return s;
}

}  // namespace baton
