// The PNML reader against shared/spec/event-logs.md "Petri nets (PNML)": the
// workflow read from a net has the same labelled complete firing sequences
// (compared by enumeration on small nets), and nets that are no workflow
// nets or not 1-safe are refused with the element's place.
#include <baton/alignment.hpp>
#include <baton/conformance.hpp>
#include <baton/load.hpp>
#include <baton/pnml.hpp>
#include <baton/semantics.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <set>

using Catch::Matchers::Contains;

namespace {

struct Net {
  std::vector<std::string> places;                         // the first is the source
  std::vector<std::pair<std::string, std::string>> transitions;  // id, label ("" = silent)
  std::vector<std::pair<std::string, std::string>> arcs;  // source, target
};

std::string pnml(const Net& net, const std::string& extra = "") {
  std::string s = "<?xml version=\"1.0\"?>\n<pnml><net id=\"n\" type=\"ptnet\"><name><text>Net</text></name><page id=\"pg\">\n";
  for (const auto& p : net.places) s += "<place id=\"" + p + "\"/>\n";
  for (const auto& [id, label] : net.transitions)
    s += "<transition id=\"" + id + "\">" + (label.empty() ? "" : "<name><text>" + label + "</text></name>") +
         "</transition>\n";
  int k = 0;
  for (const auto& [from, to] : net.arcs)
    s += "<arc id=\"a" + std::to_string(++k) + "\" source=\"" + from + "\" target=\"" + to + "\"/>\n";
  return s + extra + "</page></net></pnml>\n";
}

using Language = std::set<std::vector<std::string>>;

// Labelled complete firing sequences of the net with at most `most` labels
// (the nets here have no cycle of silent transitions).
Language net_language(const Net& net, std::size_t most) {
  std::map<std::string, std::string> label;
  for (const auto& [id, l] : net.transitions) label[id] = l;
  Language out;
  std::function<void(std::multiset<std::string>, std::vector<std::string>)> walk = [&](auto marking, auto seq) {
    if (marking == std::multiset<std::string>{"o"}) out.insert(seq);
    for (const auto& [t, l] : net.transitions) {
      auto next = marking;
      bool enabled = true;
      for (const auto& [from, to] : net.arcs)
        if (to == t) {
          auto at = next.find(from);
          if (at == next.end()) enabled = false;
          else next.erase(at);
        }
      if (!enabled) continue;
      for (const auto& [from, to] : net.arcs)
        if (from == t) next.insert(to);
      auto s = seq;
      if (!l.empty()) s.push_back(l);
      if (s.size() <= most) walk(next, s);
    }
  };
  walk({net.places[0]}, {});
  return out;
}

// The same for the workflow's token game: names of the task steps.
Language workflow_language(const baton::Workflow& wf, std::size_t most) {
  baton::CaseRestriction all(wf);
  baton::TokenGame game(wf, all);
  Language out;
  std::function<void(const baton::State&, std::vector<std::string>)> walk = [&](const baton::State& s, auto seq) {
    REQUIRE_FALSE(s.overflow);
    if (s.phase == baton::State::Phase::complete) out.insert(seq);
    for (const baton::Move& m : game.moves(s)) {
      auto next = seq;
      if (wf.step(m.step).kind == baton::StepKind::task) next.push_back(wf.step(m.step).name);
      if (next.size() <= most) walk(game.apply(s, m), next);
    }
  };
  walk(game.initial(), {});
  return out;
}

void require_same_language(const Net& net, std::size_t most = 6) {
  const auto read = baton::load_pnml(pnml(net), "net.pnml");
  const Language expected = net_language(net, most);
  REQUIRE_FALSE(expected.empty());
  CHECK(workflow_language(*read.workflow, most) == expected);
}

std::string error_of(const std::string& text) {
  try {
    baton::load_pnml(text, "bad.pnml");
  } catch (const baton::LoadError& e) {
    return e.what();
  }
  FAIL("no LoadError");
  return {};
}

}  // namespace

TEST_CASE("PNML: a sequence with a choice and a silent skip", "[pnml]") {
  require_same_language({{"i", "p1", "p2", "o"},
                         {{"a", "A"}, {"b", "B"}, {"tau", ""}, {"c", "C"}},
                         {{"i", "a"}, {"a", "p1"}, {"p1", "b"}, {"p1", "tau"}, {"b", "p2"}, {"tau", "p2"},
                          {"p2", "c"}, {"c", "o"}}});
}

