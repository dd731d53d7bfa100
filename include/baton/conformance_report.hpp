// The conformance reports (shared/spec/event-logs.md, "Output", "Privacy"):
// text for a manager (the worst first, then the open overdue cases), JSON
// with everything (each case's alignment and deviations, the figures over
// the log) and CSV for spreadsheets (a row per case and a row per
// deviation). Cases are written as they come, so a big log is never held.
//
// Besides the case id (pseudonymised where asked), nothing from the log
// reaches the output but activities, timestamps, teams and case types.
#pragma once

#include <baton/conformance_summary.hpp>
#include <baton/log_conformance.hpp>

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton {

enum class ReportFormat : std::uint8_t { text, json, csv };

// What a result says about how it was made; partition results merge only
// when these agree.
struct ConformanceHeading {
  std::string workflow_id, workflow_name;
  std::optional<Date> today;
  std::uint32_t partition = 1, partitions = 1;
  friend bool operator==(const ConformanceHeading&, const ConformanceHeading&) = default;
};

ConformanceHeading heading_of(const Workflow& workflow, const ConformOptions& conform, const RunOptions& run);

// A deviation said in the workflow's words, with its figures.
std::string deviation_message(const Workflow& workflow, const CaseResult& result, const Deviation& deviation);

// One case as the JSON result lists it.
boost::json::object case_to_json(const Workflow& workflow, const CaseResult& result);

// The manager's summary, from the figures alone (so a merge can write it).
std::string conformance_text(const ConformanceHeading& heading, const ConformanceSummary& summary);

// Writes a report to `out` as cases arrive: `add` each case in order, then
// `finish` with the figures over them.
class ConformanceReport {
 public:
  ConformanceReport(std::ostream& out, ReportFormat format, const Workflow& workflow, ConformanceHeading heading);
  void add(const CaseResult& result);
  void finish(const ConformanceSummary& summary);

 private:
  std::ostream& out_;
  ReportFormat format_;
  const Workflow& workflow_;
  ConformanceHeading heading_;
  bool first_ = true;
};

// Partition results (JSON, as `ConformanceReport` writes them) merged into
// the JSON result of the whole log, byte for byte. `parts` are (file name,
// contents); every partition 1..N of one workflow, analysis date and N must
// be there once. Throws LoadError naming the file and place.
std::string merge_conformance(const std::vector<std::pair<std::string, std::string>>& parts,
                              ReportFormat format = ReportFormat::json);

}  // namespace baton
