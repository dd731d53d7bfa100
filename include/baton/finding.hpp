// A finding: what one check reports about one place (shared/spec/checks.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton {

enum class Severity { error, warning, info };
std::string_view to_string(Severity);
std::optional<Severity> parse_severity(std::string_view);

struct Finding {
  std::string rule;      // the check's id
  std::string pointer;   // JSON Pointer of the primary object, "" for the workflow
  Severity severity = Severity::info;
  std::string message;   // one sentence, naming steps by their name
  std::vector<std::string> steps;                               // primary first
  std::vector<std::pair<std::string, std::string>> transitions;  // [from, to]
  std::string requirement;                                      // "" when none
  std::string case_type;                                        // "" when none
  std::vector<std::string> witness;                             // a run, step ids
  // Where the workflow was read from a format without JSON Pointers (BPMN):
  // the primary object's element id and line/column there ("" / 0 if none).
  std::string element;
  int line = 0, column = 0;
  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace baton
