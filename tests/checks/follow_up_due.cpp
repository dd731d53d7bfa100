#include "../support.hpp"

using namespace baton;
using namespace baton::test;

namespace {
std::vector<Finding> due(const std::string& point, const char* today, std::optional<Lang> lang = {}) {
  CheckOptions options;
  options.today = Date::parse(today);
  options.lang = lang;
  return run_check(two_step_json("", "", "",
                                 R"(, "follow_up": [{"id": "f", "question": "Holdes samtalen?", "steps": ["a", "b"])" +
                                     point + "}]"),
                   "follow-up-due", options);
}
}  // namespace

TEST_CASE("follow-up-due: last done plus every_days before the analysis date", "[checks][follow-up-due]") {
  auto found = due(R"(, "every_days": 30, "last_done": "2026-10-01", "owner": "myn")", "2026-11-01");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/follow_up/0");
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].steps == std::vector<std::string>{"a", "b"});
  CHECK(found[0].message.find("2026-10-31") != std::string::npos);
  CHECK(found[0].message.find("\u201CHoldes samtalen?\u201D") != std::string::npos);
}

TEST_CASE("follow-up-due: every_days but never done is an info", "[checks][follow-up-due]") {
  auto found = due(R"(, "every_days": 30)", "2026-11-01");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::info);
  CHECK(found[0].message.find("30 days") != std::string::npos);
}

TEST_CASE("follow-up-due: on the due date, or without every_days, nothing", "[checks][follow-up-due]") {
  CHECK(due(R"(, "every_days": 30, "last_done": "2026-10-01")", "2026-10-31").empty());
  CHECK(due(R"(, "last_done": "2020-01-01")", "2026-10-31").empty());
  CHECK(due("", "2026-10-31").empty());
}

TEST_CASE("follow-up-due: the loader refuses a bad last_done or owner with its place", "[checks][follow-up-due][load]") {
  auto refused = [](const std::string& member) {
    try {
      load(two_step_json("", "", "", R"(, "follow_up": [{"id": "f", "question": "?")" + member + "}]"));
    } catch (const LoadError& e) {
      return std::string(e.pointer()) + ": " + e.message();
    }
    return std::string("loaded");
  };
  CHECK(refused(R"(, "last_done": "2026-13-01")") == "/follow_up/0/last_done: \"2026-13-01\" is not a date YYYY-MM-DD");
  CHECK(refused(R"(, "last_done": 20261001)").find("/follow_up/0/last_done") == 0);
  CHECK(refused(R"(, "owner": "nobody")").find("/follow_up/0/owner") == 0);
}

TEST_CASE("follow-up-due: last_done and owner round-trip through the writer", "[checks][follow-up-due][json]") {
  auto wf = load(two_step_json("", "", "",
                               R"(, "follow_up": [{"id": "f", "question": "?", "every_days": 7, "owner": "myn",
                                   "last_done": "2026-10-01"}])"));
  const FollowUp& f = wf->follow_up()[0];
  REQUIRE(f.owner);
  CHECK(wf->teams()[*f.owner].id == "myn");
  CHECK(f.last_done->to_string() == "2026-10-01");
  CHECK(f.due()->to_string() == "2026-10-08");
  const std::string written = to_json(*wf);
  CHECK(written.find("\"last_done\":\"2026-10-01\"") != std::string::npos);
  CHECK(*load(written) == *wf);
}
