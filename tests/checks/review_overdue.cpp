#include "../support.hpp"

using namespace baton;
using namespace baton::test;

namespace {
std::vector<Finding> overdue(const std::string& review, const char* today) {
  CheckOptions options;
  options.today = Date::parse(today);
  return run_check(two_step_json("", "", "", R"(, "review": )" + review), "review-overdue", options);
}
}  // namespace

TEST_CASE("review-overdue: last review plus interval before the analysis date", "[checks][review-overdue]") {
  auto found = overdue(R"({"last_reviewed": "2025-01-01", "interval_days": 365})", "2026-01-02");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/review");
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].message.find("2026-01-01") != std::string::npos);
}

TEST_CASE("review-overdue: on the due date, or without a full review entry, nothing", "[checks][review-overdue]") {
  CHECK(overdue(R"({"last_reviewed": "2025-01-01", "interval_days": 365})", "2026-01-01").empty());
  CHECK(overdue(R"({"last_reviewed": "2025-01-01"})", "2030-01-01").empty());
  CHECK(overdue(R"({"interval_days": 1})", "2030-01-01").empty());
}
