#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <set>

using namespace baton;
using namespace baton::test;

namespace {
std::string ident(std::string_view id) {
  std::string s(id);
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}
}  // namespace

TEST_CASE("registry: every check of checks.md, sorted, each with documentation and tests", "[registry]") {
  const std::filesystem::path root = BATON_SOURCE_DIR;
  std::vector<std::string> ids;
  for (const Check* c : all_checks()) {
    ids.emplace_back(c->id);
    INFO(c->id);
    CHECK(find_check(c->id) == c);
    CHECK_FALSE(c->summary.empty());
    CHECK(c->run != nullptr);
    CHECK(std::filesystem::exists(root / "docs" / "checks" / (std::string(c->id) + ".md")));
    const auto test_file = root / "tests" / "checks" / (ident(c->id) + ".cpp");
    REQUIRE(std::filesystem::exists(test_file));
    // A test file that names its check's tag: the must-fire and must-not-fire cases.
    std::ifstream in(test_file);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    CHECK(text.find("[" + std::string(c->id) + "]") != std::string::npos);
  }
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(ids.size() == 28);
  CHECK(find_check("no-such-check") == nullptr);
}

TEST_CASE("registry: every check id in checks.md is registered", "[registry]") {
  std::ifstream in(std::filesystem::path(BATON_SOURCE_DIR) / ".." / "shared" / "spec" / "checks.md");
  if (!in) return;  // the contracts live beside the repository, not in it
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  for (std::size_t pos = text.find("| `"); pos != std::string::npos; pos = text.find("| `", pos + 1)) {
    const auto end = text.find('`', pos + 3);
    const std::string id = text.substr(pos + 3, end - pos - 3);
    if (text.compare(end + 1, 2, " |") != 0 || id.find(' ') != std::string::npos) continue;
    if (id == "rule" || id == "pointer" || id == "severity" || id == "message" || id == "steps" ||
        id == "transitions" || id == "requirement" || id == "case_type" || id == "witness")
      continue;  // the finding's fields, not checks
    INFO(id);
    CHECK(find_check(id) != nullptr);
  }
}

namespace {
void throws(CheckContext&, std::vector<Finding>&) { throw std::runtime_error("boom"); }
void reports(CheckContext&, std::vector<Finding>& out) {
  out.push_back({"unused-team", "/teams/0", Severity::info, "m", {}, {}, "", "", {}});
}
constexpr Check throwing{"deadlock", Severity::error, "throws", &throws};
constexpr Check reporting{"unused-team", Severity::info, "reports", &reports};
}  // namespace

TEST_CASE("runner: a check that throws becomes a finding and the others still run", "[registry]") {
  auto wf = load(two_step_json("", ""));
  const Check* list[] = {&throwing, &reporting};
  auto report = run_checks(*wf, {}, list);
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].rule == "internal-error");
  CHECK(report.findings[0].message.find("deadlock") != std::string::npos);
  CHECK(report.findings[0].message.find("boom") != std::string::npos);
  CHECK(report.findings[1].rule == "unused-team");
}

TEST_CASE("runner: unknown rule ids and levels in options are refused", "[registry]") {
  auto wf = load(two_step_json("", ""));
  CheckOptions o;
  o.only = {"no-such-rule"};
  CHECK_THROWS_AS(run_checks(*wf, o), OptionError);
  CHECK_THROWS_AS(parse_rule_list("unused-team,nope"), OptionError);
  CHECK_THROWS_AS(parse_severity_list("unused-team=fatal"), OptionError);
  CHECK_THROWS_AS(parse_severity_list("unused-team"), OptionError);
  CHECK(parse_rule_list(" unused-team , deadlock ") == std::vector<std::string>{"unused-team", "deadlock"});
  CHECK(parse_severity_list("deadlock=info").at("deadlock") == Severity::info);
}

TEST_CASE("runner: the same input gives the same findings in the same order", "[registry]") {
  auto wf = load_fixture("every-member.json");
  CheckOptions o;
  o.today = Date::parse("2026-11-24");
  CHECK(run_checks(*wf, o).findings == run_checks(*wf, o).findings);
}
