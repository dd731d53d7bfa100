// The message catalogue: every check's message pinned in Danish and in
// English (table-driven), and the catalogue's own rules.
#include "support.hpp"

#include "checks/requirement_workflows.hpp"
#include "checks/soundness_workflows.hpp"

#include <baton/messages.hpp>

#include <regex>
#include <set>

using namespace baton;
using namespace baton::test;
using namespace baton::test::requirements;
using namespace baton::test::soundness;

namespace {

struct Pinned {
  const char* rule;
  std::string workflow;
  const char* da;
  const char* en;
};

std::string message_of(const std::string& json, const std::string& rule, Lang lang) {
  CheckOptions options;
  options.lang = lang;
  options.today = Date::parse("2026-11-24");
  const auto found = findings_of(*load(json), rule, options);
  return found.empty() ? "(no finding)" : found.front().message;
}

const std::string owned = R"(, "team": "intake", "description": "x", "it": {"system": "dubu"})";
const std::string systems = R"(, "systems": [{"id": "dubu", "name": "DUBU"}])";

const std::vector<Pinned>& pinned() {
  static const std::vector<Pinned> table = {
      {"unowned-step", two_step_json("", owned, "", systems),
       "Trinnet »Modtag underretning« har intet team: ingen ejer det.",
       "The step “Modtag underretning” has no team: nobody owns it."},
      {"undescribed-step", two_step_json(R"(, "team": "intake")", owned, "", systems),
       "Trinnet »Modtag underretning« har ingen beskrivelse af, hvad der skal gøres i det.",
       "The step “Modtag underretning” has no description of what is done in it."},
      {"no-it-support", two_step_json(R"(, "team": "intake")", owned, "", systems),
       "Trinnet »Modtag underretning« siger ikke, hvordan IT-systemet understøtter det.",
       "The step “Modtag underretning” does not say how the IT system supports it."},
      {"unowned-handover", two_step_json(R"(, "team": "intake")", R"(, "team": "myn")"),
       "Overdragelsen fra »Modtag underretning« til »Vurdér underretning« (fra »Modtagelsen« til »Myndighed«) har ingen ansvarlig.",
       "The handover from “Modtag underretning” to “Vurdér underretning” (from “Modtagelsen” to “Myndighed”) has nobody responsible for it."},
      {"undescribed-handover", two_step_json(R"(, "team": "myn", "role": "radgiver")", R"(, "team": "myn", "role": "leder")"),
       "Overdragelsen fra »Modtag underretning« til »Vurdér underretning« (fra rollen »radgiver« til rollen »leder«) siger ikke, hvordan den foregår.",
       "The handover from “Modtag underretning” to “Vurdér underretning” (from the role “radgiver” to the role “leder”) does not say how it happens."},
      {"unused-team", two_step_json(R"(, "team": "myn")", R"(, "team": "myn")"),
       "Teamet »Modtagelsen« bruges ikke af noget trin, nogen overdragelse eller evalueringen.",
       "The team “Modtagelsen” is not used by any step, handover or review."},
      {"unused-artifact", two_step_json("", "", "", two_artifacts),
       "Oplysningen »Underretning« bruges ikke af noget trin (intet trin bruger, udarbejder, kontrollerer eller registrerer den).",
       "The artifact “Underretning” is not used by any step (none reads, writes, checks or records it)."},
      {"unused-template", two_step_json("", "", "", R"(, "templates": [{"id": "t", "name": "Skabelon"}])"),
       "Skabelonen »Skabelon« bruges ikke af noget trin.", "The template “Skabelon” is not used by any step."},
      {"unrecorded-output", two_step_json(R"(, "writes": ["u"])", R"(, "reads": ["u"])", "", two_artifacts),
       "Oplysningen »Underretning« udarbejdes (først i »Modtag underretning«), men intet trin registrerer den i et IT-system.",
       "The artifact “Underretning” is written (first by “Modtag underretning”) but no step records it in an IT system."},
      {"review-overdue", two_step_json("", "", "", R"(, "review": {"last_reviewed": "2025-01-01", "interval_days": 365})"),
       "Arbejdsgangen blev sidst evalueret 2025-01-01 og skal evalueres hver 365. dag, så evalueringen skulle være sket senest 2026-01-01 (analysedato 2026-11-24).",
       "The workflow was last reviewed on 2025-01-01 and should be reviewed every 365 days, so the review was due on 2026-01-01 (analysis date 2026-11-24)."},
      {"follow-up-due", two_step_json("", "", "", R"(, "follow_up": [{"id": "f", "question": "Holdes samtalen?", "every_days": 30, "last_done": "2026-10-01"}])"),
       "Opfølgningspunktet »Holdes samtalen?« blev sidst fulgt op 2026-10-01 og skal følges op hver 30. dag, så det skulle være sket senest 2026-10-31 (analysedato 2026-11-24).",
       "The follow-up point “Holdes samtalen?” was last followed up on 2026-10-01 and is due every 30 days, so it was due on 2026-10-31 (analysis date 2026-11-24)."},
      {"requirement-unmapped", two_step_json("", "", "", R"(, "requirements": [{"id": "r", "text": "Barnet høres"}])"),
       "Intet i arbejdsgangen udfører kravet »Barnet høres«: intet trin opfylder det, og det har ingen regel.",
       "Nothing in the workflow carries out the requirement “Barnet høres”: no step satisfies it and it has no rule."},
      {"control-without-rejection", two_step_json(R"(, "kind": "control", "checks": [{"artifact": "u"}])", "", "", two_artifacts),
       "Kontrollen »Modtag underretning« har højst én vej videre: intet udfald af kontrollen ændrer, hvad der sker bagefter.",
       "The control “Modtag underretning” has at most one way on: no outcome of the check changes what happens next."},
      {"dead-end", workflow_json(between_start_and_end({step("a", "Vurdér"), step("d", "Blindgyde")}), edges({"s>a", "a>d", "a>e"})),
       "Ingen vej fra trinnet »Blindgyde« fører til et sluttrin, så en sag, der kommer dertil, kan ikke afsluttes.",
       "No path from the step “Blindgyde” leads to an end step, so a case that gets there cannot be completed."},
      {"unreachable-step", workflow_json(between_start_and_end({step("a", "Vurdér"), step("u", "Glemt")}), edges({"s>a", "a>e", "u>e"})),
       "Ingen vej fra starttrinnet »Start« fører til trinnet »Glemt«, så det sker aldrig.",
       "No path from the start step “Start” leads to the step “Glemt”, so it never happens."},
      {"deadlock", split_join("xor", "and"),
       "Trinnet »Samlet vurdering« venter på overgangen fra »Forældresamtale«, som det viste forløb aldrig tager: sagen kan ikke komme videre og er ikke afsluttet.",
       "The step “Samlet vurdering” waits for the transition from “Forældresamtale”, which the run shown never takes: the case can go no further and is not complete."},
      {"lack-of-synchronization", split_join("and", "xor"),
       "Overgangen fra »Samlet vurdering« til »Slut« kan tages en gang til, før »Slut« har kørt, så »Slut« ville køre to gange for den samme sag.",
       "The transition from “Samlet vurdering” to “Slut” can be taken a second time before “Slut” has run, so “Slut” would run twice for one case."},
      {"deadline-exceeded", decision_then_plan("P4M", "P3M"),
       "Fra »Afgørelse« er færdig, til »Barnets plan« er færdig, kan der gå op til 120 dage, men grænsen er 90 dage (krav r). En måned regnes som 30 dage og et år som 365.",
       "From the end of “Afgørelse” to the end of “Barnets plan” can take up to 120 days, the limit is 90 days (requirement r). A month is counted as 30 days and a year as 365."},
      {"deadline-unknown", flow({step("f", "Afgørelse", takes("P1D")), step("p", "Barnets plan")}, {"s>f", "f>p", "p>e"}, deadline("f", "p", "P3M")),
       "»Barnets plan« har ingen varighed, så tiden fra »Afgørelse« til »Barnets plan« kan ikke holdes op mod grænsen (krav r).",
       "“Barnets plan” has no duration, so the time from “Afgørelse” to “Barnets plan” cannot be checked against its limit (requirement r)."},
      {"existence-violated", flow({step("a", "Vurdér"), step("h", "Høring")}, {"s>a", "a>h", "a>e", "h>e"}, rule("existence", R"("steps": "h")")),
       "En sag kan afsluttes uden »Høring« (krav r).", "A case can be completed without “Høring” (requirement r)."},
      {"precedence-violated", flow({step("a", "Vurdér"), step("h", "Høring"), step("d", "Afgørelse")}, {"s>a", "a>h", "a>d", "h>d", "d>e"}, rule("precedence", R"("first": "h", "then": "d")")),
       "Trinnet »Afgørelse« kan køre uden »Høring« før det (krav r).", "The step “Afgørelse” can run with no “Høring” before it (requirement r)."},
      {"response-violated", flow({step("a", "Vurdér"), step("h", "Høring")}, {"s>a", "a>h", "a>e", "h>e"}, rule("response", R"("first": "a", "then": "h")")),
       "Efter trinnet »Vurdér« kan en sag afsluttes uden »Høring« (krav r).", "After the step “Vurdér”, a case can be completed with no “Høring” (requirement r)."},
  };
  return table;
}

}  // namespace

