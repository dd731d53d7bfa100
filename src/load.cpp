// The format-neutral entry: which reader a file goes to is decided by its
// content, never by its name.
#include <baton/bpmn.hpp>
#include <baton/load.hpp>
#include <baton/pnml.hpp>

#include "json_loader.hpp"

namespace baton {

namespace {

// The root element's name without its prefix, from UTF-8 text at its first
// '<': past the XML declaration, processing instructions, comments and a
// document type declaration.
std::string_view root_name(std::string_view xml) {
  while (true) {
    const std::size_t open = xml.find('<');
    if (open == std::string_view::npos) return {};
    xml.remove_prefix(open);
    const std::string_view skip_to = xml.starts_with("<?") ? "?>" : xml.starts_with("<!--") ? "-->" : xml.starts_with("<!") ? ">" : "";
    if (skip_to.empty()) break;
    const std::size_t end = xml.find(skip_to);
    if (end == std::string_view::npos) return {};
    xml.remove_prefix(end + skip_to.size());
  }
  std::string_view name = xml.substr(1, xml.find_first_of(" \t\r\n/>") - 1);
  if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

}  // namespace

WorkflowFormat detect_format(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return WorkflowFormat::bpmn;  // UTF-16
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '<')
    return root_name(bytes.substr(first)) == "pnml" ? WorkflowFormat::pnml : WorkflowFormat::bpmn;
  // UTF-16 without a byte order mark: '<' next to a zero byte.
  if (bytes.size() >= 2 && ((bytes[0] == '<' && bytes[1] == '\0') || (bytes[0] == '\0' && bytes[1] == '<')))
    return WorkflowFormat::bpmn;
  return WorkflowFormat::json;
}

WorkflowRead load_workflow(std::string_view bytes, std::string_view file, WorkflowFormat format) {
  if (format == WorkflowFormat::automatic) format = detect_format(bytes);
  if (format == WorkflowFormat::bpmn) return load_bpmn(bytes, file);
  if (format == WorkflowFormat::pnml) return load_pnml(bytes, file);
  return {load_workflow(bytes, file), {}};
}

WorkflowRead read_workflow_file(const std::filesystem::path& path, WorkflowFormat format) {
  return load_workflow(detail::read_file(path), path.string(), format);
}

}  // namespace baton
