#include "generator.hpp"

#include <algorithm>
#include <random>
#include <string_view>
#include <vector>

namespace baton::bench {
namespace {

struct TeamInfo {
  std::string_view id, name;
  bool has_roles;
};
constexpr TeamInfo teams[] = {{"modtagelse", "Modtagelsen", true},
                              {"myndighed", "Myndighedsafdelingen", true},
                              {"udfoerer", "Udførerenheden", true},
                              {"okonomi", "Økonomi", false},
                              {"jura", "Juridisk kontor", true}};
constexpr std::size_t team_count = std::size(teams);
constexpr std::string_view roles[] = {"radgiver", "leder"};
constexpr std::string_view step_names[] = {
    "Vurdér sagen", "Indhent oplysninger", "Børnesamtale", "Partshøring", "Journalisér notat",
    "Tværfagligt møde", "Børnefaglig undersøgelse", "Bevilling af støtte", "Opfølgning på indsats",
    "Lederens godkendelse"};
constexpr std::string_view durations[] = {"PT2H", "PT24H", "P1D", "P3D", "P1W", "P10D", "P1M"};

// Nesting of blocks inside one top-level block; bounds the recursion and
// keeps each block small, so size comes from the length of the sequence.
constexpr int max_depth = 3;

class Generator {
 public:
  Generator(std::size_t steps, std::uint64_t seed) : rng_(seed), budget_(steps > 5 ? steps - 5 : 0) {}

