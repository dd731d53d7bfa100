// The baton command (shared/spec/cli.md): a thin shell over the library's
// public API; it decides nothing the library does not.
#include <baton/bpmn.hpp>
#include <baton/check.hpp>
#include <baton/diff.hpp>
#include <baton/followup.hpp>
#include <baton/handbook.hpp>
#include <baton/impact.hpp>
#include <baton/conformance_report.hpp>
#include <baton/event_log.hpp>
#include <baton/log_conformance.hpp>
#include <baton/json.hpp>
#include <baton/load.hpp>
#include <baton/output.hpp>
#include <baton/output_file.hpp>
#include <baton/registry.hpp>
#include <baton/simulate.hpp>
#include <baton/version.hpp>
#include <baton/walk.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <charconv>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr int exit_clean = 0, exit_findings = 1, exit_trouble = 2;

const std::map<std::string, std::string> usage_of = {
    {"validate", "baton validate FILE...                 load and validate only\n"},
    {"check",
     "baton check FILE... [options]           run the checks\n"
     "  --format text|json            output form (text)\n"
     "  --only RULE[,RULE...]         run only these checks\n"
     "  --disable RULE[,RULE...]      switch checks off\n"
     "  --severity RULE=LEVEL         change a check's severity (repeatable)\n"
     "  --fail-on error|warning|info|never\n"
     "                                lowest severity that makes the exit status 1 (error)\n"
     "  --today YYYY-MM-DD            the analysis date (today)\n"
     "  --state-limit N               most states the whole check may visit (250000)\n"
     "  --lang da|en                  language of the messages (the workflow's `language`)\n"},
    {"walk", "baton walk FILE [--case-type ID] [--format markdown|json] [--lang da|en]\n"
             "                                a case type (or the whole workflow) from start to end\n"},
    {"export", "baton export [--format bpmn|json] FILE [-o OUT] [--diagram yes|no]\n"
               "                                the workflow as BPMN 2.0 with diagram (bpmn) or format v1 (json);\n"
               "                                --diagram no leaves BPMN DI out (for workflows too large to lay out)\n"},
    {"rules", "baton rules                             list every check with its id, severity and summary\n"},
    {"help", "baton help [COMMAND]                    this text, or one command's\n"},
    // The people-facing outputs (shared/spec/handbook.md); --lang da|en
    // overrides the workflow's `language`.
    {"followup", "baton followup FILE [--today YYYY-MM-DD] [--format text|json|markdown] [--lang da|en]\n"
                 "                                the follow-up points by due date (the agenda)\n"},
    {"diff", "baton diff OLD NEW [--team ID] [--today YYYY-MM-DD] [--format text|json|markdown] [--lang da|en]\n"
             "                                what changes between two versions, and the findings fixed and new\n"},
    {"simulate",
     "baton simulate FILE -o LOG [options]    write a simulated event log, and its injected deviations\n"
     "                                beside it (LOG.truth.csv)\n"
     "  -o, --output LOG              .xes, .xes.gz, .csv or .csv.gz\n"
     "  --cases N                     how many cases (100)\n"
     "  --seed S                      the same seed gives the same log (1)\n"
     "  --noise RATE|KIND=RATE|KIND:STEP=RATE\n"
     "                                deviations per work step, KIND skip, repeat, swap, other-team\n"
     "                                or late (repeatable; none by default)\n"
     "  --from YYYY-MM-DD --to YYYY-MM-DD\n"
     "                                when cases arrive; the log ends with --to (2026-01-01, 2026-12-31)\n"
     "  --time-zone ZONE              offset of the timestamps (Europe/Copenhagen)\n"
     "  --start-events yes|no         a start event before each step's complete one (no)\n"},
    {"impact", "baton impact FILE (--source TEXT | --requirement ID | --team ID | --system ID | --template ID |\n"
               "                  --artifact ID) [--format text|json|markdown] [--lang da|en]\n"
               "                                everything that rests on a legal source or an object\n"
               "                                (--legal-source is another name for --source)\n"},
    {"conform",
     "baton conform WORKFLOW LOG... [options] check every case of the logs against the workflow\n"
     "  --format text|json|csv        output form (text)\n"
     "  --today YYYY-MM-DD            the analysis date for overdue cases (today)\n"
     "  --jobs N                      threads (1); the output is the same for any N\n"
     "  --partition K/N               only the cases of partition K of N (by a hash of the case id)\n"
     "  --pseudonymise KEY            write every case id as its HMAC-SHA-256 under KEY\n"
     "  --lenient                     skip unreadable events, counted per reason\n"
     "  --separator C                 CSV separator (detected)\n"
     "  --case-column, --activity-column, --timestamp-column, --lifecycle-column,\n"
     "  --resource-column, --team-column NAME\n"
     "                                CSV columns (the spec's defaults)\n"
     "  --case-type-attribute NAME    the case attribute holding the case type (case_type)\n"
     "  --time-zone ZONE              for timestamps without an offset (Europe/Copenhagen)\n"
     "  --state-limit N               most states one case's alignment may visit (1000000)\n"},
    {"conform-merge", "baton conform-merge PART.json... [--format json|text]\n"
                      "                                merge the JSON results of every partition\n"},
    {"doc", "baton doc FILE -o FOLDER [--old OLD_FILE] [--today YYYY-MM-DD] [--format html|markdown] [--lang da|en]\n"
            "                                the handbook: a self-contained folder to open in a browser\n"},
};

