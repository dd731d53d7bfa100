// The follow-up agenda (baton followup) and the example's follow-up points.
#include "support.hpp"

#include <baton/followup.hpp>

#include <boost/json.hpp>

using namespace baton;
using namespace baton::test;

namespace {

std::shared_ptr<const Workflow> three_points() {
  return load(two_step_json("", R"(, "team": "myn")", "", R"(, "follow_up": [
      {"id": "late", "question": "Er det sket?", "steps": ["b"], "every_days": 30, "last_done": "2026-09-01", "owner": "myn"},
      {"id": "free", "question": "Når det passer?"},
      {"id": "soon", "question": "Snart?", "steps": ["a", "b"], "every_days": 30, "last_done": "2026-11-20"},
      {"id": "never", "question": "Aldrig?", "every_days": 10}])"));
}

std::vector<std::string> order_of(const Workflow& wf, Date today) {
  std::vector<std::string> ids;
  for (const AgendaItem& item : follow_up_agenda(wf, today)) ids.push_back(wf.follow_up()[item.point].id);
  return ids;
}

}  // namespace

TEST_CASE("followup: the agenda lists overdue, never done, due, then points without interval", "[followup]") {
  auto wf = three_points();
  const Date today = *Date::parse("2026-12-01");
  CHECK(order_of(*wf, today) == std::vector<std::string>{"late", "never", "soon", "free"});
  const auto items = follow_up_agenda(*wf, today);
  CHECK(items[0].status == FollowUpStatus::overdue);
  CHECK(items[0].due->to_string() == "2026-10-01");
  // Step b is Myndighed's; a has no team.
  REQUIRE(items[2].teams.size() == 1);
  CHECK(wf->teams()[items[2].teams[0]].id == "myn");
}

TEST_CASE("followup: the agenda in Danish and English, text, Markdown and JSON", "[followup]") {
  auto wf = three_points();
  const Date today = *Date::parse("2026-12-01");
  const std::string da = write_follow_up_agenda(*wf, today, Lang::da, TextForm::text);
  CHECK(da.find("1. Forfalden siden 2026-10-01: Er det sket?") != std::string::npos);
  CHECK(da.find("Ansvarlig: Myndighed") != std::string::npos);
  CHECK(da.find("Trin: \u00BBModtag underretning\u00AB og \u00BBVurdér underretning\u00AB") != std::string::npos);
  const std::string en = write_follow_up_agenda(*wf, today, Lang::en, TextForm::markdown);
  CHECK(en.find("# Follow-up: Test") == 0);
  CHECK(en.find("## Never followed up: Aldrig?") != std::string::npos);
  CHECK(en.find("- Owner: not given") != std::string::npos);
  const auto j = boost::json::parse(write_follow_up_agenda(*wf, today, Lang::en, TextForm::json)).as_object();
  const auto& points = j.at("points").as_array();
  REQUIRE(points.size() == 4);
  CHECK(points[0].at("id").as_string() == "late");
  CHECK(points[0].at("status").as_string() == "overdue");
  CHECK(points[0].at("owner").at("name").as_string() == "Myndighed");
  CHECK(points[3].at("status").as_string() == "no-interval");
}

TEST_CASE("followup: born-unge's points all have an owner and a last follow-up, none due on 2026-12-01",
          "[followup][born-unge]") {
  for (const char* file : {"foer.json", "efter.json"}) {
    auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/" + file);
    REQUIRE_FALSE(wf->follow_up().empty());
    for (const FollowUp& p : wf->follow_up()) {
      INFO(file << " " << p.id);
      CHECK(p.owner);
      REQUIRE(p.due());
      CHECK_FALSE(*p.due() < *Date::parse("2026-12-01"));
    }
    // The 30-day points fall due first: on 2026-12-17 follow-up-due warns.
    CheckOptions options;
    options.only = {"follow-up-due"};
    options.today = Date::parse("2026-12-17");
    const auto late = run_checks(*wf, options);
    REQUIRE_FALSE(late.findings.empty());
    CHECK(late.findings[0].pointer == "/follow_up/0");
    CHECK(late.findings[0].message.find("2026-12-16") != std::string::npos);
  }
}
