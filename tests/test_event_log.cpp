// The event-log readers against shared/spec/event-logs.md "Event logs": XES
// (plain and gzip) and CSV, every rule on the fixtures under
// tests/fixtures/logs/, and every kind of bad input refused with its place,
// or skipped and counted when lenient.
#include <baton/event_log.hpp>
#include <baton/time.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using baton::LoadError;
using baton::LogCase;
using baton::LogReadOptions;
using baton::Lifecycle;
using Catch::Matchers::Contains;

namespace {

std::string logs(const std::string& name) { return std::string(BATON_FIXTURES) + "/logs/" + name; }

// UTC milliseconds of a date and time of day.
std::int64_t utc(const char* day, int h, int m, int s = 0, int ms = 0) {
  const auto d = baton::Date::parse(day);
  REQUIRE(d);
  return ((d->days_since_epoch() * 24 + h) * 60 + m) * 60000LL + s * 1000LL + ms;
}

std::vector<std::string> activities(const LogCase& c) {
  std::vector<std::string> out;
  for (const auto& e : c.events) out.push_back(e.activity);
  return out;
}

baton::EventLog csv(const std::string& text, LogReadOptions options = {}) {
  options.format = baton::LogFormat::csv;
  return baton::load_log(text, "test.csv", options);
}

// The one-line message of the LoadError reading throws.
template <class F>
std::string error_of(F&& read) {
  try {
    read();
  } catch (const LoadError& e) {
    return e.what();
  }
  FAIL("no LoadError");
  return {};
}

}  // namespace

TEST_CASE("XES: traces are cases, events read by their standard keys and ordered by time", "[event-log][xes]") {
  const auto log = baton::load_log_file(logs("small.xes"));
  REQUIRE(log.cases.size() == 2);
  CHECK(log.stats.cases == 2);
  CHECK(log.stats.events == 5);
  CHECK(log.stats.skipped.empty());

  const LogCase& s1 = log.cases[0];
  CHECK(s1.id == "S-1");
  CHECK(s1.case_type == "akut");
  CHECK(s1.closed);
  CHECK(s1.line == 16);
  // Sorted by time; the two events at 10:00 UTC keep their file order.
  CHECK(activities(s1) == std::vector<std::string>{"Underretning modtaget", "Vurdering", "Vurdering", "Notat"});
  CHECK(s1.events[0].time_ms == utc("2026-03-02", 8, 15));
  CHECK(s1.events[0].resource == "sekretær");      // the meta-attribute under it is ignored
  CHECK(s1.events[0].team == "modtagelse");        // the global default
  CHECK(s1.events[0].lifecycle == Lifecycle::complete);  // the global default
  CHECK(s1.events[0].line == 28);
  CHECK(s1.events[1].time_ms == utc("2026-03-02", 9, 0, 0, 250));  // +01:00, fractions of a second
  CHECK(s1.events[1].lifecycle == Lifecycle::start);
  CHECK(s1.events[1].team == "myndighed");  // its own value beats the default
  CHECK(s1.events[2].time_ms == utc("2026-03-02", 10, 0));
  CHECK(s1.events[2].lifecycle == Lifecycle::complete);
  CHECK(s1.events[3].lifecycle == Lifecycle::other);  // "schedule": read, no occurrence

  const LogCase& s2 = log.cases[1];
  CHECK(s2.id == "S-2");
  CHECK(s2.case_type.empty());
  CHECK_FALSE(s2.closed);
  CHECK(s2.events.size() == 1);
  CHECK(s2.events[0].time_ms == utc("2026-07-01", 7, 0));
}

