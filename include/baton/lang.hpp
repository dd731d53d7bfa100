// The languages baton writes in, and what a message is called with, without
// the catalogue itself (messages.hpp), so that headers naming a language or a
// message need not change when a text is added to the catalogue.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace baton {

class Workflow;

enum class Lang { da, en };

// "da" or "en" (as the --lang option and the C ABI's `lang` take them).
std::optional<Lang> parse_lang(std::string_view);
std::string_view to_string(Lang);
// The workflow's `language` chooses: a tag starting with "da" is Danish,
// anything else (or none) English.
Lang language_of(const Workflow&);

// The forms the people-facing outputs are written in.
enum class TextForm { text, markdown, json };
std::optional<TextForm> parse_text_form(std::string_view);

// A message id of the catalogue; the ids are listed in messages.def.
enum class Msg : unsigned;

// Both members only view: the values are the call's temporaries, alive until
// say() returns. Holding no string also keeps GCC 12 from destroying an
// argument twice when building the list throws (std::bad_alloc) part-way.
struct MessageArg {
  std::string_view name;
  std::string_view value;
};

}  // namespace baton
