// Well-formed UTF-8 (RFC 3629), one home for every reader that takes bytes
// from outside: what a reader lets through, the JSON writer must write and
// the JSON loader read back.
#pragma once

#include <cstddef>
#include <string_view>

namespace baton {

// The offset of the first byte that is no part of well-formed UTF-8, or npos.
inline std::size_t invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return i;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    // The second byte's range that rules out overlong forms, surrogates and
    // code points past U+10FFFF (RFC 3629), as the JSON reader refuses them.
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
        (c == 0xF4 && second > 0x8F))
      return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace baton
