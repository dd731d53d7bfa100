// Adversarial workflows (issue 12, bounded work): small files, each under
// 64 KB, shaped to make the state-space questions as large and as many as
// they can be. The benchmark (bench_adversarial.cpp) measures every command
// on them; the tests check that the limits hold.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace baton::bench {

struct AdversarialWorkflow {
  std::string name;  // what it is made of
  std::string json;  // format v1
};

namespace detail {

// Builds one workflow file: steps and transitions added in order, with
// teams, case types and requirements around them.
class Builder {
 public:
  std::string step(const std::string& kind, const std::string& join = "", const std::string& split = "",
                   const std::string& duration = "PT1H") {
    const std::string id = "s" + std::to_string(count_++);
    steps_ += (steps_.empty() ? "" : ",\n") + std::string(R"({"id": ")") + id + R"(", "name": "Step )" + id +
              R"(", "kind": ")" + kind + R"(", "team": "t)" + std::to_string(count_ % 3) + "\"";
    if (!join.empty()) steps_ += R"(, "join": ")" + join + "\"";
    if (!split.empty()) steps_ += R"(, "split": ")" + split + "\"";
    if (kind != "start" && kind != "end" && !duration.empty()) steps_ += R"(, "duration": ")" + duration + "\"";
    steps_ += "}";
    return id;
  }
  void arc(const std::string& from, const std::string& to) {
    transitions_ += (transitions_.empty() ? "" : ",\n") + std::string(R"({"from": ")") + from + R"(", "to": ")" + to +
                    "\"}";
  }
  // A response requirement with a deadline from `first` to `then`.
  void deadline(const std::string& first, const std::string& then, const std::string& within) {
    const std::string id = "r" + std::to_string(requirements_count_++);
    requirements_ += (requirements_.empty() ? "" : ",\n") + std::string(R"({"id": ")") + id +
                     R"(", "text": "Frist )" + id + R"(", "rule": {"type": "response", "first": ")" + first +
                     R"(", "then": ")" + then + R"(", "within": ")" + within + "\"}}";
  }
  void precedence(const std::string& first, const std::string& then) {
    const std::string id = "r" + std::to_string(requirements_count_++);
    requirements_ += (requirements_.empty() ? "" : ",\n") + std::string(R"({"id": ")") + id +
                     R"(", "text": "Orden )" + id + R"(", "rule": {"type": "precedence", "first": ")" + first +
                     R"(", "then": ")" + then + "\"}}";
  }
  void case_type(const std::string& id) {
    case_types_ += (case_types_.empty() ? "" : ", ") + std::string(R"({"id": ")") + id + R"(", "name": ")" + id +
                   "\"}";
  }
  std::string json(const std::string& id) const {
    return R"({"baton": 1, "id": ")" + id + R"(", "name": ")" + id + R"(",
 "teams": [{"id": "t0", "name": "T0"}, {"id": "t1", "name": "T1"}, {"id": "t2", "name": "T2"}],
 "requirements": [)" + requirements_ + R"(],
 "steps": [)" + steps_ + R"(],
 "transitions": [)" + transitions_ + R"(],
 "case_types": [)" + case_types_ + "]}\n";
  }

 private:
  std::string steps_, transitions_, requirements_, case_types_;
  std::size_t count_ = 0, requirements_count_ = 0;
};

// An AND block of `width` branches, each a nested AND block `depth` deep
// (depth 0: a chain of two steps), from `from`; returns its join step.
inline std::string and_block(Builder& b, const std::string& from, std::size_t width, std::size_t depth) {
  const std::string split = b.step("task", "", "and");
  b.arc(from, split);
  const std::string join = b.step("task", "and", "");
  for (std::size_t i = 0; i < width; ++i) {
    std::string end;
    if (depth == 0) {
      const std::string a = b.step("task"), c = b.step("task");
      b.arc(split, a);
      b.arc(a, c);
      end = c;
    } else {
      end = and_block(b, split, width, depth - 1);
    }
    b.arc(end, join);
  }
  return join;
}

}  // namespace detail

// Unstructured joins: AND branches that cross into each other's joins
// through XOR splits, so no block reduction applies and tokens can pile up
// (lack of synchronisation), with precedence rules to judge.
inline std::string unstructured_joins(int width) {
  detail::Builder b;
  const std::string start = b.step("start");
  const std::string split = b.step("task", "", "and");
  b.arc(start, split);
  std::vector<std::string> mids, joins;
  for (int i = 0; i < width; ++i) {
    const std::string a = b.step("task", "", "xor");
    b.arc(split, a);
    mids.push_back(a);
  }
  for (int i = 0; i < width; ++i) joins.push_back(b.step("task", "xor", ""));
  for (int i = 0; i < width; ++i) {
    b.arc(mids[i], joins[i]);
    b.arc(mids[i], joins[(i + 1) % width]);
  }
  const std::string all = b.step("task", "and", "");
  for (const auto& j : joins) b.arc(j, all);
  const std::string end = b.step("end");
  b.arc(all, end);
  for (int i = 0; i + 1 < width; ++i) b.precedence(mids[i], joins[i + 1]);
  b.deadline(mids[0], all, "PT1H");
  return b.json("unstructured-" + std::to_string(width));
}

// The shapes, each under 64 KB.
inline std::vector<AdversarialWorkflow> adversarial_workflows() {
  using detail::Builder;
  std::vector<AdversarialWorkflow> out;
  {
    // A chain of wide nested AND blocks: every block alone has 3^(w*w)
    // interleavings; the chain repeats it.
    Builder b;
    std::string at = b.step("start");
    const std::string first = at;
    for (int block = 0; block < 6; ++block) at = detail::and_block(b, at, 4, 1);
    const std::string end = b.step("end");
    b.arc(at, end);
    b.deadline(first, end, "PT2H");
    out.push_back({"chain of wide nested AND blocks", b.json("and-chain")});
  }
  {
    // Many requirements with deadlines over one wide AND block, each asked
    // for several case types: hundreds of deadline searches.
    Builder b;
    const std::string start = b.step("start");
    const std::string split = b.step("task", "", "and");
    b.arc(start, split);
    const std::string join = b.step("task", "and", "");
    std::vector<std::string> firsts, thens;
    for (int i = 0; i < 12; ++i) {
      const std::string a = b.step("task"), c = b.step("task", "", "", "PT2H");
      b.arc(split, a);
      b.arc(a, c);
      b.arc(c, join);
      firsts.push_back(a);
      thens.push_back(c);
    }
    const std::string end = b.step("end");
    b.arc(join, end);
    for (int c = 0; c < 4; ++c) b.case_type("ct" + std::to_string(c));
    for (std::size_t i = 0; i < firsts.size(); ++i)
      for (std::size_t j = 0; j < thens.size(); j += 2) b.deadline(firsts[i], thens[j], "PT1H");
    out.push_back({"many requirements with deadlines", b.json("many-deadlines")});
  }
  out.push_back({"unstructured joins", unstructured_joins(14)});
  return out;
}

}  // namespace baton::bench
