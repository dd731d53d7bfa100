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

#include "generator.hpp"

#include <boost/json.hpp>

TEST_CASE("handbook: a 150-step, 12-team workflow gives a readable diagram", "[handbook][layout]") {
  // The generator's five teams, split into twelve by where each step falls.
  auto doc = boost::json::parse(bench::generate_workflow(150, 7)).as_object();
  auto& teams = doc["teams"].as_array();
  const std::size_t original = teams.size();
  std::vector<std::vector<std::string>> variants(original);
  for (std::size_t i = 0; i < original; ++i) variants[i].push_back(std::string(teams[i].at("id").as_string()));
  for (std::size_t k = 0; teams.size() < 12; ++k) {
    const std::size_t i = k % original;
    boost::json::object copy = teams[i].as_object();
    const std::string id = std::string(copy["id"].as_string()) + "-" + std::to_string(k);
    copy["id"] = id;
    copy["name"] = std::string(copy["name"].as_string()) + " " + std::to_string(k);
    variants[i].push_back(id);
    teams.push_back(copy);
  }
  std::size_t n = 0;
  for (auto& step : doc["steps"].as_array()) {
    auto& s = step.as_object();
    if (!s.contains("team")) continue;
    for (std::size_t i = 0; i < original; ++i)
      if (s["team"].as_string() == variants[i][0]) {
        s["team"] = variants[i][(n++ / 3) % variants[i].size()];
        break;
      }
  }
  auto wf = load(boost::json::serialize(doc));
  REQUIRE(wf->teams().size() == 12);
  const std::string svg = swimlane_svg(*wf, {}, Lang::da, "workflow.html");

  struct Rect { double x, y, w, h; };
  std::map<int, Rect> lanes;
  static const std::regex lane(R"re(<rect class="lane" data-lane="(\d+)" x="([-0-9.]+)" y="([-0-9.]+)" width="([-0-9.]+)" height="([-0-9.]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), lane); it != std::sregex_iterator(); ++it)
    lanes[std::stoi((*it)[1])] = {std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), std::stod((*it)[5])};
  static const std::regex node(R"re(data-lane="(\d+)" data-box="([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+)")re");
  std::vector<Rect> boxes;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), node); it != std::sregex_iterator(); ++it) {
    const Rect b{std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), std::stod((*it)[5])};
    REQUIRE(lanes.count(std::stoi((*it)[1])));
    const Rect& l = lanes[std::stoi((*it)[1])];
    // No node outside its lane.
    CHECK(b.x >= l.x - 0.1);
    CHECK(b.y >= l.y - 0.1);
    CHECK(b.x + b.w <= l.x + l.w + 0.1);
    CHECK(b.y + b.h <= l.y + l.h + 0.1);
    boxes.push_back(b);
  }
  CHECK(boxes.size() == wf->steps().size());
  // No overlapping boxes.
  std::size_t overlaps = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const Rect &a = boxes[i], &b = boxes[j];
      if (a.x < b.x + b.w - 0.1 && b.x < a.x + a.w - 0.1 && a.y < b.y + b.h - 0.1 && b.y < a.y + a.h - 0.1) ++overlaps;
    }
  CHECK(overlaps == 0);
}
