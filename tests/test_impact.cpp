// baton impact: what rests on a legal source, requirement, team, system,
// template or artifact.
#include "support.hpp"

#include <baton/impact.hpp>

#include <boost/json.hpp>

#include <set>

using namespace baton;
using namespace baton::test;

namespace {

std::shared_ptr<const Workflow> efter() {
  return load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/efter.json");
}

template <class Item>
std::set<std::string> ids(std::span<const Item> items, const std::vector<Index>& refs) {
  std::set<std::string> out;
  for (Index i : refs) out.insert(items[i].id);
  return out;
}

}  // namespace

TEST_CASE("impact: \"§ 20\" names the investigation requirement and the steps serving it", "[impact][born-unge]") {
  auto wf = efter();
  const Impact i = impact_of(*wf, ImpactOf::source, "\u00A7 20");
  CHECK(ids(wf->requirements(), i.requirements) == std::set<std::string>{"krav-undersoegelse-4m"});
  // Screening starts the 4 months, the overall assessment ends them, and the
  // investigation's steps (and an afdækning that turns into one) run in between.
  CHECK(ids(wf->steps(), i.steps) ==
        std::set<std::string>{"screening", "afdaekning", "undersoegelse-start", "undersoegelse-samtale-barn", "udtalelser",
                              "inddragelse-foraeldre", "samlet-vurdering"});
  CHECK(ids(wf->teams(), i.teams) == std::set<std::string>{"modtagelse", "myndighed"});
  CHECK(ids(wf->follow_up(), i.follow_up) == std::set<std::string>{"opf-undersoegelse"});
  CHECK(ids(wf->case_types(), i.case_types) ==
        std::set<std::string>{"undersoegelse-stoette", "anbringelse-samtykke", "anbringelse-uden-samtykke", "akut-overgreb"});
  // "§ 2" is not "§ 20" or "§ 22".
  for (Index r : impact_of(*wf, ImpactOf::source, "\u00A7 2").requirements)
    CHECK(wf->requirements()[r].source->find("\u00A7 2 ") != std::string::npos);

  const std::string da = write_impact(*wf, i, Lang::da, TextForm::text);
  CHECK(da.find("Det, der bygger p\u00E5 \u00BB\u00A7 20\u00AB") == 0);
  CHECK(da.find("\u00BBSamlet vurdering") != std::string::npos);
  const auto j = boost::json::parse(write_impact(*wf, i, Lang::en, TextForm::json)).as_object();
  CHECK(j.at("steps").as_array().size() == 7);
}

TEST_CASE("impact: a team's steps, handovers, case types and the handovers it is responsible for", "[impact][born-unge]") {
  auto wf = efter();
  const Impact i = impact_of(*wf, ImpactOf::team, "modtagelse");
  for (Index s : i.steps) CHECK(wf->teams()[*wf->step(s).team].id == "modtagelse");
  CHECK(ids(wf->steps(), i.steps).contains("screening"));
  // Intake hands the case over to Myndighed and stays responsible until it is acknowledged.
  bool screening_handover = false;
  for (Index h : i.losing_responsible) {
    const Handover* how = wf->handover_of(wf->handovers()[h]);
    CHECK(wf->teams()[how->responsible->team].id == "modtagelse");
    screening_handover |= wf->step(wf->handovers()[h].from).id == "screening";
  }
  CHECK(screening_handover);
  CHECK(i.case_types.size() == wf->case_types().size());  // every case passes intake
  CHECK_THROWS_AS(impact_of(*wf, ImpactOf::team, "nobody"), std::invalid_argument);
}

TEST_CASE("impact: a system, a template and an artifact", "[impact]") {
  auto wf = load(two_step_json(R"(, "team": "intake", "it": {"system": "dubu", "records": ["u"]}, "templates": ["tpl"])",
                               R"(, "team": "myn", "reads": ["u"], "writes": ["v"])", "",
                               two_artifacts + R"(, "templates": [{"id": "tpl", "name": "Skabelon", "system": "dubu"}])"));
  const Impact sys = impact_of(*wf, ImpactOf::system, "dubu");
  CHECK(ids(wf->steps(), sys.steps) == std::set<std::string>{"a"});
  CHECK(ids(wf->artifacts(), sys.artifacts) == std::set<std::string>{"u"});
  CHECK(ids(wf->templates(), sys.templates) == std::set<std::string>{"tpl"});
  CHECK(ids(wf->steps(), impact_of(*wf, ImpactOf::template_, "tpl").steps) == std::set<std::string>{"a"});
  const Impact art = impact_of(*wf, ImpactOf::artifact, "u");
  CHECK(ids(wf->steps(), art.steps) == std::set<std::string>{"a", "b"});
  CHECK(ids(wf->teams(), art.teams) == std::set<std::string>{"intake", "myn"});
  CHECK(art.handovers.size() == 1);
  CHECK(write_impact(*wf, impact_of(*wf, ImpactOf::source, "\u00A7 999"), Lang::en, TextForm::text)
            .find("Nothing in the workflow rests on it.") != std::string::npos);
}