std::string usage_text() {
  std::string out = "usage:\n";
  for (const char* c : {"validate", "check", "walk", "export", "rules", "help", "followup", "diff", "impact",
                        "doc", "simulate", "conform", "conform-merge"})
    out += "  " + usage_of.at(c);
  return out + "  baton --version\nFILE may be - for standard input. Exit status: 0 clean, 1 findings at or above "
               "--fail-on, 2 usage error or a file that could not be loaded.\n";
}

struct UsageError {
  std::string message;
};

// Loads FILE ("-" is standard input), JSON or BPMN by content; prints a load
// error in cli.md's form, and what the reader noted as "FILE: info: ...".
std::shared_ptr<const baton::Workflow> load(const std::string& file, std::optional<baton::LoadError>& error) {
  try {
    baton::WorkflowRead read;
    if (file == "-") {
      std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      read = baton::load_workflow(text, "-", baton::WorkflowFormat::automatic);
    } else {
      read = baton::read_workflow_file(file);
    }
    for (const std::string& note : read.notes) std::cerr << file << ": info: " << note << "\n";
    return read.workflow;
  } catch (const baton::LoadError& e) {
    std::cerr << e.place() << ": error: " << e.message() << "\n";
    error = e;
    return nullptr;
  }
}

// Splits the arguments into files and "--name value" options (also
// "--name=value"); `known` lists the options that take a value.
struct Arguments {
  std::vector<std::string> files;
  std::multimap<std::string, std::string> options;

  Arguments(const std::vector<std::string>& args, const std::vector<std::string>& known) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
        files.push_back(a);
        continue;
      }
      const auto eq = a.find('=');
      const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      if (std::find(known.begin(), known.end(), name) == known.end()) throw UsageError{"unknown option " + a};
      if (eq != std::string::npos) {
        options.emplace(name, a.substr(eq + 1));
      } else {
        if (i + 1 >= args.size()) throw UsageError{"option --" + name + " needs a value"};
        options.emplace(name, args[++i]);
      }
    }
  }

  std::optional<std::string> last(const std::string& name) const {
    auto range = options.equal_range(name);
    if (range.first == range.second) return std::nullopt;
    return std::prev(range.second)->second;
  }
};

std::string one_of(const Arguments& a, const std::string& name, const std::vector<std::string>& allowed) {
  const std::string value = a.last(name).value_or(allowed.front());
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
    throw UsageError{"--" + name + " takes one of: " + [&] {
      std::string s;
      for (const auto& v : allowed) s += (s.empty() ? "" : ", ") + v;
      return s;
    }()};
  return value;
}

