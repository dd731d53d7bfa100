#include <baton/messages.hpp>

#include <baton/model.hpp>

#include <stdexcept>

namespace baton {

namespace {

constexpr MessageEntry table[] = {
#define BATON_MESSAGE(id, da, en) {#id, da, en},
#include <baton/messages.def>
#undef BATON_MESSAGE
};

}  // namespace

std::span<const MessageEntry> message_table() { return table; }

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "da") return Lang::da;
  if (s == "en") return Lang::en;
  return std::nullopt;
}

std::string_view to_string(Lang lang) { return lang == Lang::da ? "da" : "en"; }

Lang language_of(const Workflow& workflow) {
  const auto& tag = workflow.parts().language;
  return tag && tag->size() >= 2 && (*tag)[0] == 'd' && (*tag)[1] == 'a' &&
                 (tag->size() == 2 || (*tag)[2] == '-' || (*tag)[2] == '_')
             ? Lang::da
             : Lang::en;
}

std::string say(Lang lang, Msg id, std::initializer_list<MessageArg> args) {
  const MessageEntry& entry = table[static_cast<std::size_t>(id)];
  const std::string_view text = lang == Lang::da ? entry.da : entry.en;
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') {
      out += text[i];
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) throw std::logic_error("message " + std::string(entry.id) + ": unclosed {");
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const MessageArg* arg = nullptr;
    for (const MessageArg& a : args)
      if (a.name == name) arg = &a;
    if (!arg) throw std::logic_error("message " + std::string(entry.id) + ": no argument {" + std::string(name) + "}");
    out += arg->value;
    i = close;
  }
  return out;
}

std::string quote(Lang lang, std::string_view name) {
  return lang == Lang::da ? "\u00BB" + std::string(name) + "\u00AB" : "\u201C" + std::string(name) + "\u201D";
}

std::string describe_seconds(std::int64_t seconds, Lang lang) {
  const std::int64_t days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60,
                     secs = seconds % 60;
  std::string out;
  auto add = [&](std::int64_t n, Msg one, Msg many) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += say(lang, n == 1 ? one : many, {{"n", std::to_string(n)}});
  };
  add(days, Msg::unit_day, Msg::unit_days);
  add(hours, Msg::unit_hour, Msg::unit_hours);
  add(minutes, Msg::unit_minute, Msg::unit_minutes);
  add(secs, Msg::unit_second, Msg::unit_seconds);
  return out.empty() ? say(lang, Msg::unit_seconds, {{"n", "0"}}) : out;
}

std::string describe_duration(const Duration& d, Lang lang) {
  std::string out;
  auto add = [&](std::int64_t n, Msg one, Msg many) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += say(lang, n == 1 ? one : many, {{"n", std::to_string(n)}});
  };
  add(d.years, Msg::unit_year, Msg::unit_years);
  add(d.months, Msg::unit_month, Msg::unit_months);
  add(d.weeks, Msg::unit_week, Msg::unit_weeks);
  add(d.days, Msg::unit_day, Msg::unit_days);
  add(d.hours, Msg::unit_hour, Msg::unit_hours);
  add(d.minutes, Msg::unit_minute, Msg::unit_minutes);
  add(d.seconds, Msg::unit_second, Msg::unit_seconds);
  return out.empty() ? say(lang, Msg::unit_seconds, {{"n", "0"}}) : out;
}

std::string join_words(Lang lang, std::span<const std::string> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " " + say(lang, Msg::word_and) + " " : ", ";
    out += words[i];
  }
  return out;
}

std::optional<TextForm> parse_text_form(std::string_view s) {
  if (s == "text") return TextForm::text;
  if (s == "markdown") return TextForm::markdown;
  if (s == "json") return TextForm::json;
  return std::nullopt;
}

}  // namespace baton
