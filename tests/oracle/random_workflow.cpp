#include "random_workflow.hpp"

#include <boost/json.hpp>

#include <set>
#include <vector>

namespace json = boost::json;

namespace baton::test {
namespace {

class Builder {
 public:
  Builder(std::mt19937& rng, const RandomOptions& o) : rng_(rng), o_(o) {}

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  int add_step(const std::string& kind, const std::string& join = "xor", const std::string& split = "xor") {
    const int i = static_cast<int>(steps_.size());
    json::object s{{"id", "s" + std::to_string(i)}, {"name", "Trin " + std::to_string(i)}, {"kind", kind},
                   {"join", join}, {"split", split}};
    if (kind != "start" && kind != "end") decorate(s, kind);
    steps_.push_back(std::move(s));
    return i;
  }

  void edge(int from, int to) {
    if (from == to && !chance(0.5)) return;
    if (!pairs_.insert({from, to}).second) return;
    edges_.push_back({from, to});
    transitions_.push_back(json::object{{"from", id(from)}, {"to", id(to)}, {"label", "t" + std::to_string(transitions_.size())}});
  }

  // A block between a fresh entry and exit step; returns {entry, exit}.
  std::pair<int, int> block(int depth) {
    const int r = depth >= 3 || budget_ <= 1 ? 0 : pick(0, 3);
    if (r == 0 || budget_ <= 1) {  // one step
      --budget_;
      const int s = add_step(work_kind());
      return {s, s};
    }
    if (r == 3) {  // rework loop: body, then a decision that may go back
      auto [in, out] = block(depth + 1);
      --budget_;
      const int decide = add_step("decision");
      edge(out, decide);
      edge(decide, in);
      return {in, decide};
    }
    const std::string gate = r == 1 ? "xor" : "and";
    budget_ -= 2;
    const int split = add_step(work_kind(), "xor", gate);
    const int join = add_step(work_kind(), gate, "xor");
    const int branches = pick(2, 3);
    for (int b = 0; b < branches && budget_ > 0; ++b) {
      auto [in, out] = block(depth + 1);
      edge(split, in);
      edge(out, join);
    }
    if (gate == "xor" && chance(0.3)) edge(split, join);  // an empty branch
    return {split, join};
  }

  std::string structured() {
    budget_ = pick(1, o_.max_steps);
    const int start = add_step("start");
    auto [in, out] = block(0);
    const int end = add_step("end");
    edge(start, in);
    edge(out, end);
    return finish();
  }

  std::string unstructured() {
    const int n = pick(1, o_.max_steps);
    const int start = add_step("start");
    for (int i = 0; i < n; ++i)
      add_step(work_kind(), chance(0.3) ? "and" : "xor", chance(0.3) ? "and" : "xor");
    const int end = add_step("end");
    if (chance(0.2)) add_step("end");
    const int count = static_cast<int>(steps_.size());
    // A forward tree makes every step reachable; extra edges, some backwards,
    // make joins and loops.
    for (int i = 1; i < count; ++i) {
      if (i == end + 1 || i == end) edge(pick(1, n), i);
      else edge(pick(start, i - 1), i);
    }
    for (int k = pick(0, n + 1); k > 0; --k) edge(pick(1, n), pick(1, count - 1));
    for (int i = 1; i <= n; ++i)
      if (!has_out(i)) edge(i, end);
    return finish();
  }

 private:
  std::string id(int i) const { return "s" + std::to_string(i); }
  std::string artifact() { return "a" + std::to_string(pick(0, o_.artifacts - 1)); }
  std::string work_kind() {
    const int r = pick(0, 5);
    return r == 0 ? "control" : r == 1 ? "decision" : "task";
  }
  bool has_out(int i) const {
    for (auto& [f, t] : pairs_)
      if (f == i) return true;
    return false;
  }

  json::array some_artifacts(double p) {
    std::set<std::string> chosen;
    for (int a = 0; a < o_.artifacts; ++a)
      if (chance(p)) chosen.insert("a" + std::to_string(a));
    return json::array(chosen.begin(), chosen.end());
  }

  void decorate(json::object& s, const std::string& kind) {
    s["team"] = chance(0.5) ? "t0" : "t1";
    s["reads"] = some_artifacts(0.3);
    s["writes"] = some_artifacts(0.25);
    json::array checks;
    const int n = kind == "control" ? pick(1, 2) : (chance(0.15) ? 1 : 0);
    static const char* aspects[] = {"*", "x", "y"};
    std::set<std::pair<std::string, std::string>> seen;
    for (int k = 0; k < n; ++k) {
      auto c = std::make_pair(artifact(), std::string(aspects[pick(0, 2)]));
      if (seen.insert(c).second) checks.push_back(json::object{{"artifact", c.first}, {"aspect", c.second}});
    }
    if (!checks.empty()) s["checks"] = std::move(checks);
    if (chance(0.5)) s["it"] = json::object{{"system", chance(0.5) ? "sys0" : "sys1"}, {"records", some_artifacts(0.3)}};
    if (chance(0.8)) s["duration"] = "P" + std::to_string(pick(1, 20)) + "D";
    if (chance(0.3)) s["tags"] = json::array{"tag" + std::to_string(pick(0, 2))};
  }

  std::string finish() {
    json::object w{{"baton", 1}, {"id", "random"}, {"name", "Tilfældig"}};
    w["teams"] = json::array{json::object{{"id", "t0"}, {"name", "Team 0"}}, json::object{{"id", "t1"}, {"name", "Team 1"}}};
    w["systems"] = json::array{json::object{{"id", "sys0"}, {"name", "DUBU"}}, json::object{{"id", "sys1"}, {"name", "Økonomi"}}};
    json::array artifacts;
    for (int a = 0; a < o_.artifacts; ++a)
      artifacts.push_back(json::object{{"id", "a" + std::to_string(a)}, {"name", "Artefakt " + std::to_string(a)}});
    w["artifacts"] = std::move(artifacts);
    if (o_.case_types) add_case_type(w);
    w["steps"] = json::array(steps_.begin(), steps_.end());
    w["transitions"] = std::move(transitions_);
    return json::serialize(w);
  }

  // A case type choosing the first outgoing transition at some XOR splits
  // with two or more ways out.
  void add_case_type(json::object& w) {
    json::object choices;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      std::vector<std::string> labels;
      for (std::size_t t = 0; t < edges_.size(); ++t)
        if (edges_[t].first == static_cast<int>(i)) labels.push_back("t" + std::to_string(t));
      if (steps_[i]["split"] == "xor" && labels.size() >= 2 && chance(0.5))
        choices[id(static_cast<int>(i))] = labels.front();
    }
    w["case_types"] = json::array{json::object{{"id", "ct"}, {"name", "Sagstype"}, {"choices", std::move(choices)}}};
  }

  std::mt19937& rng_;
  const RandomOptions& o_;
  std::vector<json::object> steps_;
  json::array transitions_;
  std::set<std::pair<int, int>> pairs_;
  std::vector<std::pair<int, int>> edges_;  // in transition order
  int budget_ = 0;
};

}  // namespace

std::string random_workflow(std::mt19937& rng, const RandomOptions& options) {
  Builder b(rng, options);
  return options.structured ? b.structured() : b.unstructured();
}

}  // namespace baton::test