// --NAME YYYY-MM-DD, if given.
std::optional<baton::Date> date_option(const Arguments& a, const std::string& name) {
  const auto text = a.last(name);
  if (!text) return std::nullopt;
  const auto date = baton::Date::parse(*text);
  if (!date) throw UsageError{"--" + name + " takes a date YYYY-MM-DD, not \"" + *text + "\""};
  return date;
}

// --NAME N, a whole number of at least `least`; `fallback` when not given.
std::uint64_t number_option(const Arguments& a, const std::string& name, std::uint64_t fallback,
                            std::uint64_t least = 0) {
  const auto text = a.last(name);
  if (!text) return fallback;
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc{} || end != text->data() + text->size() || n < least)
    throw UsageError{"--" + name + " takes a " + (least > 0 ? "positive " : "") + "whole number, not \"" + *text + "\""};
  return n;
}

// --lang da|en, where given (else the workflow's `language` decides).
std::optional<baton::Lang> lang_option(const Arguments& a) {
  const auto given = a.last("lang");
  if (!given) return std::nullopt;
  auto lang = baton::parse_lang(*given);
  if (!lang) throw UsageError{"--lang takes da or en, not \"" + *given + "\""};
  return lang;
}

baton::CheckOptions check_options(const Arguments& a) {
  baton::CheckOptions o;
  try {
    if (auto only = a.last("only")) o.only = baton::parse_rule_list(*only);
    if (auto off = a.last("disable")) o.disable = baton::parse_rule_list(*off);
    auto levels = a.options.equal_range("severity");
    for (auto it = levels.first; it != levels.second; ++it)
      for (auto& [rule, level] : baton::parse_severity_list(it->second)) o.severity[rule] = level;
  } catch (const baton::OptionError& e) {
    throw UsageError{e.what()};
  }
  o.today = date_option(a, "today");
  o.lang = lang_option(a);
  o.state_limit = number_option(a, "state-limit", o.state_limit, 1);
  return o;
}

int validate(const std::vector<std::string>& args) {
  const Arguments a(args, {});
  if (a.files.empty()) throw UsageError{"validate needs at least one FILE"};
  int status = exit_clean;
  for (const std::string& file : a.files) {
    std::optional<baton::LoadError> error;
    auto wf = load(file, error);
    if (!wf) {
      status = exit_trouble;
      continue;
    }
    std::cout << file << ": valid workflow \"" << wf->id() << "\" (" << wf->steps().size() << " steps, "
              << wf->transitions().size() << " transitions)\n";
  }
  return status;
}

int check(const std::vector<std::string>& args) {
  const Arguments a(args, {"format", "only", "disable", "severity", "fail-on", "today", "state-limit", "lang"});
  if (a.files.empty()) throw UsageError{"check needs at least one FILE"};
  const bool as_json = one_of(a, "format", {"text", "json"}) == "json";
  const std::string fail_on = one_of(a, "fail-on", {"error", "warning", "info", "never"});
  const baton::CheckOptions options = check_options(a);
  const std::optional<baton::Severity> threshold = baton::parse_severity(fail_on);

  bool load_failed = false, failing = false;
  baton::Report total;
  std::vector<std::string> results;
  for (const std::string& file : a.files) {
    std::optional<baton::LoadError> error;
    auto wf = load(file, error);
    if (!wf) {
      load_failed = true;
      results.push_back(baton::load_error_to_json(*error, file));
      continue;
    }
    const baton::Report report = baton::run_checks(*wf, options);
    for (const baton::Finding& f : report.findings) failing |= threshold && f.severity <= *threshold;
    if (as_json) {
      results.push_back(baton::report_to_json(report, file));
    } else {
      const std::string text = baton::report_to_text(report, file);
      std::cout << text.substr(0, text.rfind('\n', text.size() - 2) + 1);  // the counts line comes once, at the end
      total.findings.insert(total.findings.end(), report.findings.begin(), report.findings.end());
    }
  }
  if (as_json) {
    std::cout << "{\"baton\":\"" << baton::version << "\",\"results\":[";
    for (std::size_t i = 0; i < results.size(); ++i) std::cout << (i ? "," : "") << results[i];
    std::cout << "]}\n";
  } else {
    std::cout << baton::counts_line(total) << "\n";
  }
  return load_failed ? exit_trouble : failing ? exit_findings : exit_clean;
}

