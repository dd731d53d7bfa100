#include "waste_workflows.hpp"

using namespace baton;
using namespace baton::test;
using namespace baton::test::waste;

namespace {
const std::string rule = "control-without-rejection";
const std::string control = step("c", "Leder godkender", checks_u());
}  // namespace

TEST_CASE("control-without-rejection: a control with one way on", "[checks][control-without-rejection]") {
  check_one(found(rule, {control}), "/steps/1", Severity::info, {"c"},
            "The control \u201CLeder godkender\u201D has at most one way on: no outcome of the check changes what "
            "happens next.");
}

TEST_CASE("control-without-rejection: a control that can reject, and a task", "[checks][control-without-rejection]") {
  const std::string redo = step("r", "Ret undersøgelsen", R"(, "writes": ["u"])");
  CHECK(found(rule, {control, redo}, {"s>c", "c>e", "c>r", "r>c"}).empty());
  // A task that checks something, with one way on, is no control.
  CHECK(found(rule, {step("a", "Udarbejd", R"(, "checks": [{"artifact": "u"}])")}).empty());
}
