#include <baton/conformance_report.hpp>
#include <baton/json.hpp>
#include <baton/messages.hpp>
#include <baton/requirements.hpp>
#include <baton/version.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>

namespace baton {

namespace json = boost::json;

ConformanceHeading heading_of(const Workflow& workflow, const ConformOptions& conform, const RunOptions& run) {
  return {workflow.id(), workflow.name(), conform.today, run.partition, run.partitions};
}

namespace {

std::string quoted(const std::string& name) { return "\u201c" + name + "\u201d"; }

// 2026-01-05T10:00:00Z, with milliseconds where there are any.
std::string utc_time(std::int64_t ms) {
  const std::int64_t day_ms = 86'400'000;
  std::int64_t days = ms / day_ms, rest = ms % day_ms;
  if (rest < 0) rest += day_ms, --days;
  const Date d = Date::from_days_since_epoch(days);
  char buf[48];
  const auto s = rest / 1000;
  if (rest % 1000)
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ", d.to_string().c_str(), static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60), static_cast<int>(rest % 1000));
  else
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.to_string().c_str(), static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
  return buf;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return buf;
}

std::string fixed(double value, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string step_name(const Workflow& wf, std::optional<Index> step) { return step ? quoted(wf.step(*step).name) : "?"; }

}  // namespace

std::string deviation_message(const Workflow& wf, const CaseResult& r, const Deviation& d) {
  const std::string step = step_name(wf, d.step);
  const auto requirement = [&] {
    return "requirement " + wf.requirements()[*d.requirement].id;
  };
  const auto rule = [&]() -> const Rule& { return *wf.requirements()[*d.requirement].rule; };
  switch (d.kind) {
    case DeviationKind::skipped_step: return step + " did not happen";
    case DeviationKind::unexpected_step: return step + " happened where the workflow does not allow it";
    case DeviationKind::out_of_order: return step + " happened, but at the wrong place";
    case DeviationKind::unknown_activity:
      return "the activity " + quoted(d.event ? r.occurrences[*d.event].activity : "?") + " is no step of the workflow";
    case DeviationKind::other_team:
      return step + " was done by " + quoted(d.args.at(0)) + ", not by " + quoted(d.args.at(1));
    case DeviationKind::requirement_violated: {
      const Rule& ru = rule();
      const std::string first = describe_steps(wf, Lang::en, ru.first.steps, Msg::word_or);
      switch (ru.type) {
        case RuleType::existence: return requirement() + " is not kept: " + first + " did not happen";
        case RuleType::precedence:
          return requirement() + " is not kept: " + step + " came with no " + first + " before it";
        case RuleType::response:
          return requirement() + " is not kept: " + step + " was never followed by " +
                 describe_steps(wf, Lang::en, ru.then.steps, Msg::word_or);
      }
      return requirement() + " is not kept";
    }
    case DeviationKind::deadline_missed:
      return requirement() + ": " + step + " came " + d.args.at(1) + " after " +
             describe_steps(wf, Lang::en, rule().first.steps, Msg::word_or) + ", over the limit of " + d.args.at(0);
    case DeviationKind::overdue:
      return requirement() + ": " + describe_steps(wf, Lang::en, rule().then.steps, Msg::word_or) + " was due by " + d.args.at(1) +
             " (" + d.args.at(0) + " after " + step + ") and is " + d.args.at(2) + " overdue";
    case DeviationKind::step_too_long: return step + " took " + d.args.at(1) + ", over its duration " + d.args.at(0);
  }
  return std::string(to_string(d.kind));
}

json::object case_to_json(const Workflow& wf, const CaseResult& r) {
  json::object o;
  o["ordinal"] = r.ordinal;
  o["case"] = r.id;
  if (r.case_type) o["case_type"] = wf.case_types()[*r.case_type].id;
  else o["case_type"] = nullptr;
  if (!r.case_type && !r.case_type_written.empty()) o["case_type_as_written"] = r.case_type_written;
  o["open"] = r.open;
  o["status"] = to_string(r.status);
  o["events"] = r.occurrences.size();
  if (r.status == CaseStatus::aligned) {
    o["cost"] = r.alignment.cost;
    o["fitness"] = r.alignment.fitness;
  } else {
    o["cost"] = nullptr;
    o["fitness"] = nullptr;
  }
  o["denominator"] = r.denominator;
  json::array moves;
  for (const AlignmentMove& m : r.alignment.moves) {
    json::object j;
    j["move"] = m.kind == MoveKind::synchronous ? "synchronous" : m.kind == MoveKind::log ? "log" : "model";
    if (m.step) j["step"] = wf.step(*m.step).id;
    else j["activity"] = r.occurrences.at(*m.event).activity;
    if (m.event) j["event"] = *m.event;
    moves.push_back(std::move(j));
  }
  o["alignment"] = std::move(moves);
  json::array deviations;
  for (const Deviation& d : r.deviations) {
    json::object j;
    j["kind"] = to_string(d.kind);
    if (d.step) j["step"] = wf.step(*d.step).id;
    if (d.event) {
      const Occurrence& e = r.occurrences.at(*d.event);
      j["event"] = *d.event;
      j["activity"] = e.activity;
      j["time"] = utc_time(e.time_ms);
      if (!e.team.empty()) j["team"] = e.team;
    }
    if (d.expected_at) j["expected_at"] = *d.expected_at;
    if (d.requirement) j["requirement"] = wf.requirements()[*d.requirement].id;
    j["message"] = deviation_message(wf, r, d);
    deviations.push_back(std::move(j));
  }
  o["deviations"] = std::move(deviations);
  return o;
}

// --- text --------------------------------------------------------------------------------

namespace {

// A time as a manager reads it: to the hour from a day on, to the minute
// from an hour on (the figures themselves are within 1/512, see Distribution).
std::string rounded_time(std::int64_t seconds) {
  const std::int64_t unit = seconds >= 86'400 ? 3600 : seconds >= 3600 ? 60 : 1;
  return describe_seconds((seconds + unit / 2) / unit * unit);
}

std::string distribution_text(const Distribution& d, bool against_limit) {
  if (d.count() == 0) return "";
  std::string out = "median " + rounded_time(d.percentile(50)) + ", 90 % within " + rounded_time(d.percentile(90));
  if (against_limit && d.over_limit()) out += ", " + percent(d.over_limit(), d.count()) + " over the limit";
  return out;
}

std::string kinds_text(const SummaryEntry& e) {
  std::vector<std::pair<std::uint64_t, std::size_t>> kinds;
  for (std::size_t k = 0; k < deviation_kinds; ++k)
    if (e.deviations.cases[k]) kinds.emplace_back(e.deviations.cases[k], k);
  std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (const auto& [n, k] : kinds)
    out += (out.empty() ? "" : ", ") + std::string(to_string(static_cast<DeviationKind>(k))) + " " + percent(n, e.cases);
  return out;
}

// Entries with cases, the worst first by `worse`, then in the workflow's order.
template <typename T, typename Worse>
std::vector<std::pair<const std::string*, const T*>> ranked(const std::map<std::string, T>& map, Worse worse) {
  std::vector<std::pair<const std::string*, const T*>> out;
  for (const auto& [id, e] : map)
    if (e.cases) out.emplace_back(&id, &e);
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    if (worse(*a.second, *b.second)) return true;
    if (worse(*b.second, *a.second)) return false;
    return a.second->order < b.second->order;
  });
  return out;
}

// a/b > c/d without rounding.
__extension__ typedef unsigned __int128 wide;
bool larger_share(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  return static_cast<wide>(a) * d > static_cast<wide>(c) * b;
}

constexpr std::size_t shown = 10;

}  // namespace