int walk(const std::vector<std::string>& args) {
  const Arguments a(args, {"case-type", "format", "lang"});
  if (a.files.size() != 1) throw UsageError{"walk takes exactly one FILE"};
  const bool as_json = one_of(a, "format", {"markdown", "json"}) == "json";
  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  if (!wf) return exit_trouble;
  const baton::CaseType* case_type = nullptr;
  if (auto id = a.last("case-type")) {
    auto index = wf->find_case_type(*id);
    if (!index) {
      std::cerr << a.files.front() << ": error: no case type has the id \"" << *id << "\"\n";
      return exit_trouble;
    }
    case_type = &wf->case_types()[*index];
  }
  std::cout << baton::walk(*wf, case_type, as_json ? baton::WalkFormat::json : baton::WalkFormat::markdown,
                           lang_option(a));
  if (as_json) std::cout << "\n";
  return exit_clean;
}

int export_workflow(std::vector<std::string> args) {
  // "-o OUT" is the one short option; the rest are "--name value".
  std::optional<std::string> output;
  for (std::size_t i = 0; i < args.size(); ++i)
    if (args[i] == "-o") {
      if (i + 1 >= args.size()) throw UsageError{"option -o needs a value"};
      output = args[i + 1];
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      break;
    }
  const Arguments a(args, {"format", "diagram"});
  if (a.files.size() != 1) throw UsageError{"export takes exactly one FILE"};
  const bool as_bpmn = one_of(a, "format", {"bpmn", "json"}) == "bpmn";
  const baton::BpmnWriteOptions bpmn_options{.diagram = one_of(a, "diagram", {"yes", "no"}) == "yes"};
  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  if (!wf) return exit_trouble;
  std::string text;
  try {
    text = as_bpmn ? baton::to_bpmn(*wf, bpmn_options) : baton::to_json(*wf) + "\n";
  } catch (const std::runtime_error& e) {
    std::cerr << a.files.front() << ": error: " << e.what() << "\n";
    return exit_trouble;
  }
  if (!output || *output == "-") {
    std::cout << text;
    return exit_clean;
  }
  try {
    baton::write_file_atomically(*output, text);
  } catch (const baton::OutputError& e) {
    std::cerr << "baton: error: " << e.what() << "\n";
    return exit_trouble;
  }
  return exit_clean;
}

int simulate(std::vector<std::string> args) {
  for (std::string& arg : args)
    if (arg == "-o") arg = "--output";
  const Arguments a(args, {"output", "cases", "seed", "noise", "from", "to", "time-zone", "start-events"});
  if (a.files.size() != 1) throw UsageError{"simulate takes exactly one workflow FILE"};
  const auto output = a.last("output");
  if (!output) throw UsageError{"simulate needs -o LOG"};
  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  if (!wf) return exit_trouble;
  baton::SimulateOptions o;
  o.cases = number_option(a, "cases", o.cases);
  o.seed = number_option(a, "seed", o.seed);
  if (auto day = date_option(a, "from")) o.first_day = *day;
  if (auto day = date_option(a, "to")) o.last_day = *day;
  if (o.last_day < o.first_day) throw UsageError{"--to comes before --from"};
  if (auto zone = a.last("time-zone")) o.time_zone = *zone;
  o.start_events = one_of(a, "start-events", {"no", "yes"}) == "yes";
  try {
    auto noise = a.options.equal_range("noise");
    for (auto it = noise.first; it != noise.second; ++it)
      for (const baton::Noise& n : baton::parse_noise(*wf, it->second)) o.noise.push_back(n);
  } catch (const baton::OptionError& e) {
    throw UsageError{e.what()};
  }
  const auto truth = baton::truth_path_for(*output);
  try {
    const baton::SimulationFiles done = baton::simulate_to_files(*wf, o, *output, truth);
    std::cerr << *output << ": " << done.cases << " cases, " << done.events << " events; " << truth.string() << ": "
              << done.deviations << " injected deviations\n";
  } catch (const std::runtime_error& e) {
    std::cerr << "baton: error: " << e.what() << "\n";
    return exit_trouble;
  }
  return exit_clean;
}

