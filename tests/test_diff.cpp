// baton diff: foer.json -> efter.json lists exactly the changes made
// between them, as sentences, and the findings fixed.
#include "support.hpp"

#include <baton/diff.hpp>

#include <boost/json.hpp>

using namespace baton;
using namespace baton::test;

namespace {

std::shared_ptr<const Workflow> example(const std::string& file) {
  return load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/" + file);
}

DiffOptions fixed(std::optional<std::string> team = {}, std::optional<Lang> lang = {}) {
  DiffOptions o;
  o.team = std::move(team);
  o.lang = lang;
  o.checks.today = Date::parse("2026-12-01");
  return o;
}

std::vector<std::string> kinds(const WorkflowDiff& d) {
  std::vector<std::string> out;
  for (const Change& c : d.changes) out.push_back(c.kind + " " + c.id);
  return out;
}

const Change& find(const WorkflowDiff& d, const std::string& kind, const std::string& id) {
  auto it = std::find_if(d.changes.begin(), d.changes.end(), [&](const Change& c) { return c.kind == kind && c.id == id; });
  REQUIRE(it != d.changes.end());
  return *it;
}

}  // namespace

TEST_CASE("diff: foer.json -> efter.json lists exactly the changes made between them", "[diff][born-unge]") {
  const auto d = diff_workflows(*example("foer.json"), *example("efter.json"), fixed());
  const std::vector<std::string> expected = {
      "workflow-name born-unge",
      "workflow-description born-unge",
      // The second approval is gone, and with it its transitions and the
      // role handovers out of it; the first approval now leads on.
      "step-removed leder-godkendelse-2",
      "step-description barnets-plan",
      "step-duration barnets-plan",
      "step-description oekonomi-bevilling",
      "step-it oekonomi-bevilling",
      "step-records-removed oekonomi-bevilling",
      "step-reads-removed oekonomi-bevilling",
      "transition-removed leder-godkendelse-2>indstilling",
      "transition-removed leder-godkendelse-2>undersoegelse-suppleres",
      "transition-removed leder-godkendelse>leder-godkendelse-2",
      "transition-added leder-godkendelse>indstilling",
      // The handover into Myndighed now has a how and a responsible.
      "handover-how screening>undersoegelse-start",
      "handover-responsible screening>undersoegelse-start",
      "handover-added leder-godkendelse>indstilling",
      "handover-removed leder-godkendelse-2>indstilling",
      "handover-removed leder-godkendelse-2>undersoegelse-suppleres",
      "follow-up-steps opf-ledelsestilsyn",
  };
  CHECK(kinds(d) == expected);

  // In Danish, as the workflow's language says, in words a case worker reads.
  CHECK(find(d, "step-duration", "barnets-plan").text ==
        "\u00BBBarnets plan\u00AB skal nu v\u00E6re klar inden 2 m\u00E5neder i stedet for 4 m\u00E5neder.");
  CHECK(find(d, "handover-responsible", "screening>undersoegelse-start").text ==
        "Ved overdragelsen fra \u00BBScreening\u00AB til \u00BBB\u00F8rnefaglig unders\u00F8gelse iv\u00E6rks\u00E6ttes\u00AB er "
        "radgiver i Modtagelsen (underretningsteam) nu ansvarlig (f\u00F8r: ingen).");
  CHECK(find(d, "step-records-removed", "oekonomi-bevilling").text ==
        "I \u00BBBevilling registreres og betales\u00AB registreres \u00BBUnderretning\u00AB ikke l\u00E6ngere.");

  // The four typical problems of foer.json are fixed, nothing is new.
  std::vector<std::string> fixed_rules;
  for (const Finding& f : d.fixed) fixed_rules.push_back(f.rule);
  std::sort(fixed_rules.begin(), fixed_rules.end());
  CHECK(fixed_rules == std::vector<std::string>{"deadline-exceeded", "double-entry", "redundant-control", "unowned-handover"});
  CHECK(d.found.empty());
}

