// Workflow file format v1 (shared/spec/workflow-format.md): load and write.
#pragma once

#include <baton/model.hpp>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace baton {

// A file that could not be loaded: what is wrong and where. `pointer` is a
// JSON Pointer into the document ("" for the whole document); `line` and
// `column` (1-based, column in characters) are set for syntax errors, else 0.
class LoadError : public std::runtime_error {
 public:
  enum class Kind { io, parse, invalid };
  LoadError(Kind kind, std::string file, std::string pointer, int line, int column, std::string message);

  Kind kind() const { return kind_; }
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }  // without the place
  // "FILE:PLACE" as cli.md prints it before ": error: ".
  std::string place() const;

 private:
  Kind kind_;
  std::string file_, pointer_;
  int line_, column_;
  std::string message_;
};

// `file` only names the source in errors. Throws LoadError.
std::shared_ptr<const Workflow> load_workflow(std::string_view json, std::string_view file = {});
std::shared_ptr<const Workflow> load_workflow_file(const std::filesystem::path& path);

// Writes format v1; loading the result gives an equal workflow.
std::string to_json(const Workflow& workflow);

}  // namespace baton