TEST_CASE("PNML: parallel branches, AND-split and AND-join", "[pnml]") {
  require_same_language({{"i", "p1", "p2", "p3", "p4", "o"},
                         {{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}},
                         {{"i", "a"}, {"a", "p1"}, {"a", "p2"}, {"p1", "b"}, {"p2", "c"}, {"b", "p3"}, {"c", "p4"},
                          {"p3", "d"}, {"p4", "d"}, {"d", "o"}}});
}

TEST_CASE("PNML: a loop back through a silent transition, and deferred choices", "[pnml]") {
  require_same_language({{"i", "p1", "p2", "o"},
                         {{"a", "A"}, {"b", "B"}, {"redo", ""}, {"c", "C"}, {"d", "D"}},
                         {{"i", "a"}, {"a", "p1"}, {"p1", "b"}, {"b", "p2"}, {"p2", "redo"}, {"redo", "p1"},
                          {"p2", "c"}, {"c", "o"}, {"p2", "d"}, {"d", "o"}}},
                        7);
}

TEST_CASE("PNML: two places between the same two transitions", "[pnml]") {
  Net net{{"i", "p1", "p2", "o"},
          {{"a", "A"}, {"b", "B"}},
          {{"i", "a"}, {"a", "p1"}, {"a", "p2"}, {"p1", "b"}, {"p2", "b"}, {"b", "o"}}};
  require_same_language(net);
  const auto read = baton::load_pnml(pnml(net), "net.pnml");
  CHECK(read.workflow->steps().size() == 5);  // start, A, B, end, and one place kept as a gateway
}

TEST_CASE("PNML: a file as PM4Py writes it, told apart by content", "[pnml]") {
  const auto read = baton::read_workflow_file(std::string(BATON_FIXTURES) + "/pnml/pm4py-style.pnml");
  const baton::Workflow& wf = *read.workflow;
  CHECK(wf.id() == "net1");
  CHECK(wf.name() == "Underretning");
  std::vector<std::string> kinds;
  for (const auto& s : wf.steps()) kinds.push_back(std::string(baton::to_string(s.kind)) + ":" + s.name);
  CHECK(kinds == std::vector<std::string>{"start:Start", "gateway:p_1", "end:End", "task:Underretning modtaget",
                                          "task:Vurdering", "gateway:skip_1"});
  CHECK(wf.steps()[0].tags == std::vector<std::string>{"silent"});
  CHECK_THAT(read.notes.at(0), Contains("2 labelled transitions as steps, 2 silent transitions and places"));
  // The finding of a step names the PNML element and its line.
  const auto* where = wf.source_of("/steps/3");
  REQUIRE(where);
  CHECK(where->element == "t-modtag");
  CHECK(where->line == 26);
  CHECK(baton::detect_format("<?xml version='1.0'?>\n<!-- c -->\n<pnml>") == baton::WorkflowFormat::pnml);
  CHECK(baton::detect_format("<definitions/>") == baton::WorkflowFormat::bpmn);
}

