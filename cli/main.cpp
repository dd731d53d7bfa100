// The baton command (shared/spec/cli.md): a thin shell over the library's
// public API; it decides nothing the library does not.
#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/load.hpp>
#include <baton/output.hpp>
#include <baton/registry.hpp>
#include <baton/version.hpp>
#include <baton/walk.hpp>

#include <algorithm>
#include <charconv>
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
     "  --state-limit N               most states the whole check may visit (250000)\n"},
    {"walk", "baton walk FILE [--case-type ID] [--format markdown|json]\n"
             "                                a case type (or the whole workflow) from start to end\n"},
    {"rules", "baton rules                             list every check with its id, severity and summary\n"},
    {"help", "baton help [COMMAND]                    this text, or one command's\n"},
};

std::string usage_text() {
  std::string out = "usage:\n";
  for (const char* c : {"validate", "check", "walk", "rules", "help"}) out += "  " + usage_of.at(c);
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
  if (auto today = a.last("today")) {
    o.today = baton::Date::parse(*today);
    if (!o.today) throw UsageError{"--today takes a date YYYY-MM-DD, not \"" + *today + "\""};
  }
  if (auto limit = a.last("state-limit")) {
    auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), o.state_limit);
    if (ec != std::errc{} || end != limit->data() + limit->size() || o.state_limit == 0)
      throw UsageError{"--state-limit takes a positive whole number, not \"" + *limit + "\""};
  }
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
  const Arguments a(args, {"format", "only", "disable", "severity", "fail-on", "today", "state-limit"});
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
  const Arguments a(args, {"case-type", "format"});
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
  std::cout << baton::walk(*wf, case_type, as_json ? baton::WalkFormat::json : baton::WalkFormat::markdown);
  if (as_json) std::cout << "\n";
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
  throw UsageError{"unknown command \"" + command + "\""};
} catch (const UsageError& e) {
  std::cerr << "baton: " << e.message << "\n" << usage_text();
  return exit_trouble;
} catch (const std::exception& e) {
  std::cerr << "baton: internal error: " << e.what() << "\n";
  return exit_trouble;
}
