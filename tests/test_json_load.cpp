// The loader against every load-error rule of workflow-format.md. Most cases
// are one edit of tests/fixtures/every-member.json (a document that uses every
// member once): the edit breaks one rule, and the error must name exactly that
// place and say what is wrong.
#include "support.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace json = boost::json;
using baton::LoadError;
using Catch::Matchers::Contains;

namespace {

std::string fixture_text(const std::string& relative) {
  std::ifstream in(std::string(BATON_FIXTURES) + "/" + relative, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// One change to every-member.json: `value` (JSON text) is put at `pointer`,
// or, when empty, the member there is removed. An array index one past the
// end appends.
struct Edit {
  std::string pointer, value;
};

std::string edited(const Edit& edit) {
  json::value doc = json::parse(fixture_text("every-member.json"));
  const auto slash = edit.pointer.rfind('/');
  json::value& parent = slash == 0 ? doc : doc.at_pointer(edit.pointer.substr(0, slash));
  const std::string key = edit.pointer.substr(slash + 1);
  if (parent.is_array()) {
    json::array& a = parent.get_array();
    const std::size_t i = std::stoul(key);
    if (i == a.size()) a.push_back(json::parse(edit.value));
    else a.at(i) = json::parse(edit.value);
  } else if (edit.value.empty()) {
    REQUIRE(parent.get_object().erase(key) == 1);
  } else {
    parent.get_object()[key] = json::parse(edit.value);
  }
  return json::serialize(doc);
}

// An edit that breaks one rule: the error's pointer (`at`; empty: the edit's
// own pointer) and a fragment of its message.
struct Refusal {
  Edit edit;
  std::string says;
  std::string at;
};

void require_refused(const std::vector<Refusal>& table) {
  for (const Refusal& r : table) {
    const std::string expected_pointer = r.at.empty() ? r.edit.pointer : r.at;
    INFO("edit " << r.edit.pointer << " = " << r.edit.value.substr(0, 80));
    try {
      baton::test::load(edited(r.edit));
      FAIL_CHECK("loaded; expected the error: " << r.says);
    } catch (const LoadError& e) {
      CHECK(e.kind() == LoadError::Kind::invalid);
      CHECK(e.pointer() == expected_pointer);
      CHECK(e.line() == 0);
      CHECK(e.column() == 0);
      CHECK_THAT(e.message(), Contains(r.says));
    }
  }
}

void require_loads(const std::vector<Edit>& edits) {
  for (const Edit& edit : edits) {
    INFO("edit " << edit.pointer << " = " << edit.value);
    CHECK_NOTHROW(baton::test::load(edited(edit)));
  }
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// The error of loading `text`, which must fail.
LoadError error_of(const std::string& text) {
  try {
    baton::test::load(text);
  } catch (const LoadError& e) {
    return e;
  }
  FAIL("loaded, but should have been refused");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("every-member.json loads as it is", "[load]") {
  CHECK_NOTHROW(baton::test::load_fixture("every-member.json"));
}

TEST_CASE("a missing required member is named at every level", "[load]") {
  const char* pointers[] = {
      "/baton", "/id", "/name", "/steps", "/transitions",
      "/steps/1/id", "/steps/1/name", "/transitions/1/from", "/transitions/1/to",
      "/requirements/0/id", "/requirements/0/text", "/requirements/0/rule/type",
      "/requirements/1/rule/steps", "/requirements/2/rule/first", "/requirements/0/rule/then",
      "/case_types/0/id", "/case_types/0/name", "/follow_up/0/id", "/follow_up/0/question",
      "/teams/1/id", "/teams/1/name", "/systems/0/id", "/systems/0/name",
      "/artifacts/1/id", "/artifacts/1/name", "/templates/0/id", "/templates/0/name",
      "/steps/3/checks/1/artifact", "/transitions/1/handover/responsible/team"};
  std::vector<Refusal> table;
  for (const std::string p : pointers)
    table.push_back({{p, ""}, "the required member \"" + p.substr(p.rfind('/') + 1) + "\" is missing"});
  require_refused(table);
}

TEST_CASE("a member of the wrong type is refused", "[load]") {
  require_refused({
      {{"/name", "5"}, "must be a string, not a number"},
      {{"/description", "[]"}, "must be a string, not an array"},
      {{"/steps", "{}"}, "must be an array, not an object"},
      {{"/steps/1", R"("modtag")"}, "must be an object, not a string"},
      {{"/transitions", "null"}, "must be an array, not null"},
      {{"/teams", R"({"id": "x"})"}, "must be an array, not an object"},
      {{"/teams/0/roles", R"("radgiver")"}, "must be an array, not a string"},
      {{"/teams/0/roles/0", "true"}, "must be a string, not a boolean"},
      {{"/steps/1/team", "1"}, "must be a string, not a number"},
      {{"/steps/2/reads", R"("underretning")"}, "must be an array, not a string"},
      {{"/steps/2/reads/0", "7"}, "must be a string, not a number"},
      {{"/steps/1/tags/0", "{}"}, "must be a string, not an object"},
      {{"/steps/1/it", R"("DUBU")"}, "must be an object, not a string"},
      {{"/steps/3/checks/0", R"("vurdering")"}, "must be an object, not a string"},
      {{"/steps/3/checks/0/aspect", "1"}, "must be a string, not a number"},
      {{"/steps/1/duration", "24"}, "must be a string, not a number"},
      {{"/transitions/1/label", "false"}, "must be a string, not a boolean"},
      {{"/transitions/1/handover", R"("mundtligt")"}, "must be an object, not a string"},
      {{"/transitions/1/handover/responsible", R"("modtagelse")"}, "must be an object, not a string"},
      {{"/requirements/0/rule", R"("response")"}, "must be an object, not a string"},
      {{"/requirements/0/rule/first", R"(["modtag"])"}, "must be a string, not an array"},
      {{"/requirements/1/case_types", R"("akut")"}, "must be an array, not a string"},
      {{"/case_types/0/choices", "[]"}, "must be an object, not an array"},
      {{"/case_types/0/choices/vurder", "1"}, "must be a string, not a number"},
      {{"/follow_up/0/every_days", R"("90")"}, "must be a whole number, not a string"},
      {{"/follow_up/0/every_days", "1.5"}, "must be a whole number, not a decimal number"},
      {{"/review", "[]"}, "must be an object, not an array"},
      {{"/review/interval_days", "true"}, "must be a whole number, not a boolean"},
      {{"/review/last_reviewed", "20260115"}, "must be a string, not a number"},
  });
}

TEST_CASE("an unknown enum value is refused with the allowed values", "[load]") {
  require_refused({
      {{"/steps/1/kind", R"("subprocess")"},
       R"("subprocess" is not one of "start", "task", "control", "decision", "gateway", "end")"},
      {{"/steps/2/join", R"("or")"}, R"("or" is not one of "xor", "and")"},
      {{"/steps/2/split", R"("XOR")"}, R"("XOR" is not one of "xor", "and")"},
      {{"/requirements/0/rule/type", R"("absence")"},
       R"("absence" is not one of "existence", "precedence", "response")"},
  });
}

TEST_CASE("a bad id is refused, wherever it is written", "[load]") {
  const std::string too_long(129, 'x');
  require_refused({
      {{"/steps/1/id", R"("modtag sag")"}, R"("modtag sag" is not a valid id (1 to 128 characters)"},
      {{"/steps/1/id", quoted(too_long)}, "is not a valid id"},
      {{"/steps/1/id", R"("")"}, R"("" is not a valid id)"},
      {{"/steps/1/id", R"("børn")"}, R"("børn" is not a valid id)"},
      {{"/id", R"("min arbejdsgang")"}, "is not a valid id"},
      {{"/teams/0/id", R"("a/b")"}, "is not a valid id"},
      {{"/steps/1/team", R"("mod tagelse")"}, "is not a valid id"},
      {{"/steps/2/reads/0", R"("æ")"}, "is not a valid id"},
  });
  // The limits themselves are fine.
  const std::string longest(128, 'x');
  require_loads({{"/teams/3", R"({"id": ")" + longest + R"(", "name": "Længst"})"},
                 {"/teams/3", R"({"id": "A.z_0-9", "name": "Alle tegn"})"}});
}

TEST_CASE("a duplicate id within one list is refused, in every list", "[load]") {
  require_refused({
      {{"/teams/1/id", R"("modtagelse")"}, R"(another team already has the id "modtagelse")"},
      {{"/systems/1/id", R"("dubu")"}, R"(another system already has the id "dubu")"},
      {{"/artifacts/1/id", R"("underretning")"}, R"(another artifact already has the id "underretning")"},
      {{"/templates/1/id", R"("kvittering")"}, R"(another template already has the id "kvittering")"},
      {{"/requirements/1/id", R"("r24")"}, R"(another requirement already has the id "r24")"},
      {{"/steps/2/id", R"("modtag")"}, R"(another step already has the id "modtag")"},
      {{"/case_types/1/id", R"("akut")"}, R"(another case type already has the id "akut")"},
      {{"/follow_up/1/id", R"("f1")"}, R"(another follow-up point already has the id "f1")"},
  });
  // Ids are unique within their own list only.
  require_loads({{"/teams/3", R"({"id": "modtag", "name": "Samme id som et trin"})"}});
}

TEST_CASE("a dangling reference of every kind is refused", "[load]") {
  const std::string nobody = R"("nobody")";
  require_refused({
      {{"/steps/1/team", nobody}, R"(no team has the id "nobody")"},
      {{"/steps/2/reads/0", nobody}, R"(no artifact has the id "nobody")"},
      {{"/steps/1/writes/0", nobody}, R"(no artifact has the id "nobody")"},
      {{"/steps/3/checks/0/artifact", nobody}, R"(no artifact has the id "nobody")"},
      {{"/steps/1/it/system", nobody}, R"(no system has the id "nobody")"},
      {{"/steps/1/it/records/0", nobody}, R"(no artifact has the id "nobody")"},
      {{"/steps/1/templates/0", nobody}, R"(no template has the id "nobody")"},
      {{"/steps/2/satisfies/0", nobody}, R"(no requirement has the id "nobody")"},
      {{"/templates/0/system", nobody}, R"(no system has the id "nobody")"},
      {{"/transitions/1/from", nobody}, R"(no step has the id "nobody")"},
      {{"/transitions/1/to", nobody}, R"(no step has the id "nobody")"},
      {{"/transitions/1/handover/responsible/team", nobody}, R"(no team has the id "nobody")"},
      {{"/requirements/1/case_types/0", nobody}, R"(no case type has the id "nobody")"},
      {{"/case_types/0/choices/nobody", R"("akut")"}, R"(no step has the id "nobody")"},
      {{"/follow_up/0/steps/0", nobody}, R"(no step has the id "nobody")"},
      {{"/review/owner", nobody}, R"(no team has the id "nobody")"},
  });
}

TEST_CASE("a role needs a team, and one of the team's roles when it lists them", "[load]") {
  require_refused({
      {{"/steps/1/team", ""}, R"(a role needs a team: step "modtag" has a role but no team)", "/steps/1/role"},
      {{"/steps/2/role", R"("chef")"}, R"(team "myndighed" has no role "chef")"},
      {{"/transitions/1/handover/responsible/role", R"("leder")"}, R"(team "modtagelse" has no role "leder")"},
  });
  // A team without a roles list accepts any role.
  require_loads({{"/steps/1/team", R"("okonomi")"},
                 {"/transitions/1/handover/responsible", R"({"team": "okonomi", "role": "bogholder"})"}});
}

TEST_CASE("only format version 1, as the integer 1, is read", "[load]") {
  require_refused({
      {{"/baton", "2"}, "format version 2 is not supported; this baton reads version 1"},
      {{"/baton", "0"}, "format version 0 is not supported"},
      {{"/baton", "18446744073709551615"}, "format version 18446744073709551615 is not supported"},
      {{"/baton", R"("1")"}, "must be the integer 1 (the format version), not a string"},
      {{"/baton", "1.0"}, "must be the integer 1 (the format version), not a decimal number"},
  });
}

TEST_CASE("the structural rules of steps and transitions", "[load]") {
  require_refused({
      {{"/steps", "[]"}, "a workflow needs at least one step"},
      {{"/steps/0/kind", ""}, R"(no step has kind "start"; a workflow has exactly one)", "/steps"},
      {{"/steps/4/kind", R"("start")"}, R"(a second start step ("start" is one); a workflow has exactly one)"},
      {{"/steps/4/kind", R"("task")"}, R"(no step has kind "end"; a workflow needs at least one)", "/steps"},
      {{"/transitions/5", R"({"from": "kontrol", "to": "start"})"},
       R"(start step "start" cannot have an incoming transition)", "/transitions/5/to"},
      {{"/transitions/5", R"({"from": "slut", "to": "kontrol"})"},
       R"(end step "slut" cannot have an outgoing transition)", "/transitions/5/from"},
      {{"/steps/3/checks", ""}, R"(control step "kontrol" must say what it checks)"},
      {{"/steps/3/checks", "[]"}, R"(control step "kontrol" must say what it checks)"},
      {{"/transitions/5", R"({"from": "vurder", "to": "slut", "label": "igen"})"},
       R"(a second transition from "vurder" to "slut")"},
      {{"/transitions/3/label", R"("akut")"}, R"(two transitions leave "vurder" with the label "akut")"},
  });
  // Checks on any kind of step; a label repeated on transitions leaving
  // different steps; no transitions at all.
  require_loads({{"/steps/1/checks", R"([{"artifact": "underretning"}])"}, {"/transitions/4/label", R"("videre")"}});
  CHECK_NOTHROW(baton::test::load(baton::test::workflow_json(
      R"({"id": "s", "name": "S", "kind": "start"}, {"id": "e", "name": "E", "kind": "end"})", "")));
}

TEST_CASE("a gateway only routes: every member that describes work is refused", "[load][gateway]") {
  const std::vector<std::pair<std::string, std::string>> work = {
      {"team", R"("myndighed")"}, {"role", R"("leder")"},     {"description", R"("x")"},
      {"reads", "[]"},            {"writes", "[]"},           {"checks", R"([{"artifact": "underretning"}])"},
      {"it", "{}"},               {"templates", "[]"},        {"satisfies", "[]"},
      {"duration", R"("PT0S")"}};
  std::vector<Refusal> table;
  for (const auto& [member, value] : work)
    table.push_back({{"/steps/5", R"({"id": "g", "name": "Fordeling", "kind": "gateway", ")" + member + "\": " + value + "}"},
                     R"(gateway "g" only routes and can have no ")" + member + "\"",
                     "/steps/5/" + member});
  require_refused(table);
  // Routing members, tags and a case-type choice at a gateway's XOR split are fine.
  const auto wf = baton::test::load(baton::test::workflow_json(
      baton::test::between_start_and_end(
          {baton::test::step("g", "Fordeling", R"(, "kind": "gateway", "join": "xor", "split": "xor", "tags": ["x"])"),
           baton::test::step("a", "A"), baton::test::step("b", "B")}),
      baton::test::edges({"s>g", "a>e", "b>e"}) + R"(, {"from": "g", "to": "a", "label": "akut"}, {"from": "g", "to": "b"})",
      R"(, "case_types": [{"id": "c", "name": "C", "choices": {"g": "akut"}}])"));
  CHECK(wf->step(1).kind == baton::StepKind::gateway);
  CHECK_FALSE(wf->step(1).is_work());
  REQUIRE(wf->case_types()[0].choices.size() == 1);
  CHECK(wf->case_types()[0].choices[0].step == 1);
}

TEST_CASE("requirement rules: selectors must match and only a response has a deadline", "[load]") {
  require_refused({
      {{"/requirements/1/rule/steps", R"("nowhere")"},
       R"(the selector "nowhere" matches no step (by id, tag or satisfied requirement))"},
      {{"/requirements/2/rule/then", R"("nowhere")"}, R"(the selector "nowhere" matches no step)"},
      {{"/requirements/0/rule/first", R"("")"}, R"(the selector "" matches no step)"},
      {{"/requirements/2/rule/within", R"("P1D")"}, R"(only a response rule has a deadline ("within"))"},
      {{"/requirements/1/rule/within", R"("P1D")"}, R"(only a response rule has a deadline ("within"))"},
      {{"/requirements/0/rule/within", R"("24 timer")"}, R"("24 timer" is not an ISO 8601 duration)"},
  });
  // A selector matches by step id, by tag and by satisfied requirement.
  require_loads({{"/requirements/1/rule/steps", R"("kontrol")"},
                 {"/requirements/1/rule/steps", R"("modtagelse")"},
                 {"/requirements/1/rule/steps", R"("r24")"}});
}

TEST_CASE("a case type chooses only at an XOR split, among its transitions", "[load]") {
  require_refused({
      {{"/case_types/0/choices/modtag", R"("vurder")"}, R"(step "modtag" is no XOR split)"},
      {{"/steps/2/split", R"("and")"}, R"(step "vurder" is no XOR split)", "/case_types/0/choices/vurder"},
      {{"/case_types/0/choices/vurder", R"("maybe")"},
       R"(no transition leaves "vurder" with the label or target "maybe")"},
      {{"/case_types/0/choices/vurder", R"("modtag")"},
       R"(no transition leaves "vurder" with the label or target "modtag")"},
  });
  // By label ("akut") or by target step id ("kontrol").
  require_loads({{"/case_types/2/choices", R"({"vurder": "kontrol"})"}});
}

TEST_CASE("durations, dates and day counts are checked", "[load]") {
  const std::string not_duration = "is not an ISO 8601 duration such as \"PT24H\" or \"P4M\"";
  const std::string not_date = "is not a date YYYY-MM-DD";
  require_refused({
      {{"/steps/1/duration", R"("P1.5D")"}, R"("P1.5D" )" + not_duration},
      {{"/steps/1/duration", R"("10 dage")"}, not_duration},
      {{"/steps/1/duration", R"("P")"}, not_duration},
      {{"/steps/1/duration", R"("PT")"}, not_duration},
      {{"/steps/1/duration", R"("P1H")"}, not_duration},
      {{"/steps/1/duration", R"("P-1D")"}, not_duration},
      {{"/review/last_reviewed", R"("2026-02-30")"}, R"("2026-02-30" )" + not_date},
      {{"/review/last_reviewed", R"("15-01-2026")"}, not_date},
      {{"/review/last_reviewed", R"("2026-1-5")"}, not_date},
      {{"/follow_up/0/every_days", "0"}, "must be at least 1"},
      {{"/follow_up/0/every_days", "-7"}, "must be at least 1"},
      {{"/follow_up/0/every_days", "18446744073709551615"}, "number too large"},
      {{"/review/interval_days", "0"}, "must be at least 1"},
      {{"/review/interval_days", "-365"}, "must be at least 1"},
  });
  require_loads({{"/steps/1/duration", R"("P1Y2M3W4DT5H6M7S")"}, {"/review/last_reviewed", R"("2024-02-29")"}});
}

TEST_CASE("unknown members are ignored at every level", "[load]") {
  json::value doc = json::parse(fixture_text("every-member.json"));
  // Every object gets a member this version does not know, except `choices`,
  // whose keys are step ids.
  std::vector<json::value*> todo{&doc};
  while (!todo.empty()) {
    json::value* v = todo.back();
    todo.pop_back();
    if (v->is_array()) {
      for (json::value& item : v->get_array()) todo.push_back(&item);
    } else if (v->is_object()) {
      // Added before the members are visited: adding moves them.
      v->get_object()["x-future"] = json::parse(R"({"nested": [1, "two", {"kind": "unheard-of"}]})");
      for (auto& [key, member] : v->get_object())
        if (key != "choices" && key != "x-future") todo.push_back(&member);
    }
  }
  const auto extended = baton::test::load(json::serialize(doc));
  CHECK(*extended == *baton::test::load_fixture("every-member.json"));
}

// --- syntax and hostile input ------------------------------------------------

TEST_CASE("a syntax error names line and column, counted in characters", "[load]") {
  struct Syntax {
    std::string text;
    int line, column;
    std::string says;
  };
  const Syntax table[] = {
      // After "æøå", the column in bytes would be 20.
      {"{\"baton\": 1,\n  \"name\": \"æøå\" x}", 2, 17, "JSON syntax error"},
      {"hello", 1, 1, "JSON syntax error"},
      {"{\"baton\": 1,\n\n   \"id\": tru}", 3, 10, "JSON syntax error"},  // the start of the bad literal
      {"{\"baton\": 1, \"id\": \"t\",}", 1, 24, "JSON syntax error"},
      {"{\"baton\": 1,\n \"id\": \"t\"", 2, 11, "JSON syntax error"},
      {"{\"baton\": 1} {}", 1, 14, "JSON syntax error"},
      {"\xEF\xBB\xBF{\"baton\": 1 x}", 1, 13, "JSON syntax error"},  // the BOM is no column
      {std::string("{\"baton\": 1,\0 \"id\": \"t\"}", 24), 1, 13, "JSON syntax error"},
      {std::string("{\"name\": \"a\0b\"}", 15), 1, 12, "JSON syntax error"},
      {"{\"name\": \"B\xF8rn\"}", 1, 12, "invalid UTF-8"},
      {"{\"name\": \"æ\xC3\"}", 1, 12, "invalid UTF-8"},
  };
  for (const Syntax& s : table) {
    INFO("text: " << s.text);
    const LoadError e = error_of(s.text);
    CHECK(e.kind() == LoadError::Kind::parse);
    CHECK(e.pointer().empty());
    CHECK(e.line() == s.line);
    CHECK(e.column() == s.column);
    CHECK_THAT(e.message(), Contains(s.says));
    CHECK(e.place() == "test.json:" + std::to_string(s.line) + ":" + std::to_string(s.column));
  }
}

TEST_CASE("an empty file and a top-level non-object are refused", "[load]") {
  for (const std::string text : {"", "  \n\t ", "\xEF\xBB\xBF"}) {
    const LoadError e = error_of(text);
    CHECK(e.kind() == LoadError::Kind::parse);
    CHECK(e.line() == 1);
    CHECK(e.column() == 1);
    CHECK_THAT(e.message(), Contains("the file is empty"));
  }
  const LoadError array = error_of("\n  [{\"baton\": 1}]");
  CHECK(array.kind() == LoadError::Kind::invalid);
  CHECK(array.pointer().empty());
  CHECK(array.line() == 2);
  CHECK(array.column() == 3);
  CHECK(array.message() == "a workflow file must hold one JSON object, not an array");
  CHECK_THAT(error_of("\"text\"").message(), Contains("not a string"));
}

TEST_CASE("deep nesting is refused before it can exhaust the stack", "[load]") {
  const std::string deep = R"({"baton": 1, "x-deep": )" + std::string(1000, '[') + std::string(1000, ']') + "}";
  const LoadError e = error_of(deep);
  CHECK(e.kind() == LoadError::Kind::parse);
  CHECK(e.line() == 1);
  CHECK(e.column() == 87);  // the first bracket past 64 levels
  CHECK(e.message() == "JSON nested deeper than 64 levels");
}

TEST_CASE("a text over 1 MiB is refused cleanly", "[load]") {
  const std::string huge(5 << 20, 'a');
  const LoadError e = error_of(baton::test::workflow_json(
      R"({"id": "s", "name": "S", "kind": "start", "description": ")" + huge + R"("},
         {"id": "e", "name": "E", "kind": "end"})",
      R"({"from": "s", "to": "e"})"));
  CHECK(e.kind() == LoadError::Kind::invalid);
  CHECK(e.pointer() == "/steps/0/description");
  CHECK(e.message() == "text longer than 1 MiB");
}

TEST_CASE("a UTF-8 byte order mark is accepted", "[load]") {
  const std::string text = fixture_text("minimal.json");
  CHECK(*baton::test::load("\xEF\xBB\xBF" + text) == *baton::test::load(text));
}

TEST_CASE("a folder and a missing file are refused with the file's name", "[load]") {
  const std::string folder = std::string(BATON_FIXTURES) + "/bad";
  const std::string missing = std::string(BATON_FIXTURES) + "/no-such-file.json";
  struct Io {
    std::string path, says;
  };
  for (const Io& io : {Io{folder, "is a folder, not a workflow file"}, Io{missing, "cannot open the file"}}) {
    try {
      baton::load_workflow_file(io.path);
      FAIL("loaded " << io.path);
    } catch (const LoadError& e) {
      CHECK(e.kind() == LoadError::Kind::io);
      CHECK(e.file() == io.path);
      CHECK(e.message() == io.says);
      CHECK(std::string(e.what()) == e.place() + ": " + io.says);
      CHECK(e.place().rfind(io.path + ":", 0) == 0);
    }
  }
}

TEST_CASE("every fixture under bad/ is refused with a place and a message", "[load]") {
  // The place of the fixtures this file knows; others added later must at
  // least be refused for their content, not for being unreadable.
  const std::map<std::string, std::string> places = {
      {"dangling-team.json", ":/steps/1/team"},
      {"syntax-error.json", ":9:44"},
      {"version-2.json", ":/baton"},
      {"control-without-checks.json", ":/steps/1/checks"},
  };
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BATON_FIXTURES) + "/bad")) {
    const std::string path = entry.path().string(), name = entry.path().filename().string();
    INFO(path);
    try {
      baton::load_workflow_file(path);
      FAIL_CHECK("loaded");
    } catch (const LoadError& e) {
      CHECK(e.kind() != LoadError::Kind::io);
      CHECK(!e.message().empty());
      if (const auto known = places.find(name); known != places.end()) CHECK(e.place() == path + known->second);
    }
  }
}

TEST_CASE("LoadError::what() is exactly one line", "[load]") {
  const std::string newline_key = R"({"vurder\nx": "akut"})";
  const std::string texts[] = {
      edited({"/case_types/0/choices", newline_key}),   // a pointer with a newline
      edited({"/steps/1/kind", R"("line\nbreak\r")"}),  // a message quoting user text
      edited({"/baton", R"("1\n")"}),
      "{\n\"baton\":\n\n1,,}",
      "[\n]",
  };
  for (const std::string& text : texts) {
    const LoadError e = error_of(text);
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find_first_of("\r\n") == std::string::npos);
    CHECK(what == e.place() + ": " + e.message());
  }
  // The file name is part of the line too.
  try {
    baton::load_workflow("[]", "two\nlines.json");
  } catch (const LoadError& e) {
    CHECK(std::string(e.what()).find('\n') == std::string::npos);
  }
}
