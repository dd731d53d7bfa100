// Findings and load errors written out, in the forms of shared/spec/cli.md.
// One home for these formats: the command and the C ABI both call here.
#pragma once

#include <baton/check.hpp>
#include <baton/json.hpp>

#include <string>
#include <string_view>

namespace baton {

// One result object: {"file"?, "workflow", "findings", "counts"}; "file" only
// when `file` is given. Optional finding fields are left out when empty.
std::string report_to_json(const Report& report, std::string_view file = {});
// {"file", "error": {"message", "pointer", "line", "column"}}
std::string load_error_to_json(const LoadError& error, std::string_view file);

// One finding as its JSON object (as in the results' "findings").
std::string finding_to_json(const Finding& finding);

// "FILE:POINTER: SEVERITY: MESSAGE [RULE]" per finding, then the counts line.
std::string report_to_text(const Report& report, std::string_view file);
// "N errors, N warnings, N infos"
std::string counts_line(const Report& report);

}  // namespace baton
