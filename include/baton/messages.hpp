// The catalogue of every text baton writes for people (shared/spec/handbook.md,
// Language): finding messages, walks, diffs, impact lists, follow-up agendas
// and the handbook, each in Danish and English. The texts live in ONE table,
// messages.def, in the manner of clang's diagnostics table: an id, the Danish
// text, the English text, with named arguments written {name}. Names from the
// workflow are arguments and are never translated.
#pragma once

#include <baton/lang.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace baton {


enum class Msg : unsigned {
#define BATON_MESSAGE(id, da, en) id,
#include <baton/messages.def>
#undef BATON_MESSAGE
};

// The message's text in `lang` with each {name} replaced by its argument.
// A placeholder without an argument is a bug (std::logic_error).
std::string say(Lang lang, Msg id, std::initializer_list<MessageArg> args = {});

// A name from the workflow, quoted as the language quotes: »Screening« in
// Danish, “Screening” in English.
std::string quote(Lang lang, std::string_view name);

// A length of time said the way a case worker would ("51 dage", "2 days
// 4 hours").
std::string describe_seconds(std::int64_t seconds, Lang lang);

// A duration as written, in words ("P2M": "2 måneder", "PT24H": "24 hours").
struct Duration;
std::string describe_duration(const Duration& duration, Lang lang);

// "a, b og c" / "a, b and c".
std::string join_words(Lang lang, std::span<const std::string> words);

// The table itself, for tests and tools: id, Danish, English.
struct MessageEntry {
  std::string_view id, da, en;
};
std::span<const MessageEntry> message_table();


}  // namespace baton
