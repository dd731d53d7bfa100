#include "waste_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::waste;

namespace {
const std::string rule = "redundant-control";
const std::string leader = step("b", "Leder godkender", checks_u());
const std::string head = step("c", "Afdelingsleder godkender", checks_u());
const std::string revise = step("r", "Ret undersøgelsen", R"(, "reads": ["u"], "writes": ["u"])");
}  // namespace

TEST_CASE("redundant-control: two leaders approving one investigation in sequence", "[checks][redundant-control]") {
  check_one(found(rule, {investigate, leader, head}), "/steps/3", Severity::warning, {"c", "b"},
            "The step \u201CAfdelingsleder godkender\u201D checks \u201CBørnefaglig undersøgelse\u201D for "
            "\u201Cgodkendt\u201D again, although in every run \u201CLeder godkender\u201D has already checked it and "
            "nothing has changed it since.");
}

TEST_CASE("redundant-control: every earlier control, the repeating one first", "[checks][redundant-control]") {
  const std::string lawyer = step("l", "Jurist godkender", checks_u());
  auto f = found(rule, {investigate, leader, lawyer, head});
  REQUIRE(f.size() == 2);
  CHECK(f[0].steps == std::vector<std::string>{"l", "b"});
  CHECK(f[1].steps == std::vector<std::string>{"c", "b", "l"});
}

TEST_CASE("redundant-control: not after a change in between", "[checks][redundant-control]") {
  // The revision reads and writes the investigation: it refines it, and the
  // head approves what the leader never saw.
  CHECK(found(rule, {investigate, leader, revise, head}).empty());
}

TEST_CASE("redundant-control: the first control on only one XOR branch", "[checks][redundant-control]") {
  const std::string other = step("o", "Hurtig sag");
  CHECK(found(rule, {investigate, xor_split, leader, other, xor_join, head},
              {"s>a", "a>x", "x>b", "x>o", "b>j", "o>j", "j>c", "c>e"})
            .empty());
  // Before the split it holds on both.
  CHECK(found(rule, {investigate, leader, xor_split, other, xor_join, head},
              {"s>a", "a>b", "b>x", "x>o", "x>j", "o>j", "j>c", "c>e"})
            .size() == 1);
}

TEST_CASE("redundant-control: a check concurrent with a write", "[checks][redundant-control]") {
  const std::string school = step("w", "Indhent skoleudtalelse", R"(, "writes": ["u"])");
  // The write may fall between the two controls.
  CHECK(found(rule, {investigate, leader, and_split, head, school, and_join},
              {"s>a", "a>b", "b>x", "x>c", "x>w", "c>j", "w>j", "j>e"})
            .empty());
  // Or just after the first control.
  CHECK(found(rule, {investigate, and_split, leader, school, and_join, head},
              {"s>a", "a>x", "x>b", "x>w", "b>j", "w>j", "j>c", "c>e"})
            .empty());
  // A branch that writes something else does not matter.
  const std::string note = step("w", "Skriv notat", R"(, "writes": ["w"])");
  auto f = found(rule, {investigate, leader, and_split, head, note, and_join},
                 {"s>a", "a>b", "b>x", "x>c", "x>w", "c>j", "w>j", "j>e"});
  REQUIRE(f.size() == 1);
  CHECK(f[0].steps == std::vector<std::string>{"c", "b"});
}

TEST_CASE("redundant-control: the artifact and aspect must be covered", "[checks][redundant-control]") {
  const auto second = [](const std::string& first_aspect, const std::string& second_aspect) {
    return found(rule, {investigate, step("b", "Leder godkender", checks_u(first_aspect)),
                        step("c", "Jurist godkender", checks_u(second_aspect))});
  };
  CHECK(second("lovlighed", "faglighed").empty());
  CHECK(second("lovlighed", "*").empty());
  CHECK(second("*", "faglighed").size() == 1);
  CHECK(second("*", "*").size() == 1);
  CHECK(second("lovlighed", "lovlighed").size() == 1);
  const std::string other_artifact =
      step("c", "Leder godkender indstillingen", R"(, "kind": "control", "checks": [{"artifact": "v"}])");
  CHECK(found(rule, {investigate, leader, other_artifact}).empty());
}

TEST_CASE("redundant-control: rework loops", "[checks][redundant-control]") {
  // Leader, head, and on rejection the investigation is revised and checked again.
  CHECK(found(rule, {investigate, leader, head, decide, revise}, {"s>a", "a>b", "b>c", "c>d", "d>e", "d>r", "r>c"})
            .empty());
  // A loop that changes nothing keeps the check valid.
  const std::string talk = step("r", "Drøft sagen");
  auto f = found(rule, {investigate, leader, head, decide, talk}, {"s>a", "a>b", "b>c", "c>d", "d>e", "d>r", "r>c"});
  REQUIRE(f.size() == 1);
  CHECK(f[0].steps == std::vector<std::string>{"c", "b"});
  // One control taken again by the loop repeats no other step.
  CHECK(found(rule, {investigate, leader, decide, talk}, {"s>a", "a>b", "b>d", "d>e", "d>r", "r>b"}).empty());
}

TEST_CASE("redundant-control: a control that changes what it checks", "[checks][redundant-control]") {
  // It establishes nothing: the order of checking and changing inside it is not known.
  const std::string correcting =
      step("b", "Leder retter og godkender", R"(, "kind": "control", "writes": ["u"], "checks": [{"artifact": "u"}])");
  CHECK(found(rule, {investigate, correcting, head}).empty());
}

TEST_CASE("redundant-control: silent where a transition can be taken twice", "[checks][redundant-control]") {
  // AND-split into an XOR-join: the join's step may run twice.
  const std::string one = step("o", "Samtale");
  CHECK(found(rule, {investigate, leader, and_split, one, xor_join, head},
              {"s>a", "a>b", "b>x", "x>o", "x>j", "o>j", "j>c", "c>e"})
            .empty());
}