  std::string run() {
    out_ += R"({"baton":1,"id":"generated","name":"Syntetisk arbejdsgang – underretninger, æøå §",)"
            R"("version":"2026.1","language":"da","description":"Genereret til målinger.",)"
            R"("review":{"last_reviewed":"2026-01-15","interval_days":365,"owner":"myndighed"},)";
    write_teams();
    out_ += R"(,"systems":[{"id":"dubu","name":"DUBU"},{"id":"eco","name":"Økonomisystem"}],)"
            R"("templates":[{"id":"partshoring","name":"Brev om partshøring","system":"dubu"},)"
            R"({"id":"notat","name":"Notat"}],)"
            R"("requirements":[)"
            R"({"id":"krav-modtagelse","text":"Underretningen registreres","source":"Barnets Lov § 133",)"
            R"("rule":{"type":"existence","steps":"modtagelse"}},)"
            R"({"id":"krav-orden","text":"Modtagelse før afgørelse",)"
            R"("rule":{"type":"precedence","first":"modtagelse","then":"afgoerelse"}},)"
            R"({"id":"krav-frist","text":"Afslutning senest 10 dage efter afgørelsen","source":"Barnets Lov § 20",)"
            R"("rule":{"type":"response","first":"afgoerelse","then":"afslutning","within":"P10D"}},)"
            R"({"id":"krav-journal","text":"Notater journaliseres 🗂","case_types":["akut"]}],)"
            R"("steps":[)";
    const std::size_t start = add_step("start", "Underretning modtaget");
    const std::size_t intake = add_work_step("task", "modtagelse");
    edge(start, intake);
    std::size_t last = intake;
    while (budget_ > 0) {  // the sequence of top-level blocks: a loop, not recursion
      const Block b = block(0);
      link(last, b.in);
      last = b.out;
    }
    const std::size_t decide = add_work_step("decision", "afgoerelse");
    const std::size_t close = add_work_step("task", "afslutning");
    const std::size_t end = add_step("end", "Sagen afsluttet");
    link(last, decide);
    edge(decide, close);
    edge(close, end);
    out_ += R"(],"transitions":[)";
    out_ += transitions_;
    transitions_ = std::string();
    out_ += R"(],"artifacts":[)";
    for (std::size_t a = 0; a <= artifact_; ++a) {
      if (a > 0) out_ += ',';
      out_ += R"({"id":"a)" + std::to_string(a) + R"(","name":"Dokument )" + std::to_string(a) +
              (a % 3 == 0 ? R"(","kind":"document"})" : R"("})");
    }
    out_ += R"(],"case_types":[{"id":"standard","name":"Standardsag","choices":{)" + standard_choices_ +
            R"(}},{"id":"akut","name":"Akut underretning","description":"Barnet er i fare","choices":{)" +
            akut_choices_ + "}}],";
    out_ += R"("follow_up":[{"id":"opf-frist","question":"Afsluttes sagerne inden for fristen?","steps":["s)" +
            std::to_string(decide) + R"(","s)" + std::to_string(close) +
            R"("],"every_days":90,"source":"Barnets Lov § 20"},{"id":"opf-samtale","question":"Holdes børnesamtalen?"}]})";
    return std::move(out_);
  }

 private:
  struct Block {
    std::size_t in, out;
  };
  struct Owner {
    int team = -1, role = -1;  // indices into teams / roles; -1 for none
  };

  std::uint64_t below(std::uint64_t n) { return rng_() % n; }  // portable, unlike std::*_distribution
  bool chance(unsigned percent) { return below(100) < percent; }
  // Inner blocks still get their step when the budget is spent: "about N".
  void spend(std::size_t n) { budget_ -= std::min(budget_, n); }

  void write_teams() {
    out_ += R"("teams":[)";
    for (const TeamInfo& t : teams) {
      if (&t != teams) out_ += ',';
      out_ += R"({"id":")" + std::string(t.id) + R"(","name":")" + std::string(t.name) + '"';
      if (t.has_roles) out_ += R"(,"roles":["radgiver","leder"])";
      out_ += '}';
    }
    out_ += ']';
  }

  static void id(std::string& out, std::size_t step) {
    out += "\"s";
    out += std::to_string(step);
    out += '"';
  }

  static void member(std::string& out, std::string_view key, std::string_view value) {
    out += ",\"";
    out += key;
    out += "\":\"";
    out += value;
    out += '"';
  }

  // Opens a step object; the caller adds members and closes it.
  std::size_t open_step(std::string_view kind, std::string_view name) {
    const std::size_t i = owners_.size();
    if (i > 0) out_ += ',';
    out_ += R"({"id":)";
    id(out_, i);
    out_ += R"(,"name":")";
    out_ += name;
    if (kind != "start" && kind != "end") out_ += ' ' + std::to_string(i);
    out_ += '"';
    if (kind != "task") member(out_, "kind", kind);
    owners_.emplace_back();
    loop_decision_.push_back(false);
    return i;
  }

  std::size_t add_step(std::string_view kind, std::string_view name) {
    const std::size_t i = open_step(kind, name);
    out_ += '}';
    return i;
  }

  // Teams work in runs of consecutive steps, so handovers happen now and then.
  Owner next_owner() {
    if (team_run_ == 0) {
      team_ = static_cast<int>(below(team_count));
      team_run_ = 1 + below(12);
    }
    --team_run_;
    return {team_, teams[team_].has_roles ? static_cast<int>(below(std::size(roles))) : -1};
  }

  std::string artifact(std::size_t a) const { return "[\"a" + std::to_string(a) + "\"]"; }

  std::size_t add_work_step(std::string_view kind, std::string_view tag = {}, std::string_view join = "xor",
                            std::string_view split = "xor") {
    const std::size_t i = open_step(kind, step_names[below(std::size(step_names))]);
    const Owner owner = next_owner();
    owners_[i] = owner;
    if (chance(70)) member(out_, "description", "Sagsbehandleren gør det, vejledningen beskriver for trinnet.");
    member(out_, "team", teams[owner.team].id);
    if (owner.role >= 0) member(out_, "role", roles[owner.role]);
    if (join != "xor") member(out_, "join", join);
    if (split != "xor") member(out_, "split", split);
    if (chance(15)) ++artifact_;
    if (artifact_ > 0 && chance(50)) out_ += ",\"reads\":" + artifact(artifact_ - 1);
    if (chance(50)) out_ += ",\"writes\":" + artifact(artifact_);
    if (kind == "control" || chance(5))
      out_ += R"(,"checks":[{"artifact":"a)" + std::to_string(artifact_) + R"(","aspect":"faglighed"}])";
    if (chance(35))
      out_ += R"(,"it":{"system":")" + std::string(chance(80) ? "dubu" : "eco") +
              R"(","function":"Journalisér","records":)" + artifact(artifact_) + '}';
    if (chance(10)) out_ += chance(50) ? R"(,"templates":["partshoring"])" : R"(,"templates":["notat","partshoring"])";
    if (chance(5)) out_ += R"(,"satisfies":["krav-journal"])";
    if (!tag.empty()) out_ += R"(,"tags":[")" + std::string(tag) + "\"]";
    else if (chance(10)) out_ += R"(,"tags":["dokumentation"])";
    if (chance(90)) member(out_, "duration", durations[below(std::size(durations))]);
    out_ += '}';
    return i;
  }

  void edge(std::size_t from, std::size_t to, std::string_view label = {}) {
    if (!transitions_.empty()) transitions_ += ',';
    transitions_ += R"({"from":)";
    id(transitions_, from);
    transitions_ += R"(,"to":)";
    id(transitions_, to);
    if (!label.empty()) member(transitions_, "label", label);
    const Owner a = owners_[from], b = owners_[to];
    if (a.team >= 0 && b.team >= 0 && (a.team != b.team || a.role != b.role)) {
      transitions_ += R"(,"handover":{"how":"Sagen overdrages i DUBU med et notat","responsible":{"team":")";
      transitions_ += teams[b.team].id;
      transitions_ += b.role >= 0 ? R"(","role":"leder"}})" : R"("}})";
    }
    transitions_ += '}';
  }

  // An edge in sequence: leaving a rework decision it is the way forward.
  void link(std::size_t from, std::size_t to) { edge(from, to, loop_decision_[from] ? "godkendt" : ""); }

  static void choose(std::string& choices, std::size_t step, std::string_view written) {
    if (!choices.empty()) choices += ',';
    id(choices, step);
    choices += ":\"";
    choices += written;
    choices += '"';
  }

  Block block(int depth) {
    const std::uint64_t shape = depth >= max_depth || budget_ < 4 ? 0 : below(5);
    if (shape == 3) return rework(depth);
    if (shape == 4) return branches(depth, "and");
    if (shape == 2) return branches(depth, "xor");
    spend(1);
    const std::size_t s = add_work_step(chance(12) ? "control" : "task");
    return {s, s};
  }

  // Body, then a decision that sends the case back for rework or on.
  Block rework(int depth) {
    const Block body = block(depth + 1);
    spend(1);
    const std::size_t decide = add_work_step("decision");
    link(body.out, decide);
    edge(decide, body.in, "omgør");
    loop_decision_[decide] = true;
    choose(standard_choices_, decide, "godkendt");
    return {body.in, decide};
  }

  // An XOR block (a decision between branches, one maybe empty) or an AND
  // block (branches in parallel).
  Block branches(int depth, std::string_view gate) {
    spend(2);
    const bool xor_gate = gate == "xor";
    const std::size_t split = add_work_step(xor_gate ? "decision" : "task", {}, "xor", gate);
    const std::size_t count = 2 + below(2);
    std::vector<Block> inner;
    for (std::size_t k = 0; k < count; ++k) inner.push_back(block(depth + 1));
    const std::size_t join = add_work_step("task", {}, gate, "xor");
    for (std::size_t k = 0; k < count; ++k) {
      edge(split, inner[k].in, xor_gate ? "spor " + std::to_string(k + 1) : "");
      link(inner[k].out, join);
    }
    if (xor_gate) {
      if (chance(30)) edge(split, join, "ingen handling");
      std::string target = "s" + std::to_string(inner[0].in);
      choose(akut_choices_, split, target);
    }
    return {split, join};
  }

  std::mt19937_64 rng_;
  std::size_t budget_;
  std::string out_, transitions_, standard_choices_, akut_choices_;
  std::vector<Owner> owners_;       // per step
  std::vector<bool> loop_decision_;  // per step: a rework decision
  int team_ = 0;
  std::uint64_t team_run_ = 0;
  std::size_t artifact_ = 0;  // the artifact steps are writing now
};

}  // namespace

std::string generate_workflow(std::size_t steps, std::uint64_t seed) { return Generator(steps, seed).run(); }

}  // namespace baton::bench
