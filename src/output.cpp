#include <baton/output.hpp>

#include <boost/json.hpp>

namespace json = boost::json;

namespace baton {
namespace {

json::array strings(const std::vector<std::string>& v) { return json::array(v.begin(), v.end()); }

json::object finding_json(const Finding& f) {
  json::object o{{"rule", f.rule}, {"pointer", f.pointer}, {"severity", to_string(f.severity)}, {"message", f.message}};
  if (!f.steps.empty()) o["steps"] = strings(f.steps);
  if (!f.transitions.empty()) {
    json::array pairs;
    for (const auto& [from, to] : f.transitions) pairs.push_back(json::array{json::value(from), json::value(to)});
    o["transitions"] = std::move(pairs);
  }
  if (!f.requirement.empty()) o["requirement"] = f.requirement;
  if (!f.case_type.empty()) o["case_type"] = f.case_type;
  if (!f.witness.empty()) o["witness"] = strings(f.witness);
  if (!f.element.empty()) o["element"] = f.element;
  if (f.line > 0) {
    o["line"] = f.line;
    o["column"] = f.column;
  }
  return o;
}

}  // namespace

std::string finding_to_json(const Finding& finding) { return json::serialize(finding_json(finding)); }

std::string report_to_json(const Report& report, std::string_view file) {
  json::object o;
  if (!file.empty()) o["file"] = file;
  o["workflow"] = report.workflow;
  json::array findings;
  for (const Finding& f : report.findings) findings.push_back(finding_json(f));
  o["findings"] = std::move(findings);
  o["counts"] = json::object{{"error", report.count(Severity::error)},
                             {"warning", report.count(Severity::warning)},
                             {"info", report.count(Severity::info)}};
  return json::serialize(o);
}

std::string load_error_to_json(const LoadError& error, std::string_view file) {
  return json::serialize(json::object{
      {"file", file},
      {"error", json::object{{"message", error.message()}, {"pointer", error.pointer()},
                             {"line", error.line()}, {"column", error.column()}}}});
}

std::string counts_line(const Report& report) {
  auto part = [&](Severity s, const char* one, const char* many) {
    const std::size_t n = report.count(s);
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return part(Severity::error, "error", "errors") + ", " + part(Severity::warning, "warning", "warnings") + ", " +
         part(Severity::info, "info", "infos");
}

std::string report_to_text(const Report& report, std::string_view file) {
  std::string out;
  for (const Finding& f : report.findings) {
    // A file read from BPMN has no JSON Pointers a reader could follow: its
    // findings name the line and column, as compilers do.
    out.append(file).append(":");
    if (f.line > 0) out.append(std::to_string(f.line)).append(":").append(std::to_string(f.column));
    else out.append(f.pointer);
    out.append(": ").append(to_string(f.severity)).append(": ");
    out.append(f.message).append(" [").append(f.rule).append("]\n");
  }
  return out + counts_line(report) + "\n";
}

}  // namespace baton
