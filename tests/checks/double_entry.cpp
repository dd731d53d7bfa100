#include "waste_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::waste;

namespace {
const std::string rule = "double-entry";
std::string records_u(const std::string& system) {
  return R"(, "it": {"system": ")" + system + R"(", "records": ["u"]})";
}
const std::string in_dubu = step("a", "Journalisér undersøgelsen", records_u("dubu"));
const std::string in_oko = step("b", "Registrér i økonomisystemet", records_u("oko"));
const std::string again = step("c", "Journalisér igen", records_u("dubu"));
}  // namespace

TEST_CASE("double-entry: one artifact recorded in two systems in one run", "[checks][double-entry]") {
  check_one(found(rule, {in_dubu, in_oko}), "/steps/1", Severity::warning, {"a", "b"},
            "\u201CBørnefaglig undersøgelse\u201D is recorded both in \u201CDUBU\u201D (by \u201CJournalisér "
            "undersøgelsen\u201D) and in \u201CØkonomisystem\u201D (by \u201CRegistrér i økonomisystemet\u201D) in "
            "one run.");
}

TEST_CASE("double-entry: each artifact and pair of systems once", "[checks][double-entry]") {
  auto f = found(rule, {in_dubu, in_oko, again});
  REQUIRE(f.size() == 1);
  CHECK(f[0].steps == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("double-entry: not on XOR branches that exclude one another", "[checks][double-entry]") {
  CHECK(found(rule, {xor_split, in_dubu, in_oko, xor_join}, {"s>x", "x>a", "x>b", "a>j", "b>j", "j>e"}).empty());
  // Unless a loop around them lets one run take both.
  CHECK(found(rule, {xor_split, in_dubu, in_oko, xor_join, decide},
              {"s>x", "x>a", "x>b", "a>j", "b>j", "j>d", "d>x", "d>e"})
            .size() == 1);
}

TEST_CASE("double-entry: concurrent branches both record", "[checks][double-entry]") {
  CHECK(found(rule, {and_split, in_dubu, in_oko, and_join}, {"s>x", "x>a", "x>b", "a>j", "b>j", "j>e"}).size() == 1);
}

TEST_CASE("double-entry: not twice in the same system, nor without a system", "[checks][double-entry]") {
  CHECK(found(rule, {in_dubu, again}).empty());
  const std::string unnamed = step("c", "Notér", R"(, "it": {"records": ["u"]})");
  CHECK(found(rule, {in_dubu, unnamed}).empty());
}

TEST_CASE("double-entry: a step no run reaches together with the other", "[checks][double-entry]") {
  // An XOR split into an AND-join: the join never runs, so its record never happens.
  const std::string stuck = step("b", "Registrér i økonomisystemet", records_u("oko") + R"(, "join": "and")");
  const std::string other = step("o", "Andet spor");
  CHECK(found(rule, {xor_split, in_dubu, other, stuck}, {"s>x", "x>a", "x>o", "a>b", "o>b", "b>e"}).empty());
}
