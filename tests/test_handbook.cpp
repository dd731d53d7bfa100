// baton doc: the handbook's content. Every team page has exactly its steps,
// every handover is on both teams' pages, every case type page shows only
// its runs' steps; links stay inside the folder and reach what they name.
#include "support.hpp"

#include <baton/handbook.hpp>
#include <baton/walk.hpp>

#include <map>
#include <regex>
#include <set>

using namespace baton;
using namespace baton::test;

namespace {

std::shared_ptr<const Workflow> example(const std::string& file) {
  return load_workflow_file(std::string(BATON_SOURCE_DIR) + "/examples/born-unge/" + file);
}

std::map<std::string, std::string> pages_of(const Workflow& wf, HandbookForm form, const Workflow* old = nullptr) {
  HandbookOptions o;
  o.form = form;
  o.old = old;
  o.checks.today = Date::parse("2026-12-01");
  std::map<std::string, std::string> out;
  for (HandbookPage& p : handbook_pages(wf, o)) out[p.file] = std::move(p.text);
  return out;
}

// The step ids a page links to ("workflow.md#step-ID").
std::set<std::string> linked_steps(const std::string& text, const std::string& from = "", const std::string& to = "") {
  const std::size_t begin = from.empty() ? 0 : text.find(from);
  const std::size_t end = to.empty() ? std::string::npos : text.find(to, begin);
  const std::string part = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  static const std::regex link(R"(workflow\.(?:md|html)#step-([A-Za-z0-9._-]+))");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(part.begin(), part.end(), link); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("handbook: every team page has exactly its steps, every handover on both teams' pages", "[handbook][born-unge]") {
  auto wf = example("efter.json");
  const auto pages = pages_of(*wf, HandbookForm::markdown);
  for (Index t = 0; t < wf->teams().size(); ++t) {
    const Team& team = wf->teams()[t];
    INFO("team " << team.id);
    const auto page = pages.find("team-" + team.id + ".md");
    REQUIRE(page != pages.end());
    std::set<std::string> expected;
    for (const Step& s : wf->steps())
      if (s.team == t) expected.insert(s.id);
    CHECK(linked_steps(page->second, "# Det gør du", "# Det modtager du") == expected);
  }
  for (const HandoverPath& h : wf->handovers()) {
    if (h.kind != HandoverKind::team) continue;
    const Step &from = wf->step(h.from), &to = wf->step(h.to);
    const std::string words = "\u00BB" + from.name + "\u00AB \u2192 \u00BB" + to.name + "\u00AB";
    INFO(words);
    const std::string& giving = pages.at("team-" + wf->teams()[*from.team].id + ".md");
    const std::string& taking = pages.at("team-" + wf->teams()[*to.team].id + ".md");
    CHECK(giving.find(words, giving.find("# Det giver du videre")) != std::string::npos);
    CHECK(taking.find(words, taking.find("# Det modtager du")) != std::string::npos);
  }
}

TEST_CASE("handbook: every case type page shows only its runs' steps", "[handbook][born-unge]") {
  auto wf = example("efter.json");
  const auto pages = pages_of(*wf, HandbookForm::markdown);
  for (const CaseType& c : wf->case_types()) {
    INFO("case type " << c.id);
    std::set<std::string> expected;
    for (Index s : steps_in_run_order(*wf, &c)) expected.insert(wf->step(s).id);
    CHECK(linked_steps(pages.at("case-type-" + c.id + ".md"), "# Trinene") == expected);
    // Its own diagram, with only those steps (and routing gateways).
    const std::string& svg = pages.at("case-type-" + c.id + ".svg");
    std::set<std::string> drawn = linked_steps(svg);
    for (const Step& s : wf->steps())
      if (s.kind == StepKind::gateway) drawn.erase(s.id);
    CHECK(drawn == expected);
  }
}

TEST_CASE("handbook: HTML pages link only inside the folder, to pages and anchors that exist", "[handbook][born-unge]") {
  auto wf = example("efter.json");
  auto old = example("foer.json");
  const auto pages = pages_of(*wf, HandbookForm::html, old.get());
  REQUIRE(pages.count("index.html"));
  REQUIRE(pages.count("changes.html"));
  static const std::regex href(R"((?:href|src)="([^"]*)\")");
  static const std::regex id(R"( id="([^"]+)\")");
  std::map<std::string, std::set<std::string>> anchors;
  for (const auto& [file, text] : pages)
    for (auto it = std::sregex_iterator(text.begin(), text.end(), id); it != std::sregex_iterator(); ++it)
      anchors[file].insert((*it)[1]);
  for (const auto& [file, text] : pages) {
    INFO(file);
    CHECK(text.find("<script") == std::string::npos);
    CHECK(text.find("<html lang=\"da\">") != std::string::npos);
    CHECK(text.find("@media print") != std::string::npos);
    // The only URL that is not a file of the folder is SVG's namespace name.
    std::string rest = std::regex_replace(text, std::regex("xmlns=\"http://www.w3.org/2000/svg\""), "");
    CHECK(rest.find("http:") == std::string::npos);
    CHECK(rest.find("https:") == std::string::npos);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), href); it != std::sregex_iterator(); ++it) {
      const std::string target = (*it)[1];
      INFO(target);
      const auto hash = target.find('#');
      const std::string page = hash == std::string::npos ? target : target.substr(0, hash);
      REQUIRE(pages.count(page));
      if (hash != std::string::npos) CHECK(anchors[page].count(target.substr(hash + 1)));
    }
    // Headings in order: one h1, no level skipped.
    int last = 0;
    static const std::regex heading("<h([1-6])");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), heading); it != std::sregex_iterator(); ++it) {
      const int level = std::stoi((*it)[1]);
      CHECK(level <= last + 1);
      last = level;
    }
  }
  // What changes for Modtagelsen: the handover it now gives with a responsible.
  const std::string& intake = pages.at("team-modtagelse.html");
  CHECK(intake.find("Hvad ændrer sig for dig") != std::string::npos);
  CHECK(intake.find("Du giver nu sagen videre fra »Screening«") != std::string::npos);
}

TEST_CASE("handbook: the diagram has every step in its team's lane, handovers standing out", "[handbook][born-unge]") {
  auto wf = example("efter.json");
  const std::string svg = swimlane_svg(*wf, {}, Lang::da, "workflow.html");
  CHECK(svg.find("<title id=\"svg-title\">") != std::string::npos);
  CHECK(svg.find("class=\"handover\"") != std::string::npos);
  CHECK(linked_steps(svg).size() == wf->steps().size());
  std::size_t lanes = 0;
  for (auto at = svg.find("class=\"lane\""); at != std::string::npos; at = svg.find("class=\"lane\"", at + 1)) ++lanes;
  CHECK(lanes >= wf->teams().size());
}
