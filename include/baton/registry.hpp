// The list of every check, in one place.
#pragma once

#include <baton/check.hpp>

#include <span>
#include <string_view>

namespace baton {

// Sorted by id.
std::span<const Check* const> all_checks();
const Check* find_check(std::string_view id);

}  // namespace baton
