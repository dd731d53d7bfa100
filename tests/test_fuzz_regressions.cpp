// Every input the fuzz targets (tests/fuzz/) found a fault with is kept under
// tests/fixtures/fuzz/ and goes through what the targets do, here through the
// C++ API: load; when it loads, write back, load again and write the same
// bytes, run every check with a small state limit, and walk every case type.
// Some also say exactly how they are refused.
#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/load.hpp>
#include <baton/walk.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace baton;

namespace {

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void exercise(const Workflow& wf) {
  const std::string first = to_json(wf);
  CHECK(to_json(*load_workflow(first, "written")) == first);
  CheckOptions options;
  options.today = Date::parse("2026-11-24");
  options.state_limit = 2000;
  CHECK_NOTHROW(run_checks(wf, options));
  for (const WalkFormat format : {WalkFormat::markdown, WalkFormat::json}) {
    CHECK_NOTHROW(walk(wf, nullptr, format));
    for (const CaseType& ct : wf.case_types()) CHECK_NOTHROW(walk(wf, &ct, format));
  }
}

}  // namespace

TEST_CASE("the inputs the fuzz targets found faults with", "[fuzz]") {
  // What each refused one must say: its place, and the start of its message.
  const std::map<std::string, std::pair<std::string, std::string>> refusals = {
      // An overlong UTF-8 sequence (E0 80 93) that the BPMN reader let
      // through, so the JSON it wrote could not be loaded again.
      {"bpmn-overlong-utf8.bpmn", {":6:63", "invalid UTF-8"}},
      // A byte that starts no UTF-8 sequence in a transition's label, which
      // the PNML reader let through in the same way (src/utf8.hpp is now the
      // one check every reader uses).
      {"pnml-invalid-utf8.pnml", {":33:22", "invalid UTF-8"}},
  };
  std::size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(BATON_FIXTURES) / "fuzz")) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    ++seen;
    try {
      const WorkflowRead read = load_workflow(bytes_of(entry.path()), name, WorkflowFormat::automatic);
      CHECK(!refusals.contains(name));
      exercise(*read.workflow);
    } catch (const LoadError& e) {
      CHECK(e.kind() != LoadError::Kind::io);
      if (const auto known = refusals.find(name); known != refusals.end()) {
        CHECK(e.place() == name + known->second.first);
        CHECK(e.message().rfind(known->second.second, 0) == 0);
      }
    }
  }
  CHECK(seen >= refusals.size());
}

TEST_CASE("UTF-8 that RFC 3629 forbids is refused in BPMN and PNML as in JSON", "[fuzz][bpmn]") {
  const std::string head = R"(<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name=")";
  for (const std::string bad : {"\xE0\x80\x93", "\xC0\xAF", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
                                "\xF8\x88\x80\x80\x80", "\xFF"}) {
    INFO(bad.size() << " bytes");
    const std::string doc = head + bad + R"("><startEvent id="s"/></process></definitions>)";
    try {
      load_workflow(doc, "t.bpmn", WorkflowFormat::bpmn);
      FAIL_CHECK("loaded");
    } catch (const LoadError& e) {
      CHECK(e.message() == "invalid UTF-8 in the file");
    }
    CHECK_THROWS_AS(load_workflow(R"({"baton": 1, "id": "x", "name": ")" + bad + "\"}", "t.json"), LoadError);
    const std::string pnml = R"(<?xml version="1.0"?><pnml><net id="n"><page id="p"><place id=")" + bad + R"("/></page></net></pnml>)";
    try {
      load_workflow(pnml, "t.pnml", WorkflowFormat::automatic);
      FAIL_CHECK("loaded");
    } catch (const LoadError& e) {
      CHECK(e.message() == "invalid UTF-8 in the file");
    }
  }
}