TEST_CASE("XES: gzip is told by its bytes, not the name, and reads the same", "[event-log][xes]") {
  const auto plain = baton::load_log_file(logs("small.xes"));
  const auto packed = baton::load_log_file(logs("small.xes.gz"));
  CHECK(packed.cases == plain.cases);
  std::ifstream in(logs("small.xes.gz"), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  CHECK(baton::load_log(bytes.str(), "memory").cases == plain.cases);
  // Two gzip members in a row are one stream (small.csv cut in two).
  CHECK(baton::load_log_file(logs("small-two-members.csv.gz")).cases == baton::load_log_file(logs("small.csv")).cases);
}

TEST_CASE("XES: cases are handed over one by one as their traces end", "[event-log][xes]") {
  std::vector<std::string> seen;
  const auto stats = baton::read_log_file(logs("small.xes"), {}, [&](LogCase&& c) { seen.push_back(c.id); });
  CHECK(seen == std::vector<std::string>{"S-1", "S-2"});
  CHECK(stats.events == 5);
}

TEST_CASE("XES: a classifier the log declares gives the activity", "[event-log][xes]") {
  LogReadOptions options;
  options.classifier = "Activity and resource";
  options.lenient = true;  // "Notat" has no org:resource, so no activity under this classifier
  const auto log = baton::load_log_file(logs("small.xes"), options);
  CHECK(activities(log.cases[0]) ==
        std::vector<std::string>{"Underretning modtaget+sekretær", "Vurdering+rådgiver 7", "Vurdering+rådgiver 7"});
  CHECK(log.stats.skipped.at("no activity") == 2);  // Notat, and S-2's only event

  options.lenient = false;
  CHECK_THAT(error_of([&] { baton::load_log_file(logs("small.xes"), options); }),
             Contains("small.xes:42:5: the event has no \"org:resource\" (its activity)"));
  options.classifier = "Nope";
  CHECK_THAT(error_of([&] { baton::load_log_file(logs("small.xes"), options); }),
             Contains("declares no classifier \"Nope\" (it declares \"Activity\", \"Activity and resource\")"));
}

TEST_CASE("XES: a classifier key's global default counts", "[event-log][xes]") {
  const std::string xes =
      "<log><global scope=\"event\"><string key=\"kind\" value=\"auto\"/></global>"
      "<classifier name=\"Kind\" keys=\"concept:name kind\"/>"
      "<trace><string key=\"concept:name\" value=\"c\"/>"
      "<event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2026-01-01T00:00:00Z\"/></event>"
      "<event><string key=\"concept:name\" value=\"B\"/><string key=\"kind\" value=\"manual\"/>"
      "<date key=\"time:timestamp\" value=\"2026-01-02T00:00:00Z\"/></event></trace></log>";
  LogReadOptions options;
  options.classifier = "Kind";
  CHECK(activities(baton::load_log(xes, "k.xes", options).cases.at(0)) ==
        std::vector<std::string>{"A+auto", "B+manual"});
}

TEST_CASE("XES: the case type is read from the trace attribute the option names", "[event-log][xes]") {
  LogReadOptions options;
  options.case_type_attribute = "cost";
  const auto log = baton::load_log_file(logs("small.xes"), options);
  CHECK(log.cases[0].case_type == "12");
}

TEST_CASE("XES: bad input is refused with file, line, column and what is wrong", "[event-log][xes][bad]") {
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/unclosed.xes")); }),
             Contains("unclosed.xes:6:1: not well-formed XML: no element found"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/entity-bomb.xes")); }),
             Contains("entity-bomb.xes:2:15: a document type declaration (DTD) is not allowed"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/external-entity.xes")); }),
             Contains("external-entity.xes:2:15: a document type declaration (DTD) is not allowed"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/not-xes.xes")); }),
             Contains("not-xes.xes:2:1: not an XES log: the root element is <definitions>, not <log>"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/bad-timestamp.xes")); }),
             Contains("bad-timestamp.xes:4:5: the time:timestamp \"2026-02-30T10:00:00+01:00\" is no xs:dateTime"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/duplicate-case.xes")); }),
             Contains("duplicate-case.xes:3:3: a second trace with the case id \"S-1\""));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/cut.xes.gz")); }),
             Contains("cut.xes.gz:: the gzip data ends early"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("no-such-file.xes")); }), Contains("cannot open the file"));
  CHECK_THAT(error_of([] { baton::load_log("<log><trace></event></trace>", "x.xes"); }),
             Contains("x.xes:1:15: not well-formed XML: mismatched tag"));
  CHECK_THAT(error_of([] { baton::load_log("", "empty.xes", {baton::LogFormat::xes}); }),
             Contains("empty.xes:1:1: not well-formed XML: no element found"));
}

TEST_CASE("XES: lenient skips unreadable events and counts them per reason", "[event-log][xes][bad]") {
  LogReadOptions options;
  options.lenient = true;
  const auto log = baton::load_log_file(logs("bad/bad-timestamp.xes"), options);
  REQUIRE(log.cases.size() == 1);
  CHECK(activities(log.cases[0]) == std::vector<std::string>{"B"});
  CHECK(log.stats.skipped == std::map<std::string, std::uint64_t>{
                                 {"unreadable timestamp", 1}, {"no activity", 1}, {"no timestamp", 1}});
  const auto dup = baton::load_log_file(logs("bad/duplicate-case.xes"), options);
  CHECK(dup.cases.size() == 1);
  CHECK(dup.stats.skipped.at("duplicate case id") == 1);  // the second trace's one event
  // Well-formedness is never lenient: nothing is half read.
  CHECK_THROWS_AS(baton::load_log_file(logs("bad/unclosed.xes"), options), LoadError);
}

TEST_CASE("XES: an element too long for any log is refused, memory stays bounded", "[event-log][xes][bad]") {
  std::string huge = "<log><trace><string key=\"concept:name\" value=\"";
  huge.append(40u << 20, 'x');
  huge += "\"/></trace></log>";
  CHECK_THAT(error_of([&] { baton::load_log(huge, "huge.xes"); }), Contains("huge.xes:1:1: an element"));
}

TEST_CASE("XES: timestamps out of range or malformed are no timestamps", "[event-log][xes][bad]") {
  for (const char* bad : {"10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-01-01T24:00:00Z",
                          "2026-01-01T10:00:00+15:00", "2026-01-01T10:00:00 +01:00", "2026-1-1T10:00:00Z",
                          "2026-01-01T10:00:00.Z", "yesterday"}) {
    const std::string xes = std::string("<log><trace><string key=\"concept:name\" value=\"c\"/><event>") +
                            "<string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"" + bad +
                            "\"/></event></trace></log>";
    CAPTURE(bad);
    CHECK_THAT(error_of([&] { baton::load_log(xes, "t.xes"); }), Contains("is no xs:dateTime"));
  }
}

TEST_CASE("CSV: quoted fields, embedded line breaks, BOM, separator detection", "[event-log][csv]") {
  const auto log = baton::load_log_file(logs("semicolon.csv"));
  REQUIRE(log.cases.size() == 2);
  const LogCase& s1 = log.cases[0];
  CHECK(s1.id == "S-1");
  CHECK(s1.case_type == "akut");
  CHECK(activities(s1) == std::vector<std::string>{"Underretning modtaget", "Vurdering \"24 timer\""});
  CHECK(s1.events[0].time_ms == utc("2026-03-02", 8, 15));  // Copenhagen, winter: +01:00
  CHECK(s1.events[1].time_ms == utc("2026-03-02", 11, 0));
  CHECK(s1.events[1].team == "myndighed\r\nteam");
  CHECK(s1.events[1].line == 4);
  const LogCase& s2 = log.cases[1];
  CHECK(activities(s2) == std::vector<std::string>{"Underretning; modtaget"});
  CHECK(s2.events[0].time_ms == utc("2026-07-01", 7, 0));
  CHECK(s2.events[0].line == 3);
}

TEST_CASE("CSV: the default column names, rows of a case anywhere, gzip", "[event-log][csv]") {
  const auto log = baton::load_log_file(logs("small.csv"));
  REQUIRE(log.cases.size() == 2);
  const LogCase& s1 = log.cases[0];
  CHECK(s1.closed);
  CHECK(activities(s1) == std::vector<std::string>{"Underretning modtaget", "Vurdering", "Note\nover two lines"});
  CHECK(s1.events[0].resource == "sekretær");
  CHECK(s1.events[0].team == "modtagelse");
  CHECK(s1.events[2].line == 5);
  CHECK(log.cases[1].events[0].time_ms == utc("2026-07-01", 7, 0));  // summer: +02:00
  CHECK(baton::load_log_file(logs("small.csv.gz")).cases == log.cases);
}

TEST_CASE("CSV: columns named by options, a given separator", "[event-log][csv]") {
  LogReadOptions options;
  options.case_column = "sag";
  options.activity_column = "aktivitet";
  options.timestamp_column = "tidspunkt";
  const auto log = baton::load_log_file(logs("tab.csv"), options);
  REQUIRE(log.cases.size() == 1);
  CHECK(log.cases[0].events[0].activity == "Start");

  options = {};
  options.separator = '|';
  const auto piped = csv("case_id|activity|timestamp|lifecycle\nA|X, Y|2026-01-05T10:00Z|START\n", options);
  CHECK(piped.cases[0].events[0].activity == "X, Y");
  CHECK(piped.cases[0].events[0].lifecycle == Lifecycle::start);
  CHECK(piped.cases[0].events[0].time_ms == utc("2026-01-05", 10, 0));
}

TEST_CASE("CSV: Copenhagen summer time, including the hours skipped and repeated", "[event-log][csv][time]") {
  const auto log = csv(
      "case_id,activity,timestamp\n"
      "a,before spring,2026-03-29 01:30\n"
      "b,skipped hour,2026-03-29 02:30\n"
      "c,after spring,2026-03-29 03:30\n"
      "d,before autumn,2026-10-25 01:30\n"
      "e,repeated hour,2026-10-25 02:30\n"
      "f,after autumn,2026-10-25 03:30\n"
      "g,date only,2026-06-15\n"
      "h,with seconds,2026-06-15T12:00:30.5\n");
  REQUIRE(log.cases.size() == 8);
  auto at = [&](std::size_t i) { return log.cases[i].events[0].time_ms; };
  CHECK(at(0) == utc("2026-03-29", 0, 30));   // CET, +01:00
  CHECK(at(1) == utc("2026-03-29", 1, 30));   // does not exist: read with +01:00, i.e. 03:30 summer time
  CHECK(at(2) == utc("2026-03-29", 1, 30));   // CEST, +02:00
  CHECK(at(3) == utc("2026-10-24", 23, 30));  // CEST
  CHECK(at(4) == utc("2026-10-25", 0, 30));   // twice: the earlier, still summer time
  CHECK(at(5) == utc("2026-10-25", 2, 30));   // CET
  CHECK(at(6) == utc("2026-06-14", 22, 0));   // midnight, summer time
  CHECK(at(7) == utc("2026-06-15", 10, 0, 30, 500));

  LogReadOptions options;
  options.time_zone = "UTC";
  CHECK(csv("case_id,activity,timestamp\na,x,2026-06-15 12:00\n", options).cases[0].events[0].time_ms ==
        utc("2026-06-15", 12, 0));
  options.time_zone = "Europe/Atlantis";
  CHECK_THAT(error_of([&] { csv("case_id,activity,timestamp\n", options); }),
             Contains("the time zone \"Europe/Atlantis\" is not an IANA time zone"));
}

TEST_CASE("CSV: bad input names the file, row and column", "[event-log][csv][bad]") {
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/bad-rows.csv")); }),
             Contains("bad-rows.csv:3:1: the row has 2 fields, the header has 3"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/unclosed-quote.csv")); }),
             Contains("unclosed-quote.csv:2:2: a quoted field is not closed"));
  CHECK_THAT(error_of([] { baton::load_log_file(logs("bad/missing-column.csv")); }),
             Contains("missing-column.csv:1:1: no activity column (looked for \"concept:name\" or \"activity\"; name "
                      "it with an option); the header has \"case\", \"what\", \"when\""));
  LogReadOptions options;
  options.resource_column = "who";
  CHECK_THAT(error_of([&] { baton::load_log_file(logs("small.csv"), options); }),
             Contains("no column \"who\" (the resource column)"));
  CHECK_THAT(error_of([] { csv("case_id,activity,timestamp\nS-1,A,2026-03-01 25:00\n"); }),
             Contains("test.csv:2:3: column \"timestamp\" \"2026-03-01 25:00\" is no ISO 8601 timestamp"));
  CHECK_THAT(error_of([] { csv("case_id,activity,timestamp\n,A,2026-03-01\n"); }),
             Contains("test.csv:2:1: column \"case_id\" is empty: the row has no case id"));
  CHECK_THAT(error_of([] { csv("case_id,activity,timestamp\nS,A\"B,2026-03-01\n"); }),
             Contains("test.csv:2:2: a quote inside an unquoted field"));
  CHECK_THAT(error_of([] { csv("case_id,activity,timestamp\nS,\"A\"B,2026-03-01\n"); }),
             Contains("test.csv:2:2: text after the closing quote"));
  CHECK_THAT(error_of([] { csv("case_id,activity,timestamp\nS,\xff\xfe,2026-03-01\n"); }),
             Contains("test.csv:2:2: column \"activity\" is not UTF-8 text"));
  // Found by the CSV fuzz target: a NUL in a case id cut the ids a C host reads short.
  CHECK_THAT(error_of([] { csv(std::string("case_id,activity,timestamp\n\0S-1,A,2026-03-01\n", 45)); }),
             Contains("test.csv:2:1: column \"case_id\" holds a NUL byte"));
  CHECK_THAT(error_of([] { csv(""); }), Contains("test.csv:1:1: the CSV file is empty"));
  std::string long_field = "case_id,activity,timestamp\nS,";
  long_field.append(2u << 20, 'a');
  CHECK_THAT(error_of([&] { csv(long_field); }), Contains("test.csv:2:2: a field longer than 1 MiB"));
}

TEST_CASE("CSV: lenient skips bad rows and counts them per reason", "[event-log][csv][bad]") {
  LogReadOptions options;
  options.lenient = true;
  const auto log = baton::load_log_file(logs("bad/bad-rows.csv"), options);
  REQUIRE(log.cases.size() == 2);
  CHECK(activities(log.cases[0]) == std::vector<std::string>{"A"});
  CHECK(activities(log.cases[1]) == std::vector<std::string>{"E"});
  CHECK(log.stats.events == 2);
  CHECK(log.stats.skipped ==
        std::map<std::string, std::uint64_t>{{"wrong number of fields", 1}, {"unreadable timestamp", 1}});
  // Not well-formed CSV is never lenient.
  CHECK_THROWS_AS(baton::load_log_file(logs("bad/unclosed-quote.csv"), options), LoadError);
}

TEST_CASE("Logs: the format is told by content", "[event-log]") {
  CHECK(baton::load_log(" \n<log/>", "a.csv").cases.empty());  // XML whatever the name
  CHECK(baton::load_log("\xEF\xBB\xBF<log/>", "b").cases.empty());
  CHECK(baton::load_log("case_id,activity,timestamp\n", "c.xes").cases.empty());  // CSV whatever the name
}

TEST_CASE("Logs: damaged copies of the fixtures load or are refused, never anything else", "[event-log][bad]") {
  for (const char* name : {"small.xes", "small.xes.gz", "semicolon.csv", "small.csv.gz"}) {
    std::ifstream in(logs(name), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string original = buffer.str();
    std::uint64_t state = 12345;
    auto next = [&] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return state >> 33;
    };
    for (int round = 0; round < 300; ++round) {
      std::string damaged = original;
      const int edits = 1 + static_cast<int>(next() % 4);
      for (int k = 0; k < edits; ++k) {
        const std::size_t at = next() % damaged.size();
        switch (next() % 3) {
          case 0: damaged[at] = static_cast<char>(next()); break;
          case 1: damaged.erase(at, 1 + next() % 8); break;
          default: damaged.resize(at); break;
        }
        if (damaged.empty()) damaged = "x";
      }
      for (bool lenient : {false, true}) {
        LogReadOptions options;
        options.lenient = lenient;
        try {
          baton::load_log(damaged, name, options);
        } catch (const LoadError&) {
        }
      }
    }
  }
}