TEST_CASE("messages: every check's message, in Danish and in English", "[messages]") {
  for (const Pinned& p : pinned()) {
    INFO(p.rule);
    CHECK(message_of(p.workflow, p.rule, Lang::da) == p.da);
    CHECK(message_of(p.workflow, p.rule, Lang::en) == p.en);
  }
}

TEST_CASE("messages: the catalogue's two texts of one id take the same arguments", "[messages]") {
  const std::regex placeholder(R"(\{([a-z_0-9]+)\})");
  std::set<std::string_view> ids;
  for (const MessageEntry& m : message_table()) {
    INFO(m.id);
    CHECK(ids.insert(m.id).second);
    CHECK_FALSE(m.da.empty());
    CHECK_FALSE(m.en.empty());
    auto names = [&](std::string_view text) {
      std::set<std::string> out;
      const std::string s(text);
      for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
      return out;
    };
    CHECK(names(m.da) == names(m.en));
  }
  CHECK_THROWS_AS(say(Lang::da, Msg::unit_days), std::logic_error);
  CHECK(say(Lang::da, Msg::unit_days, {{"n", "3"}}) == "3 dage");
}

TEST_CASE("messages: the workflow's language chooses, --lang overrides", "[messages]") {
  auto lang_of = [](const std::string& tag) {
    return language_of(*load(two_step_json("", "", "", tag.empty() ? "" : R"(, "language": ")" + tag + "\"")));
  };
  CHECK(lang_of("da") == Lang::da);
  CHECK(lang_of("da-DK") == Lang::da);
  CHECK(lang_of("en") == Lang::en);
  CHECK(lang_of("dan") == Lang::en);  // not a "da" tag
  CHECK(lang_of("") == Lang::en);
  const std::string danish = two_step_json("", "", "", R"(, "language": "da")");
  CheckOptions options;
  options.only = {"unowned-step"};
  CHECK(run_checks(*load(danish), options).findings.front().message.find("Trinnet") == 0);
  options.lang = Lang::en;
  CHECK(run_checks(*load(danish), options).findings.front().message.find("The step") == 0);
  CHECK(describe_duration(*Duration::parse("P1Y2M"), Lang::da) == "1 år 2 måneder");
  CHECK(describe_seconds(90061, Lang::en) == "1 day 1 hour 1 minute 1 second");
}

