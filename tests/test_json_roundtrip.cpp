// Writing and loading again changes nothing: for the fixtures, for every
// example in examples/ (found when the tests run, so new ones count), and for
// generated workflows; text keeps its bytes; the writer is deterministic.
#include "support.hpp"

#include "generator.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Loads `text`, writes it, loads the result: the two models must be equal,
// and writing the second gives the same bytes as writing the first.
void require_round_trip(const std::string& text) {
  const auto first = baton::test::load(text);
  const std::string written = baton::to_json(*first);
  const auto second = baton::test::load(written);
  CHECK(*second == *first);
  CHECK(baton::to_json(*second) == written);
  CHECK(baton::to_json(*first) == written);
}

// Every string in a JSON document, keys included, that is not plain ASCII.
std::vector<std::string> non_ascii_strings(const std::string& text) {
  std::vector<std::string> out;
  auto keep = [&](json::string_view s) {
    if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      out.emplace_back(s);
  };
  std::vector<const json::value*> todo{};
  const json::value doc = json::parse(text);
  todo.push_back(&doc);
  while (!todo.empty()) {
    const json::value* v = todo.back();
    todo.pop_back();
    if (v->is_string()) keep(v->get_string());
    else if (v->is_array())
      for (const json::value& item : v->get_array()) todo.push_back(&item);
    else if (v->is_object())
      for (const auto& [key, member] : v->get_object()) {
        keep(key);
        todo.push_back(&member);
      }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the fixtures round-trip", "[roundtrip]") {
  for (const char* name : {"every-member.json", "minimal.json"}) {
    INFO(name);
    require_round_trip(read_text(fs::path(BATON_FIXTURES) / name));
  }
}

TEST_CASE("every example round-trips", "[roundtrip]") {
  const fs::path examples = fs::path(BATON_SOURCE_DIR) / "examples";
  std::size_t seen = 0;
  for (const auto& entry : fs::recursive_directory_iterator(examples)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    INFO(entry.path());
    require_round_trip(read_text(entry.path()));
    ++seen;
  }
  CHECK(seen > 0);
}

TEST_CASE("a gateway step round-trips with its routing", "[roundtrip][gateway]") {
  const std::string text = baton::test::workflow_json(
      baton::test::between_start_and_end(
          {baton::test::step("g", "Fordeling", R"(, "kind": "gateway", "split": "and", "tags": ["x"])"),
           baton::test::step("a", "A"), baton::test::step("b", "B"),
           baton::test::step("j", "Samling", R"(, "kind": "gateway", "join": "and")")}),
      baton::test::edges({"s>g", "g>a", "g>b", "a>j", "b>j", "j>e"}));
  require_round_trip(text);
  const std::string written = baton::to_json(*baton::test::load(text));
  CHECK(written.find(R"("kind":"gateway")") != std::string::npos);
}

TEST_CASE("Danish text, symbols and emoji keep their bytes", "[roundtrip]") {
  const std::string text = baton::test::workflow_json(
      R"({"id": "s", "name": "Underretning modtaget 📨", "kind": "start"},
         {"id": "a", "name": "Børnesamtale – § 48", "description": "Ærlig snak med barnet 👧🏽 om \"trivsel\"\\skole\ttab", "tags": ["ÆØÅ-æøå"]},
         {"id": "e", "name": "Afslut ✅", "kind": "end"})",
      R"({"from": "s", "to": "a", "label": "første møde ½"}, {"from": "a", "to": "e"})",
      R"(, "description": "Gælder for Københavns Kommune, Ærø og Ølstykke – «citat» ¶ €")");
  const auto wf = baton::test::load(text);
  CHECK(wf->step(1).name == "Børnesamtale – § 48");
  CHECK(wf->step(1).description == "Ærlig snak med barnet 👧🏽 om \"trivsel\"\\skole\ttab");
  const std::string written = baton::to_json(*wf);
  CHECK(non_ascii_strings(written) == non_ascii_strings(text));
  CHECK(written.find("Ærø og Ølstykke – «citat» ¶ €") != std::string::npos);  // raw UTF-8, not \u escapes
  require_round_trip(text);

  const std::string every = read_text(fs::path(BATON_FIXTURES) / "every-member.json");
  CHECK(non_ascii_strings(baton::to_json(*baton::test::load(every))) == non_ascii_strings(every));
}

TEST_CASE("generated workflows load and round-trip", "[roundtrip][generator]") {
  for (const std::size_t steps : {1, 5, 6, 10, 100, 1000, 20000}) {
    for (const std::uint64_t seed : {1, 42}) {
      INFO(steps << " steps, seed " << seed);
      const std::string text = baton::bench::generate_workflow(steps, seed);
      const auto wf = baton::test::load(text);
      CHECK(wf->steps().size() >= std::min<std::size_t>(steps, 5));
      CHECK(wf->steps().size() <= std::max<std::size_t>(steps, 5) + 20);
      CHECK(wf->requirements().size() == 4);
      CHECK(wf->case_types().size() == 2);
      require_round_trip(text);
    }
  }
}

TEST_CASE("the generator is deterministic for a seed", "[roundtrip][generator]") {
  CHECK(baton::bench::generate_workflow(3000, 7) == baton::bench::generate_workflow(3000, 7));
  CHECK(baton::bench::generate_workflow(3000, 7) != baton::bench::generate_workflow(3000, 8));
}

TEST_CASE("generated workflows are sound and use blocks, loops and choices", "[roundtrip][generator]") {
  const auto wf = baton::test::load(baton::bench::generate_workflow(2000, 3));
  std::size_t and_splits = 0, xor_splits = 0, back_edges = 0, handovers = 0;
  for (baton::Index s = 0; s < wf->steps().size(); ++s) {
    const std::size_t out = wf->outgoing(s).size();
    if (wf->step(s).split == baton::Gate::parallel) ++and_splits;
    else if (out >= 2) ++xor_splits;
  }
  for (baton::Index t = 0; t < wf->transitions().size(); ++t) {
    back_edges += wf->transition(t).to < wf->transition(t).from;
    handovers += wf->transition(t).handover.has_value();
  }
  CHECK(and_splits > 10);
  CHECK(xor_splits > 10);
  CHECK(back_edges > 10);
  CHECK(handovers > 10);
  CHECK(!wf->case_types()[0].choices.empty());
  CHECK(!wf->case_types()[1].choices.empty());

  baton::CheckOptions options;
  options.only = {"deadlock", "lack-of-synchronization", "dead-end", "unreachable-step"};
  options.today = baton::Date::parse("2026-11-24");
  CHECK(baton::run_checks(*wf, options).findings.empty());
}