TEST_CASE("diff: per team, what changes for that team, from its side", "[diff][born-unge]") {
  const auto intake = diff_workflows(*example("foer.json"), *example("efter.json"), fixed("modtagelse", Lang::en));
  CHECK(kinds(intake) == std::vector<std::string>{"handover-how screening>undersoegelse-start",
                                                  "handover-responsible screening>undersoegelse-start"});
  CHECK(intake.changes[0].text.find("You now hand the case on from \u201CScreening\u201D to Myndighed") == 0);
  std::vector<std::string> rules;
  for (const Finding& f : intake.fixed) rules.push_back(f.rule);
  std::sort(rules.begin(), rules.end());
  CHECK(rules == std::vector<std::string>{"double-entry", "unowned-handover"});

  const auto authority = diff_workflows(*example("foer.json"), *example("efter.json"), fixed("myndighed"));
  CHECK(find(authority, "step-removed", "leder-godkendelse-2").text.find("Du udf\u00F8rer ikke l\u00E6ngere trinnet") == 0);
  CHECK(find(authority, "handover-how", "screening>undersoegelse-start").text.find(
            "Du modtager nu sagen fra Modtagelsen (underretningsteam) i \u00BBB\u00F8rnefaglig") == 0);
  // Economy's step changed, but that is not Myndighed's.
  for (const Change& c : authority.changes) CHECK(c.id != "oekonomi-bevilling");

  CHECK_THROWS_AS(diff_workflows(*example("foer.json"), *example("efter.json"), fixed("no-such-team")),
                  std::invalid_argument);
}

TEST_CASE("diff: a step moved to another team, both sides told", "[diff]") {
  auto before = load(two_step_json(R"(, "team": "intake")", R"(, "team": "myn", "duration": "P4M")"));
  auto after = load(two_step_json(R"(, "team": "intake")", R"(, "team": "intake", "duration": "P3M")"));
  const auto all = diff_workflows(*before, *after, fixed({}, Lang::en));
  CHECK(find(all, "step-team", "b").text ==
        "\u201CVurd\u00E9r underretning\u201D is now done by Modtagelsen instead of Myndighed.");
  CHECK(find(all, "step-duration", "b").text ==
        "\u201CVurd\u00E9r underretning\u201D must now be done within 3 months instead of 4 months.");
  CHECK(find(all, "handover-removed", "a>b").teams == std::vector<std::string>{"intake", "myn"});
  const auto gaining = diff_workflows(*before, *after, fixed("intake", Lang::da));
  CHECK(find(gaining, "step-team", "b").text ==
        "Du udf\u00F8rer nu trinnet \u00BBVurd\u00E9r underretning\u00AB, som f\u00F8r blev udf\u00F8rt af Myndighed.");
  const auto losing = diff_workflows(*before, *after, fixed("myn", Lang::da));
  CHECK(find(losing, "step-team", "b").text ==
        "Du udf\u00F8rer ikke l\u00E6ngere trinnet \u00BBVurd\u00E9r underretning\u00AB; det g\u00F8r Modtagelsen nu.");
  CHECK(find(losing, "handover-removed", "a>b").text.find("Du modtager ikke l\u00E6ngere sagen fra Modtagelsen") == 0);
}

TEST_CASE("diff: written as text, Markdown and JSON with the same content", "[diff]") {
  const auto d = diff_workflows(*example("foer.json"), *example("efter.json"), fixed());
  const std::string md = write_diff(d, Lang::da, TextForm::markdown);
  CHECK(md.find("## \u00C6ndringer (19)") != std::string::npos);
  CHECK(md.find("## Fund der er l\u00F8st (4)") != std::string::npos);
  const auto j = boost::json::parse(write_diff(d, Lang::da, TextForm::json)).as_object();
  CHECK(j.at("changes").as_array().size() == 19);
  CHECK(j.at("findings_fixed").as_array().size() == 4);
  CHECK(j.at("findings_new").as_array().empty());
  CHECK(j.at("changes").as_array()[4].at("text").as_string() == find(d, "step-duration", "barnets-plan").text);
}