TEST_CASE("messages: foer.json's findings read in Danish, as its language says", "[messages][born-unge]") {
  auto wf = load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/foer.json");
  CheckOptions options;
  options.today = Date::parse("2026-12-01");
  std::set<std::string> messages;
  for (const Finding& f : run_checks(*wf, options).findings) messages.insert(f.message);
  // krav-plan-3m's longest time is a tie between the two decisions with
  // consent (see test_born_unge.cpp); the message names one of them.
  std::string deadline;
  for (const std::string& m : messages)
    if (m.find("Barnets plan") != std::string::npos) deadline = m;
  messages.erase(deadline);
  CHECK((deadline == "Fra »Afgørelse om støtte (§ 32)« er færdig, til »Barnets plan« er færdig, kan der gå op til 120 "
                     "dage, men grænsen er 90 dage (krav krav-plan-3m). En måned regnes som 30 dage og et år som 365." ||
         deadline.find("Fra »Afgørelse om anbringelse") == 0));
  CHECK(messages == std::set<std::string>{
      "Overdragelsen fra »Screening« til »Børnefaglig undersøgelse iværksættes« (fra »Modtagelsen "
      "(underretningsteam)« til »Myndighed – børne- og ungerådgivning«) har ingen ansvarlig.",
      "»Underretning« registreres både i »DUBU« (i »Underretning modtaget«) og i »Økonomisystem (bevillinger og "
      "betalinger)« (i »Bevilling registreres og betales«) i det samme forløb.",
      "Trinnet »Afdelingslederens godkendelse af undersøgelsen« kontrollerer »Børnefaglig undersøgelse« for »faglig "
      "kvalitet« igen, selv om »Ledelsesgodkendelse af undersøgelsen« i alle forløb allerede har kontrolleret det, og "
      "intet har ændret det siden.",
  });
}
