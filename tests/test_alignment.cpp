// Alignments on hand-checked cases: the running example of the
// process-mining literature (van der Aalst, "Process Mining: Data Science in
// Action", the request-for-compensation net), gateways, case types, open
// cases, the state limit, and the deviations read from alignments.
#include "oracle/gateways.hpp"
#include "support.hpp"

#include <baton/alignment.hpp>
#include <baton/conformance.hpp>

#include <algorithm>

using namespace baton;
using namespace baton::test;

namespace {

// a register request; AND: (b examine thoroughly | c examine casually) and
// d check ticket; e decide; then f reinitiate request (back to both
// branches), g pay compensation or h reject request. The XOR around b/c is
// two gateways, as baton splits and joins only at steps (loaded as tasks,
// then made gateways).
const std::string compensation = workflow_json(
    R"({"id": "a", "name": "register request", "kind": "start", "split": "and"},
       {"id": "x1", "name": "examine?", "kind": "task"},
       {"id": "b", "name": "examine thoroughly"},
       {"id": "c", "name": "examine casually"},
       {"id": "x2", "name": "examined", "kind": "task"},
       {"id": "d", "name": "check ticket"},
       {"id": "e", "name": "decide", "kind": "decision", "join": "and"},
       {"id": "f", "name": "reinitiate request", "split": "and"},
       {"id": "g", "name": "pay compensation", "kind": "end"},
       {"id": "h", "name": "reject request", "kind": "end"})",
    edges({"a>x1", "a>d", "x1>b", "x1>c", "b>x2", "c>x2", "x2>e", "d>e", "e>f", "e>g", "e>h", "f>x1", "f>d"}),
    R"(, "case_types": [{"id": "rejected", "name": "Afvist", "choices": {"e": "h"}}])");

std::vector<TraceEvent> trace(const Workflow& wf, const std::vector<std::string>& ids) {
  std::vector<TraceEvent> out;
  for (const auto& id : ids) out.push_back({wf.find_step(id)});  // unknown ids: unknown activities
  return out;
}

// "kind:step" of each deviation, sorted: ties between optimal alignments may
// order the moves either way.
std::string kinds(const Workflow& wf, const std::vector<Deviation>& ds) {
  std::vector<std::string> each;
  for (const Deviation& d : ds) each.push_back(std::string(to_string(d.kind)) + ":" + (d.step ? wf.step(*d.step).id : "?"));
  std::sort(each.begin(), each.end());
  std::string out;
  for (const auto& e : each) out += (out.empty() ? "" : " ") + e;
  return out;
}

struct Fixture {
  std::shared_ptr<const Workflow> wf =
      with_gateways(*load(compensation), [](const Step& s) { return s.id == "x1" || s.id == "x2"; });
  CaseRestriction every_run{*wf};
  AlignmentNet net{*wf, every_run};
  Aligner aligner{net};

