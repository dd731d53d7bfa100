#include "soundness_workflows.hpp"

#include "../oracle/oracle.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("deadlock: an AND-join after an XOR-split waits for the branch not taken", "[checks][deadlock]") {
  const auto wf = load(soundness::split_join("xor", "and"));
  auto found = run_check(*wf, "deadlock");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/steps/4");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"j"});
  CHECK(found[0].message.find("Samlet vurdering") != std::string::npos);
  CHECK(found[0].transitions == std::vector<std::pair<std::string, std::string>>{{"b", "j"}});
  CHECK(found[0].message.find("from \u201CForældresamtale\u201D") != std::string::npos);
  CHECK(found[0].witness == std::vector<std::string>{"s", "x", "a"});
  CHECK(Oracle(*wf).replays(found[0].witness));
}

TEST_CASE("deadlock: each waiting AND-join is reported once, in step order", "[checks][deadlock]") {
  // The same mistake on two concurrent branches; the final join gets no
  // token at all, so nothing waits there.
  auto found = run_check(workflow_json(R"({"id": "s", "name": "Start", "kind": "start", "split": "and"},
      {"id": "x1", "name": "Vælg 1"}, {"id": "a1", "name": "A1"}, {"id": "b1", "name": "B1"},
      {"id": "j1", "name": "Saml 1", "join": "and"},
      {"id": "x2", "name": "Vælg 2"}, {"id": "a2", "name": "A2"}, {"id": "b2", "name": "B2"},
      {"id": "j2", "name": "Saml 2", "join": "and"},
      {"id": "j", "name": "Saml alt", "join": "and"}, {"id": "e", "name": "Slut", "kind": "end"})",
                                       R"({"from": "s", "to": "x1"}, {"from": "s", "to": "x2"},
      {"from": "x1", "to": "a1"}, {"from": "x1", "to": "b1"}, {"from": "a1", "to": "j1"}, {"from": "b1", "to": "j1"},
      {"from": "x2", "to": "a2"}, {"from": "x2", "to": "b2"}, {"from": "a2", "to": "j2"}, {"from": "b2", "to": "j2"},
      {"from": "j1", "to": "j"}, {"from": "j2", "to": "j"}, {"from": "j", "to": "e"})"),
                         "deadlock");
  REQUIRE(found.size() == 2);
  CHECK(found[0].steps == std::vector<std::string>{"j1"});
  CHECK(found[1].steps == std::vector<std::string>{"j2"});
}

TEST_CASE("deadlock: correct blocks, loops and several end steps are not reported", "[checks][deadlock]") {
  for (const std::string& json : soundness::sound_workflows) {
    INFO(json);
    CHECK(run_check(json, "deadlock").empty());
  }
}

TEST_CASE("deadlock: the join a waiting branch belongs to waits too", "[checks][deadlock]") {
  // An AND block whose second branch holds the XOR-then-AND mistake.
  auto found = run_check(workflow_json(R"({"id": "s", "name": "Start", "kind": "start", "split": "and"},
      {"id": "p", "name": "Partshøring"}, {"id": "x", "name": "Vælg"}, {"id": "a", "name": "A"},
      {"id": "b", "name": "B"}, {"id": "w", "name": "Saml", "join": "and"},
      {"id": "j", "name": "Afgørelse", "join": "and"}, {"id": "e", "name": "Slut", "kind": "end"})",
                                       R"({"from": "s", "to": "p"}, {"from": "s", "to": "x"},
      {"from": "x", "to": "a"}, {"from": "x", "to": "b"}, {"from": "a", "to": "w"}, {"from": "b", "to": "w"},
      {"from": "p", "to": "j"}, {"from": "w", "to": "j"}, {"from": "j", "to": "e"})"),
                         "deadlock");
  REQUIRE(found.size() == 2);
  CHECK(found[0].steps == std::vector<std::string>{"w"});
  CHECK(found[0].transitions == std::vector<std::pair<std::string, std::string>>{{"b", "w"}});
  CHECK(found[1].steps == std::vector<std::string>{"j"});
  CHECK(found[1].transitions == std::vector<std::pair<std::string, std::string>>{{"w", "j"}});
}

TEST_CASE("deadlock: a state limit too small leaves it to analysis-limit", "[checks][deadlock]") {
  CheckOptions options;
  options.only = {"deadlock", "lack-of-synchronization", "analysis-limit"};
  options.today = Date::parse("2026-11-24");
  options.state_limit = 2;
  const auto report = run_checks(*load(soundness::split_join("xor", "and")), options);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].rule == "analysis-limit");
  CHECK(report.findings[0].message.find("deadlock, lack-of-synchronization") != std::string::npos);
}