int rules(const std::vector<std::string>& args) {
  if (!args.empty()) throw UsageError{"rules takes no arguments"};
  for (const baton::Check* c : baton::all_checks())
    std::cout << c->id << " (" << baton::to_string(c->severity) << "): " << c->summary << "\n";
  return exit_clean;
}

int help(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cout << usage_text();
    return exit_clean;
  }
  auto it = usage_of.find(args.front());
  if (it == usage_of.end()) throw UsageError{"no command \"" + args.front() + "\""};
  std::cout << "usage: " << it->second;
  return exit_clean;
}

// ---- The people-facing outputs (handbook.md)

// --lang, else the workflow's `language`.
baton::Lang lang_of(const Arguments& a, const baton::Workflow& wf) {
  return lang_option(a).value_or(baton::language_of(wf));
}

baton::Date today_of(const Arguments& a) {
  return date_option(a, "today").value_or(baton::Date::today());
}

baton::TextForm text_form_of(const Arguments& a) {
  return *baton::parse_text_form(one_of(a, "format", {"text", "json", "markdown"}));
}

int followup(const std::vector<std::string>& args) {
  const Arguments a(args, {"today", "format", "lang"});
  if (a.files.size() != 1) throw UsageError{"followup takes exactly one FILE"};
  const baton::TextForm form = text_form_of(a);
  const baton::Date today = today_of(a);
  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  if (!wf) return exit_trouble;
  std::cout << baton::write_follow_up_agenda(*wf, today, lang_of(a, *wf), form);
  return exit_clean;
}

int diff(const std::vector<std::string>& args) {
  const Arguments a(args, {"team", "today", "format", "lang"});
  if (a.files.size() != 2) throw UsageError{"diff takes exactly two FILEs, OLD and NEW"};
  const baton::TextForm form = text_form_of(a);
  baton::DiffOptions options;
  options.team = a.last("team");
  options.checks.today = today_of(a);
  std::optional<baton::LoadError> error;
  auto old_wf = load(a.files[0], error);
  auto new_wf = load(a.files[1], error);
  if (!old_wf || !new_wf) return exit_trouble;
  const baton::Lang lang = lang_of(a, *new_wf);
  options.lang = lang;
  try {
    std::cout << baton::write_diff(baton::diff_workflows(*old_wf, *new_wf, options), lang, form);
  } catch (const std::invalid_argument& e) {
    throw UsageError{e.what()};
  }
  return exit_clean;
}

int impact(const std::vector<std::string>& args) {
  const std::vector<std::string> subjects = {"source", "legal-source", "requirement", "team", "system", "template", "artifact"};
  std::vector<std::string> known = subjects;
  known.insert(known.end(), {"format", "lang"});
  const Arguments a(args, known);
  if (a.files.size() != 1) throw UsageError{"impact takes exactly one FILE"};
  std::optional<std::pair<baton::ImpactOf, std::string>> asked;
  for (const std::string& subject : subjects)
    if (auto value = a.last(subject)) {
      if (asked) throw UsageError{"impact takes one of --source, --requirement, --team, --system, --template, --artifact"};
      asked = {*baton::parse_impact_of(subject == "legal-source" ? "source" : subject), *value};
    }
  if (!asked) throw UsageError{"impact needs one of --source, --requirement, --team, --system, --template, --artifact"};
  const baton::TextForm form = text_form_of(a);
  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  if (!wf) return exit_trouble;
  try {
    std::cout << baton::write_impact(*wf, baton::impact_of(*wf, asked->first, asked->second), lang_of(a, *wf), form);
  } catch (const std::invalid_argument& e) {
    std::cerr << a.files.front() << ": error: " << e.what() << "\n";
    return exit_trouble;
  }
  return exit_clean;
}