std::string conformance_text(const ConformanceHeading& h, const ConformanceSummary& s) {
  std::string out = "Conformance of " + quoted(h.workflow_name) + " (" + h.workflow_id + ")";
  if (h.partitions > 1) out += ", partition " + std::to_string(h.partition) + "/" + std::to_string(h.partitions);
  out += "\n" + std::to_string(s.cases) + " cases (" + std::to_string(s.open) + " open), " + std::to_string(s.events) +
         " events; fitness " + fixed(s.fitness(), 4) + "\n";
  if (s.analysis_limit)
    out += std::to_string(s.analysis_limit) + " cases passed the analysis limit and have no cost (analysis-limit)\n";
  if (s.no_complete_run)
    out += std::to_string(s.no_complete_run) + " cases are of a case type with no complete run\n";

  const auto steps = ranked(s.steps, [](const StepSummary& a, const StepSummary& b) {
    return larger_share(a.deviating, a.cases, b.deviating, b.cases);
  });
  out += "\nSteps least kept (share of their cases with a deviation there):\n";
  std::size_t n = 0;
  for (const auto& [id, e] : steps) {
    if (!e->deviating) continue;
    if (n++ == shown) break;
    out += "  " + percent(e->deviating, e->cases) + "  " + quoted(e->name) + " (" + std::to_string(e->cases) +
           " cases): " + kinds_text(*e);
    if (e->waiting.count()) out += "; waited " + distribution_text(e->waiting, true);
    if (e->durations.count()) out += "; took " + distribution_text(e->durations, true);
    out += "\n";
  }
  if (n == 0) out += "  none: every step was kept\n";

  const auto handovers = ranked(s.handovers, [](const HandoverSummary& a, const HandoverSummary& b) {
    return a.waiting.percentile(90) > b.waiting.percentile(90);
  });
  // A handover a few cases took by mistake says little about the way of
  // working: those of fewer than 1 % of the cases are left out.
  const std::uint64_t least = std::max<std::uint64_t>(1, s.cases / 100);
  out += "\nHandovers that wait longest (90th percentile; those of at least " + std::to_string(least) + " cases):\n";
  n = 0;
  for (const auto& [id, e] : handovers) {
    if (e->cases < least) continue;
    if (n++ == shown) break;
    out += "  " + quoted(e->name) + " (" + std::to_string(e->cases) + " cases): " + distribution_text(e->waiting, false) +
           "\n";
  }
  if (n == 0) out += "  none in the log\n";

  const auto requirements = ranked(s.requirements, [](const RequirementSummary& a, const RequirementSummary& b) {
    return larger_share(b.kept, b.cases, a.kept, a.cases);
  });
  out += "\nRequirements, least kept first:\n";
  for (const auto& [id, e] : requirements) {
    out += "  " + percent(e->kept, e->cases) + " kept  " + *id + " (" + std::to_string(e->cases) + " cases)";
    if (const std::string k = kinds_text(*e); !k.empty()) out += ": " + k;
    if (e->response.count()) out += "; answered " + distribution_text(e->response, true);
    out += "\n";
  }
  if (requirements.empty()) out += "  none with a rule concerns these cases\n";

  out += "\nCase types:\n";
  for (const auto& [id, e] : ranked(s.case_types, [](const CaseTypeSummary&, const CaseTypeSummary&) { return false; })) {
    const double mean = e->aligned ? static_cast<double>(e->fitness_billionths) / 1e9 / static_cast<double>(e->aligned) : 1.0;
    out += "  " + (id->empty() ? std::string("(no case type)") : quoted(e->name)) + ": " + std::to_string(e->cases) +
           " cases (" + std::to_string(e->open) + " open), mean fitness " + fixed(mean, 4) + "\n";
  }
  if (!s.unknown_activities.empty()) {
    std::vector<std::pair<std::uint64_t, const std::string*>> unknown;
    for (const auto& [name, count] : s.unknown_activities) unknown.emplace_back(count, &name);
    std::stable_sort(unknown.begin(), unknown.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    out += "\nActivities that are no step of the workflow:\n";
    for (std::size_t i = 0; i < unknown.size() && i < shown; ++i)
      out += "  " + quoted(*unknown[i].second) + ": " + std::to_string(unknown[i].first) + " events\n";
    if (unknown.size() > shown) out += "  and " + std::to_string(unknown.size() - shown) + " more\n";
  }

  out += "\nOpen cases overdue";
  if (h.today) out += " on " + h.today->to_string();
  out += " (" + std::to_string(s.overdue.size()) + "), the longest overdue first:\n";
  std::vector<const OverdueCase*> overdue;
  for (const OverdueCase& c : s.overdue) overdue.push_back(&c);
  std::stable_sort(overdue.begin(), overdue.end(), [](const OverdueCase* a, const OverdueCase* b) {
    return a->deadline < b->deadline;
  });
  for (const OverdueCase* c : overdue) {
    const auto step = s.steps.find(c->step);
    out += "  due " + c->deadline + "  case " + c->id + "  " + c->requirement + " (since " +
           (step == s.steps.end() ? c->step : quoted(step->second.name)) + ")";
    if (!c->case_type.empty()) {
      const auto type = s.case_types.find(c->case_type);
      out += ", " + (type == s.case_types.end() ? c->case_type : quoted(type->second.name));
    }
    out += "\n";
  }
  if (!h.today) out += "  no analysis date given (--today): none listed\n";
  return out;
}

// --- the writer --------------------------------------------------------------------------

namespace {

std::string json_opening(const ConformanceHeading& h) {
  json::object o;
  o["baton"] = version;
  o["workflow"] = json::object{{"id", h.workflow_id}, {"name", h.workflow_name}};
  if (h.today) o["today"] = h.today->to_string();
  else o["today"] = nullptr;
  if (h.partitions > 1) o["partition"] = std::to_string(h.partition) + "/" + std::to_string(h.partitions);
  else o["partition"] = nullptr;
  std::string text = json::serialize(o);
  text.pop_back();  // the cases follow inside the same object
  return text + ",\"cases\":[";
}

std::string json_closing(const ConformanceSummary& s) {
  return "\n],\"summary\":" + json::serialize(summary_to_json(s)) + "}\n";
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const char* const csv_header = "record,case,ordinal,case_type,open,status,events,cost,fitness,kind,step,event,activity,time,"
                               "team,requirement,message\r\n";

std::string csv_rows(const Workflow& wf, const CaseResult& r) {
  const std::string type = r.case_type ? wf.case_types()[*r.case_type].id : r.case_type_written;
  const bool aligned = r.status == CaseStatus::aligned;
  const std::string common = csv_field(r.id) + "," + std::to_string(r.ordinal) + "," + csv_field(type) + ",";
  std::string out = "case," + common + (r.open ? "true" : "false") + "," + std::string(to_string(r.status)) + "," +
                    std::to_string(r.occurrences.size()) + "," + (aligned ? std::to_string(r.alignment.cost) : "") + "," +
                    (aligned ? fixed(r.alignment.fitness, 6) : "") + ",,,,,,,,\r\n";
  for (const Deviation& d : r.deviations) {
    out += "deviation," + common + ",,,,," + std::string(to_string(d.kind)) + "," +
           (d.step ? csv_field(wf.step(*d.step).id) : "") + ",";
    if (d.event) {
      const Occurrence& e = r.occurrences.at(*d.event);
      out += std::to_string(*d.event) + "," + csv_field(e.activity) + "," + utc_time(e.time_ms) + "," + csv_field(e.team);
    } else {
      out += ",,,";
    }
    out += "," + (d.requirement ? csv_field(wf.requirements()[*d.requirement].id) : "") + "," +
           csv_field(deviation_message(wf, r, d)) + "\r\n";
  }
  return out;
}

}  // namespace

ConformanceReport::ConformanceReport(std::ostream& out, ReportFormat format, const Workflow& workflow,
                                     ConformanceHeading heading)
    : out_(out), format_(format), workflow_(workflow), heading_(std::move(heading)) {
  if (format_ == ReportFormat::json) out_ << json_opening(heading_);
  if (format_ == ReportFormat::csv) out_ << csv_header;
}

void ConformanceReport::add(const CaseResult& r) {
  if (format_ == ReportFormat::json) {
    out_ << (first_ ? "\n" : ",\n") << json::serialize(case_to_json(workflow_, r));
    first_ = false;
  }
  if (format_ == ReportFormat::csv) out_ << csv_rows(workflow_, r);
}

void ConformanceReport::finish(const ConformanceSummary& summary) {
  if (format_ == ReportFormat::json) out_ << json_closing(summary);
  if (format_ == ReportFormat::text) out_ << conformance_text(heading_, summary);
  out_.flush();
}

// --- merging partitions ------------------------------------------------------------------

namespace {

// The cases of a JSON result as ConformanceReport writes it: after
// `,"cases":[`, one a line, each but the last ending in a comma, up to the
// line that closes the array. (Inside a JSON string a quote is escaped, so
// the opening cannot be part of a name.)
std::vector<std::string_view> case_lines(std::string_view bytes) {
  std::vector<std::string_view> out;
  const std::size_t open = bytes.find(",\"cases\":[");
  if (open == std::string_view::npos) return out;
  std::size_t at = bytes.find('\n', open);
  while (at != std::string_view::npos) {
    const std::size_t end = bytes.find('\n', at + 1);
    std::string_view line = bytes.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
    if (line.starts_with("],")) break;
    if (line.ends_with(",")) line.remove_suffix(1);
    out.push_back(line);
    at = end;
  }
  return out;
}

}  // namespace

std::string merge_conformance(const std::vector<std::pair<std::string, std::string>>& parts, ReportFormat format) {
  if (parts.empty()) throw LoadError(LoadError::Kind::invalid, "", "", 0, 0, "no partition results to merge");
  std::optional<ConformanceHeading> heading;
  std::optional<ConformanceSummary> summary;
  std::set<std::uint32_t> seen;
  std::vector<std::pair<std::uint64_t, std::string>> cases;  // ordinal, the case as written
  for (const auto& given : parts) {
    const std::string& file = given.first;  // clang 14 cannot capture a structured binding
    const std::string& bytes = given.second;
    const auto fail = [&](const std::string& pointer, const std::string& what) {
      throw LoadError(LoadError::Kind::invalid, file, pointer, 0, 0, what);
    };
    boost::system::error_code ec;
    json::value doc = json::parse(bytes, ec);
    if (ec) throw LoadError(LoadError::Kind::parse, file, "", 0, 0, "not JSON: " + ec.message());
    if (!doc.is_object()) fail("", "not a conformance result");
    const json::object& o = doc.get_object();
    ConformanceHeading h;
    const json::value* wf = o.if_contains("workflow");
    if (!wf || !wf->is_object() || !wf->get_object().contains("id") || !wf->get_object().at("id").is_string() ||
        !wf->get_object().contains("name") || !wf->get_object().at("name").is_string())
      fail("/workflow", "expected the workflow's id and name");
    h.workflow_id = std::string(wf->get_object().at("id").get_string());
    h.workflow_name = std::string(wf->get_object().at("name").get_string());
    if (const json::value* t = o.if_contains("today"); t && !t->is_null()) {
      if (!t->is_string() || !(h.today = Date::parse(t->get_string()))) fail("/today", "expected a date YYYY-MM-DD");
    }
    const json::value* p = o.if_contains("partition");
    if (!p || !p->is_string()) fail("/partition", "not a partition's result (made with --partition K/N)");
    {
      const std::string text(p->get_string());
      unsigned k = 0, n = 0;
      char end = 0;
      if (std::sscanf(text.c_str(), "%u/%u%c", &k, &n, &end) != 2 || k == 0 || k > n)
        fail("/partition", "expected K/N with 1 <= K <= N");
      h.partition = k;
      h.partitions = n;
    }
    if (heading) {
      ConformanceHeading same = *heading;
      same.partition = h.partition;
      if (!(same == h))
        fail("", "a result of another workflow, analysis date or number of partitions than " + parts.front().first);
    }
    if (!seen.insert(h.partition).second) fail("/partition", "partition " + std::to_string(h.partition) + " given twice");
    const json::value* c = o.if_contains("cases");
    if (!c || !c->is_array()) fail("/cases", "expected an array");
    // The cases are copied as written, one a line: read back, a fitness
    // might not print the same (Boost.JSON 1.81 parses doubles inexactly).
    const std::vector<std::string_view> lines = case_lines(bytes);
    if (lines.size() != c->get_array().size()) fail("/cases", "not written by baton conform (one case a line)");
    for (std::size_t i = 0; i < c->get_array().size(); ++i) {
      const json::value& v = c->get_array()[i];
      const json::value* ordinal = v.is_object() ? v.get_object().if_contains("ordinal") : nullptr;
      if (!ordinal || !(ordinal->is_uint64() || (ordinal->is_int64() && ordinal->get_int64() >= 0)))
        fail("/cases/" + std::to_string(i) + "/ordinal", "expected the case's ordinal");
      cases.emplace_back(ordinal->to_number<std::uint64_t>(), std::string(lines[i]));
    }
    const json::value* sv = o.if_contains("summary");
    if (!sv) fail("/summary", "missing");
    ConformanceSummary part = summary_from_json(*sv, file);
    if (part.workflow != h.workflow_id) fail("/summary/workflow", "not the workflow of /workflow");
    if (summary) summary->merge(part);
    else summary = std::move(part);
    heading = h;
  }
  if (seen.size() != heading->partitions)
    throw LoadError(LoadError::Kind::invalid, parts.front().first, "/partition", 0, 0,
                    "only " + std::to_string(seen.size()) + " of " + std::to_string(heading->partitions) +
                        " partitions given");
  heading->partition = heading->partitions = 1;
  if (format == ReportFormat::text) return conformance_text(*heading, *summary);
  std::stable_sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out = json_opening(*heading);
  for (std::size_t i = 0; i < cases.size(); ++i) out += (i ? ",\n" : "\n") + cases[i].second;
  return out + json_closing(*summary);
}

}  // namespace baton
