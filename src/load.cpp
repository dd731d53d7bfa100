// The format-neutral entry: which reader a file goes to is decided by its
// content, never by its name.
#include <baton/bpmn.hpp>
#include <baton/load.hpp>

#include "json_loader.hpp"

namespace baton {

WorkflowFormat detect_format(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return WorkflowFormat::bpmn;  // UTF-16
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '<') return WorkflowFormat::bpmn;
  // UTF-16 without a byte order mark: '<' next to a zero byte.
  if (bytes.size() >= 2 && ((bytes[0] == '<' && bytes[1] == '\0') || (bytes[0] == '\0' && bytes[1] == '<')))
    return WorkflowFormat::bpmn;
  return WorkflowFormat::json;
}

WorkflowRead load_workflow(std::string_view bytes, std::string_view file, WorkflowFormat format) {
  if (format == WorkflowFormat::automatic) format = detect_format(bytes);
  if (format == WorkflowFormat::bpmn) return load_bpmn(bytes, file);
  return {load_workflow(bytes, file), {}};
}

WorkflowRead read_workflow_file(const std::filesystem::path& path, WorkflowFormat format) {
  return load_workflow(detail::read_file(path), path.string(), format);
}

}  // namespace baton
