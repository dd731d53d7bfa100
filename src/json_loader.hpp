// Inside baton_core: the JSON loader's entry for readers of other formats,
// which build a format-v1 document and have it checked here, in one home.
#pragma once

#include <baton/model.hpp>

#include <boost/json/object.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace baton::detail {

// Checks every rule of workflow-format.md on an already parsed document.
// Throws LoadError (kind invalid) with the JSON Pointer of the breach.
WorkflowParts load_parts(const boost::json::object& document, std::string_view file);

// User text quoted in a one-line message: escaped, cut after 60 characters.
std::string shown_text(std::string_view text);

// The bytes of a file ("cannot open", "is a folder": LoadError of kind io).
std::string read_file(const std::filesystem::path& path);

}  // namespace baton::detail
