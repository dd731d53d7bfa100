// Reading a workflow from any format baton knows, told apart by content
// (shared/spec/cli.md: "a BPMN or PNML file, told apart by content, not by
// name"). The readers of other formats build a format-v1 document and hand it
// to the JSON loader, so every rule of the format is checked in one home.
#pragma once

#include <baton/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace baton {

enum class WorkflowFormat { automatic, json, bpmn, pnml };

// A workflow as read, and what the reader wants its user to know about the
// reading (e.g. "process X read; Y and Z not read"), one sentence each.
struct WorkflowRead {
  std::shared_ptr<const Workflow> workflow;
  std::vector<std::string> notes;
};

// JSON when the first byte that is no blank (after any UTF-8 byte order mark)
// is '{' or anything but '<'; XML when it is '<' or the bytes begin with a
// UTF-16 byte order mark: PNML when its root element is `pnml`, else BPMN.
WorkflowFormat detect_format(std::string_view bytes);

// `file` only names the source in errors. Throws LoadError.
WorkflowRead load_workflow(std::string_view bytes, std::string_view file, WorkflowFormat format);
WorkflowRead read_workflow_file(const std::filesystem::path& path, WorkflowFormat format = WorkflowFormat::automatic);

}  // namespace baton
