// BPMN 2.0 in (shared/spec/bpmn.md "Reading", docs/bpmn.md): a process drawn
// in a modelling tool, or written by baton, read as a workflow whose findings
// name the BPMN element, line and column (Workflow::source_of).
#pragma once

#include <baton/load.hpp>

#include <string>
#include <string_view>

namespace baton {

struct BpmnReadOptions {
  // The id of the process to read; empty: the only one, or the one with the
  // most flow nodes (the others are named in a note).
  std::string process;
};

// Reads BPMN 2.0 XML (UTF-8, UTF-16 with a byte order mark, or ISO-8859-1 /
// Windows-1252 as declared). Throws LoadError whose place is FILE:LINE:COLUMN
// and whose message names the BPMN element; nothing is half read.
WorkflowRead load_bpmn(std::string_view bytes, std::string_view file, const BpmnReadOptions& options = {});

}  // namespace baton