TEST_CASE("PNML: nets that are no workflow nets, or not 1-safe, are refused", "[pnml][bad]") {
  CHECK_THAT(error_of(pnml({{"i", "j", "o"}, {{"a", "A"}}, {{"i", "a"}, {"j", "a"}, {"a", "o"}}})),
             Contains("bad.pnml:4:1: not a workflow net: it needs exactly one source place (no arc into it), it has "
                      "\"i\", \"j\""));
  CHECK_THAT(error_of(pnml({{"i", "o", "o2"}, {{"a", "A"}}, {{"i", "a"}, {"a", "o"}, {"a", "o2"}}})),
             Contains("exactly one sink place"));
  CHECK_THAT(error_of(pnml({{"i", "o"}, {{"a", "A"}, {"b", "B"}}, {{"i", "a"}, {"a", "o"}, {"b", "o"}}})),
             Contains("not a workflow net: the transition \"b\" (\"B\") has no input place"));
  CHECK_THAT(error_of(pnml({{"i", "p", "q", "o"}, {{"a", "A"}, {"b", "B"}},
                            {{"i", "a"}, {"a", "o"}, {"p", "b"}, {"b", "q"}, {"q", "b"}, {"b", "p"}}})),
             Contains("bad.pnml:4:1: not a workflow net: the place \"p\" cannot be reached from the source place"));
  // A and-split whose branches meet in one place: two tokens there.
  CHECK_THAT(error_of(pnml({{"i", "p1", "p2", "p3", "o"},
                            {{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}},
                            {{"i", "a"}, {"a", "p1"}, {"a", "p2"}, {"p1", "b"}, {"p2", "c"}, {"b", "p3"},
                             {"c", "p3"}, {"p3", "d"}, {"d", "o"}}})),
             Contains("not 1-safe: firing the transition"));
  CHECK_THAT(error_of("<pnml><net id=\"n\"><place id=\"i\"/><place id=\"o\"/><transition id=\"t\"/>"
                      "<arc id=\"x\" source=\"i\" target=\"t\"><inscription><text>2</text></inscription></arc>"
                      "<arc id=\"y\" source=\"t\" target=\"o\"/></net></pnml>"),
             Contains("bad.pnml:1:69: the arc \"x\" has the weight 2"));
  CHECK_THAT(error_of("<pnml><net id=\"n\"><place id=\"i\"/><arc id=\"x\" source=\"i\" target=\"nope\"/></net></pnml>"),
             Contains("the arc \"x\" joins a node that does not exist (\"nope\")"));
  CHECK_THAT(error_of("<pnml><net id=\"n\"><place id=\"i\"/><place id=\"o\"/><transition id=\"t\"/>"
                      "<arc id=\"x\" source=\"i\" target=\"o\"/></net></pnml>"),
             Contains("the arc \"x\" joins two places"));
  CHECK_THAT(error_of("<pnml><net id=\"n\"><place id=\"i\"><initialMarking><text>2</text></initialMarking></place>"
                      "<place id=\"o\"/><transition id=\"t\"/><arc id=\"x\" source=\"i\" target=\"t\"/>"
                      "<arc id=\"y\" source=\"t\" target=\"o\"/></net></pnml>"),
             Contains("the initial marking must be one token on the source place, not 2"));
  CHECK_THAT(error_of("<definitions/>"), Contains("bad.pnml:1:1: not PNML: the root element is <definitions>"));
  CHECK_THAT(error_of("<pnml><net>"), Contains("bad.pnml:1:11: not well-formed XML"));
  CHECK_THAT(error_of("<pnml/>"), Contains("has no <net>"));
}

TEST_CASE("PNML: damaged copies of a net are read or refused, never anything else", "[pnml][bad]") {
  const std::string original = pnml({{"i", "p1", "p2", "p3", "p4", "o"},
                                     {{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}, {"t", ""}},
                                     {{"i", "a"}, {"a", "p1"}, {"a", "p2"}, {"p1", "b"}, {"p2", "c"}, {"b", "p3"},
                                      {"c", "p4"}, {"p3", "d"}, {"p4", "d"}, {"d", "o"}, {"p1", "t"}, {"t", "p3"}}});
  std::uint64_t state = 99;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  std::size_t read = 0;
  for (int round = 0; round < 400; ++round) {
    std::string damaged = original;
    const std::size_t at = next() % damaged.size();
    if (next() % 2) damaged.erase(at, 1 + next() % 40);
    else damaged[at] = static_cast<char>(next());
    try {
      baton::load_pnml(damaged, "damaged.pnml");
      ++read;
    } catch (const baton::LoadError&) {
    }
  }
  CHECK(read > 0);
}

TEST_CASE("PNML: alignments on a read net cost what they cost on the net", "[pnml][alignment]") {
  // The start and end steps stand for places: no move on them costs.
  const auto read = baton::read_workflow_file(std::string(BATON_FIXTURES) + "/pnml/pm4py-style.pnml");
  const baton::Workflow& wf = *read.workflow;
  const baton::CaseRestriction all(wf);
  const baton::AlignmentNet net(wf, all);
  REQUIRE(net.cheapest_complete_run());
  CHECK(*net.cheapest_complete_run() == 1);  // "Underretning modtaget", then the silent skip
  const auto modtaget = wf.find_step("t-modtag"), vurdering = wf.find_step("t-vurder");
  REQUIRE(modtaget);
  REQUIRE(vurdering);
  using T = baton::TraceEvent;
  const auto fitting = baton::align(net, std::vector<T>{T{modtaget}, T{vurdering}});
  CHECK(fitting.cost == 0);
  CHECK(fitting.fitness == 1.0);
  const auto skipped = baton::align(net, std::vector<T>{T{vurdering}});
  CHECK(skipped.cost == 1);  // a model move on "Underretning modtaget"
  CHECK(skipped.fitness == Approx(1.0 - 1.0 / (1 + 1)));
  // Only the labelled transition is a deviation, never the start or end step.
  const auto deviations = baton::alignment_deviations(wf, skipped);
  REQUIRE(deviations.size() == 1);
  CHECK(deviations[0].kind == baton::DeviationKind::skipped_step);
  CHECK(deviations[0].step == modtaget);
  const auto twice = baton::align(net, std::vector<T>{T{modtaget}, T{vurdering}, T{vurdering}});
  CHECK(twice.cost == 1);  // one log move
}
