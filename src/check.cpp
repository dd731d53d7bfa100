#include <baton/check.hpp>
#include <baton/messages.hpp>
#include <baton/registry.hpp>

#include <algorithm>
#include <new>

namespace baton {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning") return Severity::warning;
  if (s == "info") return Severity::info;
  return std::nullopt;
}

CheckContext::CheckContext(const Workflow& workflow, Date today, std::uint64_t state_limit, Lang lang,
                           std::uint64_t memory_limit)
    : workflow_(workflow),
      today_(today),
      state_limit_(state_limit),
      memory_limit_(memory_limit),
      budget_{state_limit, memory_limit, memory_limit != 0, false},
      lang_(lang) {}

CheckContext::~CheckContext() = default;

std::string CheckContext::say(Msg id, std::initializer_list<MessageArg> args) const { return baton::say(lang_, id, args); }
std::string CheckContext::quote(std::string_view name) const { return baton::quote(lang_, name); }

std::size_t Report::count(Severity s) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s; }));
}

namespace {

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> parts;
  while (!s.empty()) {
    const auto comma = s.find(',');
    std::string_view part = s.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return parts;
}

void require_known(std::string_view id) {
  if (!find_check(id)) throw OptionError("unknown rule \"" + std::string(id) + "\"");
}

bool selected(const Check& check, const CheckOptions& options) {
  const auto named = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), check.id) != ids.end();
  };
  return (options.only.empty() || named(options.only)) && !named(options.disable);
}

}  // namespace

std::vector<std::string> parse_rule_list(std::string_view text) {
  std::vector<std::string> ids;
  for (std::string_view id : split_commas(text)) {
    require_known(id);
    ids.emplace_back(id);
  }
  return ids;
}

std::map<std::string, Severity> parse_severity_list(std::string_view text) {
  std::map<std::string, Severity> out;
  for (std::string_view item : split_commas(text)) {
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) throw OptionError("\"" + std::string(item) + "\" is not RULE=LEVEL");
    const std::string_view id = item.substr(0, eq), level = item.substr(eq + 1);
    require_known(id);
    auto s = parse_severity(level);
    if (!s) throw OptionError("unknown severity \"" + std::string(level) + "\" (error, warning or info)");
    out[std::string(id)] = *s;
  }
  return out;
}

Report run_checks(const Workflow& workflow, const CheckOptions& options) {
  for (const auto& id : options.only) require_known(id);
  for (const auto& id : options.disable) require_known(id);
  for (const auto& [id, level] : options.severity) require_known(id);
  return run_checks(workflow, options, all_checks());
}

Report run_checks(const Workflow& workflow, const CheckOptions& options, std::span<const Check* const> checks) {
  CheckContext context(workflow, options.today.value_or(Date::today()),
                       options.state_limit == 0 ? default_state_limit : options.state_limit,
                       options.lang.value_or(language_of(workflow)), options.memory_limit);
  std::vector<const Check*> order(checks.begin(), checks.end());
  std::stable_sort(order.begin(), order.end(), [](const Check* a, const Check* b) { return a->phase < b->phase; });

  Report report{workflow.id(), {}, {}};
  for (const Check* check : order) {
    if (!selected(*check, options)) continue;
    std::vector<Finding> found;
    try {
      check->run(context, found);
    } catch (const std::bad_alloc&) {
      throw;  // not the check's fault: the whole run has no memory (BATON_E_NOMEM through the C ABI)
    } catch (const std::exception& e) {
      // One broken analysis must not hide what the others found.
      Finding failed;
      failed.rule = "internal-error";
      failed.severity = Severity::error;
      failed.message = context.say(Msg::internal_error, {{"check", std::string(check->id)}, {"what", e.what()}});
      found = {std::move(failed)};
    }
    const auto level = options.severity.find(std::string(check->id));
    for (Finding& f : found) {
      if (level != options.severity.end() && f.rule == check->id) f.severity = level->second;
      if (const SourceLocation* at = workflow.source_of(f.pointer)) {
        f.element = at->element;
        f.line = at->line;
        f.column = at->column;
      }
      report.findings.push_back(std::move(f));
    }
  }
  if (context.memory_reached())
    for (const std::string& id : context.incomplete())
      report.memory_reached += (report.memory_reached.empty() ? "" : ", ") + id;
  return report;
}

}  // namespace baton
