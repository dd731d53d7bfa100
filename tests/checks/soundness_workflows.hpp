// Small workflows the soundness checks (deadlock, lack-of-synchronization)
// are tried on: the two classic mistakes, and correct shapes that look alike.
#pragma once

#include "../support.hpp"

#include <string>

namespace baton::test::soundness {

// Start -> Visitation (split) -> two branches -> Samlet vurdering (join) -> End.
inline std::string split_join(const std::string& split, const std::string& join) {
  return workflow_json(R"({"id": "s", "name": "Start", "kind": "start"},
      {"id": "x", "name": "Visitation", "split": ")" + split + R"("},
      {"id": "a", "name": "Børnesamtale"}, {"id": "b", "name": "Forældresamtale"},
      {"id": "j", "name": "Samlet vurdering", "join": ")" + join + R"("},
      {"id": "e", "name": "Slut", "kind": "end"})",
                       R"({"from": "s", "to": "x"}, {"from": "x", "to": "a"}, {"from": "x", "to": "b"},
      {"from": "a", "to": "j"}, {"from": "b", "to": "j"}, {"from": "j", "to": "e"})");
}

// A rework loop around an AND block: the decision may send the case back.
inline const std::string and_block_in_loop = workflow_json(
    R"({"id": "s", "name": "Start", "kind": "start"}, {"id": "u", "name": "Modtag"},
      {"id": "x", "name": "Fordel", "split": "and"}, {"id": "a", "name": "Undersøg"}, {"id": "b", "name": "Indhent"},
      {"id": "j", "name": "Saml", "join": "and"}, {"id": "d", "name": "Godkend", "kind": "decision"},
      {"id": "e", "name": "Slut", "kind": "end"})",
    R"({"from": "s", "to": "u"}, {"from": "u", "to": "x"}, {"from": "x", "to": "a"}, {"from": "x", "to": "b"},
      {"from": "a", "to": "j"}, {"from": "b", "to": "j"}, {"from": "j", "to": "d"},
      {"from": "d", "to": "u", "label": "afvist"}, {"from": "d", "to": "e", "label": "godkendt"})");

// A rework loop on a single step.
inline const std::string rework_loop = workflow_json(
    R"({"id": "s", "name": "Start", "kind": "start"}, {"id": "a", "name": "Udarbejd"},
      {"id": "d", "name": "Godkend", "kind": "decision"}, {"id": "e", "name": "Slut", "kind": "end"})",
    R"({"from": "s", "to": "a"}, {"from": "a", "to": "d"}, {"from": "d", "to": "a"}, {"from": "d", "to": "e"})");

// Two branches that run concurrently and each end at its own end step.
inline const std::string two_ends_on_and_branches = workflow_json(
    R"({"id": "s", "name": "Start", "kind": "start", "split": "and"}, {"id": "a", "name": "Afgørelse"},
      {"id": "b", "name": "Journalisering"}, {"id": "e1", "name": "Slut, borger", "kind": "end"},
      {"id": "e2", "name": "Slut, arkiv", "kind": "end"})",
    R"({"from": "s", "to": "a"}, {"from": "s", "to": "b"}, {"from": "a", "to": "e1"}, {"from": "b", "to": "e2"})");

// Correct shapes, none of which has a deadlock or a lack of synchronization.
inline const std::string sound_workflows[] = {split_join("and", "and"), split_join("xor", "xor"), rework_loop,
                                              and_block_in_loop, two_ends_on_and_branches};

}  // namespace baton::test::soundness