  Alignment run(const std::vector<std::string>& ids, bool open = false) {
    return aligner.align(trace(*wf, ids), {open, 100'000});
  }
};

}  // namespace

TEST_CASE("the request-for-compensation log aligns with its known costs", "[align]") {
  Fixture fx;
  // a, an examination, d, e and g or h: five visible steps.
  REQUIRE(fx.net.cheapest_complete_run() == 5U);

  struct Known {
    std::vector<std::string> trace;
    std::uint64_t cost;
  };
  const std::vector<Known> known = {
      {{"a", "b", "d", "e", "h"}, 0},                     // the log's fitting cases
      {{"a", "d", "c", "e", "g"}, 0},
      {{"a", "c", "d", "e", "f", "b", "d", "e", "g"}, 0},
      {{"a", "c", "d", "e", "f", "d", "c", "e", "f", "c", "d", "e", "h"}, 0},
      {{"a", "b", "e", "h"}, 1},                          // check ticket missing: one model move
      {{"a", "d", "e", "h"}, 1},                          // no examination: one model move (b or c)
      {{"a", "b", "c", "d", "e", "h"}, 1},                // examined twice: one log move
      {{"b", "d", "e", "h"}, 1},                          // never registered
      {{"a", "b", "d", "e"}, 1},                          // no outcome
      {{"a", "b", "fax", "d", "e", "h"}, 1},              // an unknown activity
      {{"a", "e", "b", "d", "h"}, 2},                     // decided before examining
      {{"a", "b", "d", "h", "e"}, 2},                     // paid before deciding
      {{"a", "b", "d", "e", "f", "d", "e", "g"}, 1},      // reinitiated, not examined again
      {{}, 5},                                            // nothing happened
  };
  for (const Known& k : known) {
    INFO(k.trace.size() << " events, starting " << (k.trace.empty() ? "-" : k.trace.front()));
    const Alignment a = fx.run(k.trace);
    REQUIRE(a.status == AlignmentStatus::optimal);
    CHECK(a.cost == k.cost);
    CHECK(a.fitness == Approx(1.0 - double(k.cost) / double(k.trace.size() + 5)));
  }
}

TEST_CASE("an alignment's moves are the trace and a complete run", "[align]") {
  Fixture fx;
  const Alignment a = fx.run({"a", "e", "b", "d", "h"});
  REQUIRE(a.status == AlignmentStatus::optimal);
  std::vector<Index> events;
  std::vector<std::string> run;
  std::uint64_t cost = 0;
  for (const AlignmentMove& m : a.moves) {
    if (m.kind != MoveKind::model) events.push_back(*m.event);
    if (m.kind != MoveKind::log) run.push_back(fx.wf->step(*m.step).id);
    if (m.kind == MoveKind::log) ++cost;
    if (m.kind == MoveKind::model) cost += fx.net.model_cost(*m.step);
  }
  CHECK(events == std::vector<Index>{0, 1, 2, 3, 4});
  CHECK(cost == a.cost);
  // The run: a, the gateways and b, d, e, h in an order the net allows.
  CHECK(run.front() == "a");
  CHECK(run.back() == "h");
  CHECK(std::count(run.begin(), run.end(), "e") == 1);
  // Decided too early: the log move of e and its model move are one out-of-order.
  const auto deviations = alignment_deviations(*fx.wf, a);
  CHECK(kinds(*fx.wf, deviations) == "out-of-order:e");
  CHECK(deviations[0].event == 1U);
  CHECK(deviations[0].expected_at == 4U);  // before h, the event at index 4
}

TEST_CASE("the same case gives the same alignment, with a fresh or a used aligner", "[align]") {
  Fixture fx;
  const std::vector<std::string> ids = {"a", "c", "b", "e", "f", "d", "x", "g"};
  fx.run({"a", "b", "d", "e", "g"});
  const Alignment used = fx.run(ids);
  const Alignment fresh = align(fx.net, trace(*fx.wf, ids), {false, 100'000});
  CHECK(used.moves == fresh.moves);
  CHECK(used.cost == fresh.cost);
}

TEST_CASE("gateways cost nothing, visible steps and unknown events one each", "[align]") {
  Fixture fx;
  CHECK(fx.net.model_cost(*fx.wf->find_step("x1")) == 0);
  CHECK(fx.net.model_cost(*fx.wf->find_step("a")) == 1);
  CHECK(fx.net.model_cost(*fx.wf->find_step("g")) == 1);  // start and end steps are visible
  const Alignment a = fx.run({"a", "b", "d", "e", "h"});
  CHECK(a.cost == 0);
  CHECK(alignment_deviations(*fx.wf, a).empty());
  // The gateways appear as model moves of cost 0 between the synchronous moves.
  CHECK(std::count_if(a.moves.begin(), a.moves.end(), [](const AlignmentMove& m) { return m.kind == MoveKind::model; }) == 2);
}

TEST_CASE("a case type's choices remove the arcs it does not take", "[align]") {
  Fixture fx;
  const CaseRestriction rejected(*fx.wf, &fx.wf->case_types()[0]);
  const AlignmentNet net(*fx.wf, rejected);
  Aligner aligner(net);
  const Alignment paid = aligner.align(trace(*fx.wf, {"a", "b", "d", "e", "g"}));
  CHECK(paid.cost == 2);  // g is a log move, h a model move
  CHECK(kinds(*fx.wf, alignment_deviations(*fx.wf, paid)) == "skipped-step:h unexpected-step:g");
  // The loop through f is gone too: five of the nine events synchronise
  // with a, b, d, e, h, and the other four are log moves.
  CHECK(aligner.align(trace(*fx.wf, {"a", "b", "d", "e", "f", "b", "d", "e", "h"})).cost == 4);
}

TEST_CASE("an open case is aligned with a prefix and not blamed for what is ahead", "[align]") {
  Fixture fx;
  const Alignment open = fx.run({"a", "b", "d"}, true);
  CHECK(open.cost == 0);
  CHECK(alignment_deviations(*fx.wf, open).empty());
  CHECK(open.fitness == Approx(1.0));
  const Alignment closed = fx.run({"a", "b", "d"});
  CHECK(closed.cost == 2);  // e and an outcome
  CHECK(kinds(*fx.wf, alignment_deviations(*fx.wf, closed)) == "skipped-step:e skipped-step:g");
  // Behind an open case a missing step still counts.
  const Alignment gap = fx.run({"a", "b", "e", "h"}, true);
  CHECK(gap.cost == 1);
  CHECK(kinds(*fx.wf, alignment_deviations(*fx.wf, gap)) == "skipped-step:d");
  CHECK(gap.fitness == Approx(1.0 - 1.0 / 9));
  // An open case with nothing matching: every event a log move.
  CHECK(fx.run({"zz", "g"}, true).cost == 2);
}

TEST_CASE("deviations name what the alignment shows", "[align]") {
  Fixture fx;
  CHECK(kinds(*fx.wf, alignment_deviations(*fx.wf, fx.run({"a", "b", "e", "h"}))) == "skipped-step:d");
  CHECK(kinds(*fx.wf, alignment_deviations(*fx.wf, fx.run({"a", "b", "fax", "d", "e", "h"}))) == "unknown-activity:?");
  const auto twice = alignment_deviations(*fx.wf, fx.run({"a", "b", "d", "e", "h", "h"}));
  CHECK(kinds(*fx.wf, twice) == "unexpected-step:h");
  CHECK((twice[0].event == 4U || twice[0].event == 5U));  // either h may be the one too many
  // Decided before the request was even registered: only e's log and model
  // moves align it at cost 2 (a, b and d before e would cost 6).
  const auto early = alignment_deviations(*fx.wf, fx.run({"e", "a", "b", "d", "h"}));
  CHECK(kinds(*fx.wf, early) == "out-of-order:e");
  REQUIRE(early.size() == 1);
  CHECK(early[0].event == 0U);
  CHECK(early[0].expected_at == 4U);
  CHECK(to_string(DeviationKind::step_too_long) == "step-too-long");
}

TEST_CASE("past the state limit a case has no cost", "[align]") {
  Fixture fx;
  const Alignment a = fx.aligner.align(trace(*fx.wf, {"h", "g", "f", "e", "d", "c", "b", "a"}), {false, 10});
  CHECK(a.status == AlignmentStatus::limit_reached);
  CHECK(a.moves.empty());
  CHECK(fx.aligner.align(trace(*fx.wf, {"a", "b", "d", "e", "h"}), {false, 100'000}).cost == 0);  // and the next is fine
}

TEST_CASE("a workflow without a complete run has nothing to align with", "[align]") {
  // a's AND split never meets: e waits for both b and c, which exclude each other.
  const auto wf = load(workflow_json(
      R"({"id": "s", "name": "Start", "kind": "start"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"},
         {"id": "e", "name": "Slut", "kind": "end", "join": "and"})",
      edges({"s>b", "s>c", "b>e", "c>e"})));
  const CaseRestriction every_run(*wf);
  const AlignmentNet net(*wf, every_run);
  CHECK_FALSE(net.cheapest_complete_run());
  CHECK(align(net, trace(*wf, {"s", "b"})).status == AlignmentStatus::no_complete_run);
}