// --- conform (event-logs.md) ----------------------------------------------------------

// Which files are read how; the lone --lenient flag is taken out first.
baton::LogReadOptions log_read_options(const Arguments& a, bool lenient) {
  baton::LogReadOptions o;
  o.lenient = lenient;
  if (auto sep = a.last("separator")) {
    const std::string s = *sep == "tab" || *sep == "\\t" ? "\t" : *sep;
    if (s.size() != 1) throw UsageError{"--separator takes one character (or tab)"};
    o.separator = s[0];
  }
  for (const auto& [option, member] : std::initializer_list<std::pair<const char*, std::string baton::LogReadOptions::*>>{
           {"case-column", &baton::LogReadOptions::case_column},
           {"activity-column", &baton::LogReadOptions::activity_column},
           {"timestamp-column", &baton::LogReadOptions::timestamp_column},
           {"lifecycle-column", &baton::LogReadOptions::lifecycle_column},
           {"resource-column", &baton::LogReadOptions::resource_column},
           {"team-column", &baton::LogReadOptions::team_column},
           {"case-type-attribute", &baton::LogReadOptions::case_type_attribute},
           {"time-zone", &baton::LogReadOptions::time_zone}})
    if (auto v = a.last(option)) o.*member = *v;
  return o;
}

int conform(std::vector<std::string> args) {
  const auto flag = std::find(args.begin(), args.end(), "--lenient");
  const bool lenient = flag != args.end();
  if (lenient) args.erase(flag);
  const Arguments a(args, {"format", "today", "jobs", "partition", "pseudonymise", "separator", "case-column",
                           "activity-column", "timestamp-column", "lifecycle-column", "resource-column", "team-column",
                           "case-type-attribute", "time-zone", "state-limit"});
  if (a.files.size() < 2) throw UsageError{"conform needs a WORKFLOW and at least one LOG"};
  const std::string format = one_of(a, "format", {"text", "json", "csv"});
  baton::ConformOptions conform_options;
  conform_options.today = today_of(a);
  conform_options.state_limit = number_option(a, "state-limit", conform_options.state_limit, 1);
  baton::RunOptions run_options;
  run_options.jobs = static_cast<unsigned>(std::min<std::uint64_t>(number_option(a, "jobs", 1, 1), 256));
  if (auto part = a.last("partition")) {
    unsigned k = 0, n = 0;
    char rest = 0;
    if (std::sscanf(part->c_str(), "%u/%u%c", &k, &n, &rest) != 2 || k == 0 || k > n)
      throw UsageError{"--partition takes K/N with 1 <= K <= N, not \"" + *part + "\""};
    run_options.partition = k;
    run_options.partitions = n;
  }
  if (auto key = a.last("pseudonymise")) {
    if (key->empty()) throw UsageError{"--pseudonymise needs a KEY"};
    run_options.pseudonymise_key = *key;
  }
  const baton::LogReadOptions read_options = log_read_options(a, lenient);

  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  if (!wf) return exit_trouble;
  const baton::ConformanceModel model(*wf, conform_options);
  baton::ConformanceReport report(std::cout,
                                  format == "json" ? baton::ReportFormat::json
                                  : format == "csv" ? baton::ReportFormat::csv
                                                    : baton::ReportFormat::text,
                                  *wf, baton::heading_of(*wf, conform_options, run_options));
  baton::ConformanceRun run(model, run_options, [&](const baton::CaseResult& r) { report.add(r); });
  for (std::size_t i = 1; i < a.files.size(); ++i) {
    const std::string& file = a.files[i];
    try {
      const baton::LogReadStats stats =
          baton::read_log_file(file, read_options, [&](baton::LogCase&& c) { run.add(std::move(c)); });
      for (const auto& [reason, count] : stats.skipped)
        std::cerr << file << ": info: skipped " << count << " events: " << reason << "\n";
    } catch (const baton::LoadError& e) {
      // The output so far is cut short; nothing after it is written.
      std::cerr << e.place() << ": error: " << e.message() << "\n";
      return exit_trouble;
    }
  }
  report.finish(run.finish());
  return exit_clean;
}

