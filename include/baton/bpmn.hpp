// BPMN 2.0 in and out (shared/spec/bpmn.md, docs/bpmn.md): a process drawn
// in a modelling tool, or written by baton, read as a workflow whose findings
// name the BPMN element, line and column (Workflow::source_of).
#pragma once

#include <baton/load.hpp>

#include <stdexcept>
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

// A workflow that BPMN cannot carry losslessly (a control character XML 1.0
// has no way to write); the message names the object holding it.
class BpmnWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BpmnWriteOptions {
  // Diagram interchange (BPMN DI) laid out by layout.hpp. Without it the file
  // holds the same process and reads back the same, but a modelling tool has
  // nothing to draw; for workflows too large for Graphviz to lay out.
  bool diagram = true;
};

// Writes BPMN 2.0 (shared/spec/bpmn.md "Writing", docs/bpmn.md "Writing"):
// one pool, a lane per team and a nested lane per role, gateways for splits
// and joins, data objects for artifacts, baton's extension elements for the
// rest. load_bpmn of the result gives a workflow equal to `workflow`.
// Throws BpmnWriteError when the workflow holds a character XML 1.0 cannot
// carry, std::runtime_error when the layout fails.
std::string to_bpmn(const Workflow& workflow);
std::string to_bpmn(const Workflow& workflow, const BpmnWriteOptions& options);

}  // namespace baton
