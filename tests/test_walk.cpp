#include "support.hpp"

#include <baton/walk.hpp>

#include <boost/json.hpp>

using namespace baton;
using namespace baton::test;

namespace {
std::vector<std::string> walked_ids(const Workflow& wf, const CaseType* ct) {
  auto doc = boost::json::parse(walk(wf, ct, WalkFormat::json));
  std::vector<std::string> ids;
  for (const auto& s : doc.at("steps").as_array()) ids.emplace_back(s.at("id").as_string());
  return ids;
}
}  // namespace

TEST_CASE("walk: steps come in run order and a case type prunes the branches it does not take", "[walk]") {
  auto wf = load_fixture("every-member.json");
  CHECK(walked_ids(*wf, nullptr) == std::vector<std::string>{"start", "modtag", "vurder", "kontrol", "slut"});
  const CaseType& closed = wf->case_types()[*wf->find_case_type("lukket")];
  CHECK(walked_ids(*wf, &closed) == std::vector<std::string>{"start", "modtag", "vurder", "slut"});
}

TEST_CASE("walk: the JSON form carries who, IT, records, templates, requirements and handovers", "[walk]") {
  auto wf = load_fixture("every-member.json");
  auto doc = boost::json::parse(walk(*wf, nullptr, WalkFormat::json));
  const auto& modtag = doc.at("steps").as_array()[1].as_object();
  CHECK(modtag.at("team").at("name") == "Modtagelsen");
  CHECK(modtag.at("role") == "radgiver");
  CHECK(modtag.at("it").at("system").at("name") == "DUBU");
  CHECK(modtag.at("it").at("records").as_array()[0].at("id") == "underretning");
  CHECK(modtag.at("templates").as_array()[0].at("name") == "Kvittering");
  const auto& handover = modtag.at("next").as_array()[0].at("handover");
  CHECK(handover.at("kind") == "team");
  CHECK(handover.at("how") == "Sagen sendes i DUBU");
  CHECK(handover.at("responsible").at("team").at("id") == "modtagelse");
  const auto& vurder = doc.at("steps").as_array()[2].as_object();
  CHECK(vurder.at("requirements").as_array()[0].at("source") == "barnets lov § 136");
}

TEST_CASE("walk: Markdown names every step and states missing handover facts plainly", "[walk]") {
  auto wf = load_fixture("every-member.json");
  const std::string md = walk(*wf, nullptr, WalkFormat::markdown);
  for (const Step& s : wf->steps()) CHECK(md.find(s.name) != std::string::npos);
  CHECK(md.find("Underretning – alle felter (æøå §)") != std::string::npos);  // Danish text unchanged
  CHECK(md.find("Sagen sendes i DUBU") != std::string::npos);
  // Each way on names the number of its step, so one way can be followed through.
  CHECK(md.find("\u2192 3. " + wf->steps()[2].name) != std::string::npos);
  auto unowned = load(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")", "", R"(, "language": "da")"));
  const std::string md_da = walk(*unowned, nullptr, WalkFormat::markdown);
  CHECK(md_da.find("ingen er ansvarlig") != std::string::npos);
  CHECK(md_da.find("ikke beskrevet") != std::string::npos);
}

TEST_CASE("walk: an English workflow gets English headings", "[walk]") {
  auto wf = load(two_step_json(R"(, "team": "intake")", R"(, "team": "myn")"));
  const std::string md = walk(*wf, nullptr, WalkFormat::markdown);
  CHECK(md.rfind("# Walkthrough: Test", 0) == 0);
  CHECK(md.find("nobody is responsible") != std::string::npos);
}

TEST_CASE("walk: durations are said in words of the workflow's language, units as written", "[walk]") {
  const std::string da = walk(*load(two_step_json(R"(, "duration": "P2M")", R"(, "duration": "P1DT12H")", "",
                                                  R"(, "language": "da")")),
                              nullptr, WalkFormat::markdown);
  CHECK(da.find("Længste varighed:** 2 måneder") != std::string::npos);
  CHECK(da.find("Længste varighed:** 1 dag 12 timer") != std::string::npos);
  const std::string en =
      walk(*load(two_step_json(R"(, "duration": "P1W")", R"(, "duration": "PT1M")")), nullptr, WalkFormat::markdown);
  CHECK(en.find("Longest duration:** 1 week") != std::string::npos);
  CHECK(en.find("Longest duration:** 1 minute") != std::string::npos);
  // The JSON form keeps the duration as written, for programs.
  auto doc = boost::json::parse(walk(*load(two_step_json(R"(, "duration": "P2M")", "")), nullptr, WalkFormat::json));
  CHECK(doc.at("steps").as_array()[1].at("duration") == "P2M");
}