int conform_merge(const std::vector<std::string>& args) {
  const Arguments a(args, {"format"});
  if (a.files.empty()) throw UsageError{"conform-merge needs the partition results PART.json..."};
  const bool as_text = one_of(a, "format", {"json", "text"}) == "text";
  std::vector<std::pair<std::string, std::string>> parts;
  for (const std::string& file : a.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": error: cannot be read\n";
      return exit_trouble;
    }
    parts.emplace_back(file, std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()});
  }
  try {
    std::cout << baton::merge_conformance(parts, as_text ? baton::ReportFormat::text : baton::ReportFormat::json);
  } catch (const baton::LoadError& e) {
    std::cerr << e.place() << ": error: " << e.message() << "\n";
    return exit_trouble;
  }
  return exit_clean;
}

int doc(std::vector<std::string> args) {
  for (auto& a : args)
    if (a == "-o") a = "--out";
  const Arguments a(args, {"out", "old", "today", "format", "lang"});
  if (a.files.size() != 1) throw UsageError{"doc takes exactly one FILE"};
  const auto folder = a.last("out");
  if (!folder) throw UsageError{"doc needs -o FOLDER"};
  baton::HandbookOptions options;
  options.form = one_of(a, "format", {"html", "markdown"}) == "html" ? baton::HandbookForm::html
                                                                      : baton::HandbookForm::markdown;
  options.checks.today = today_of(a);
  std::optional<baton::LoadError> error;
  auto wf = load(a.files.front(), error);
  std::shared_ptr<const baton::Workflow> old;
  if (auto old_file = a.last("old")) old = load(*old_file, error);
  if (!wf || (a.last("old") && !old)) return exit_trouble;
  options.old = old.get();
  options.lang = lang_of(a, *wf);
  try {
    baton::write_handbook(*wf, *folder, options);
  } catch (const std::runtime_error& e) {
    std::cerr << "baton: " << e.what() << "\n";
    return exit_trouble;
  }
  const char* front = options.form == baton::HandbookForm::html ? "index.html" : "index.md";
  std::cout << "wrote the handbook to " << *folder << "; open " << (std::filesystem::path(*folder) / front).string() << "\n";
  return exit_clean;
}

}  // namespace

int main(int argc, char** argv) try {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw UsageError{"no command given"};
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--version") {
    std::cout << "baton " << baton::version << "\n";
    return exit_clean;
  }
  if (command == "help" || command == "--help" || command == "-h") return help(args);
  if (command == "validate") return validate(args);
  if (command == "check") return check(args);
  if (command == "walk") return walk(args);
  if (command == "rules") return rules(args);
  if (command == "followup") return followup(args);
  if (command == "diff") return diff(args);
  if (command == "export") return export_workflow(args);
  if (command == "simulate") return simulate(args);
  if (command == "impact") return impact(args);
  if (command == "conform") return conform(args);
  if (command == "conform-merge") return conform_merge(args);
  if (command == "doc") return doc(args);
  throw UsageError{"unknown command \"" + command + "\""};
} catch (const UsageError& e) {
  std::cerr << "baton: " << e.message << "\n" << usage_text();
  return exit_trouble;
} catch (const std::exception& e) {
  std::cerr << "baton: internal error: " << e.what() << "\n";
  return exit_trouble;
}
