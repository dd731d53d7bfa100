#include "waste_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::waste;

namespace {
const std::string rule = "duplicate-work";
const std::string recommend = step("b", "Skriv indstilling", R"(, "reads": ["u"], "writes": ["v"])");
const std::string recommend_again = step("c", "Skriv indstilling til udvalget", R"(, "reads": ["u"], "writes": ["v"])");
const std::string revise = step("r", "Ret undersøgelsen", R"(, "reads": ["u"], "writes": ["u"])");
}  // namespace

TEST_CASE("duplicate-work: information produced again from what has not changed", "[checks][duplicate-work]") {
  check_one(found(rule, {investigate, recommend, recommend_again}), "/steps/3", Severity::warning, {"c", "b"},
            "The step \u201CSkriv indstilling til udvalget\u201D produces \u201CIndstilling\u201D again, although in "
            "every run \u201CSkriv indstilling\u201D has already produced it and nothing it is made from has changed "
            "since.");
}

TEST_CASE("duplicate-work: not after what it is made from has changed", "[checks][duplicate-work]") {
  CHECK(found(rule, {investigate, recommend, revise, recommend_again}).empty());
  // Nor after the information itself was changed.
  const std::string edit = step("r", "Ret indstillingen", R"(, "writes": ["v"])");
  auto f = found(rule, {investigate, recommend, edit, recommend_again});
  REQUIRE(f.size() == 1);  // the edit itself repeats the recommendation; the second one follows a change
  CHECK(f[0].steps == std::vector<std::string>{"r", "b"});
}

TEST_CASE("duplicate-work: a step that reads and writes refines", "[checks][duplicate-work]") {
  const std::string refine = step("c", "Uddyb indstillingen", R"(, "reads": ["u", "v"], "writes": ["v"])");
  CHECK(found(rule, {investigate, recommend, refine}).empty());
}

TEST_CASE("duplicate-work: a write concurrent with either production", "[checks][duplicate-work]") {
  // Concurrent with the repetition: it may come just before it.
  CHECK(found(rule, {investigate, recommend, and_split, recommend_again, revise, and_join},
              {"s>a", "a>b", "b>x", "x>c", "x>r", "c>j", "r>j", "j>e"})
            .empty());
  // Concurrent with the first production: it may come just after it.
  CHECK(found(rule, {investigate, and_split, recommend, revise, and_join, recommend_again},
              {"s>a", "a>x", "x>b", "x>r", "b>j", "r>j", "j>c", "c>e"})
            .empty());
}

TEST_CASE("duplicate-work: the first production on one XOR branch only", "[checks][duplicate-work]") {
  CHECK(found(rule, {investigate, xor_split, recommend, xor_join, recommend_again},
              {"s>a", "a>x", "x>b", "x>j", "b>j", "j>c", "c>e"})
            .empty());
}

TEST_CASE("duplicate-work: a repetition that uses more than the first had", "[checks][duplicate-work]") {
  // The second recommendation also reads the school's statement: new input.
  const std::string school = step("w", "Indhent skoleudtalelse", R"(, "writes": ["w"])");
  const std::string wider = step("c", "Skriv samlet indstilling", R"(, "reads": ["u", "w"], "writes": ["v"])");
  CHECK(found(rule, {investigate, recommend, school, wider}).empty());
}

TEST_CASE("duplicate-work: rework loops", "[checks][duplicate-work]") {
  const std::string talk = step("r", "Drøft sagen");
  // A step taken again by the loop repeats no other step.
  CHECK(found(rule, {investigate, recommend, decide, talk}, {"s>a", "a>b", "b>d", "d>e", "d>r", "r>b"}).empty());
  // Back to the second recommendation only: from the second round on, its own
  // earlier recommendation lies in between, so not every run repeats the first.
  CHECK(found(rule, {investigate, recommend, recommend_again, decide, talk},
              {"s>a", "a>b", "b>c", "c>d", "d>e", "d>r", "r>c"})
            .empty());
  // Back to both: every round makes the recommendation twice.
  auto f = found(rule, {investigate, recommend, recommend_again, decide, talk},
                 {"s>a", "a>b", "b>c", "c>d", "d>e", "d>r", "r>b"});
  REQUIRE(f.size() == 1);
  CHECK(f[0].steps == std::vector<std::string>{"c", "b"});
  // A revision in the loop comes before both in each round: the second still repeats the first.
  CHECK(found(rule, {investigate, recommend, recommend_again, decide, revise},
              {"s>a", "a>b", "b>c", "c>d", "d>e", "d>r", "r>b"})
            .size() == 1);
}
