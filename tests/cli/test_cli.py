"""The baton command, driven as users and CI drive it (shared/spec/cli.md)."""
import json
import os
import subprocess
import unittest

BATON = os.environ.get("BATON_CLI", "baton")
SOURCE = os.environ.get("BATON_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")


def run(*args, stdin=None):
    return subprocess.run([BATON, *args], input=stdin, capture_output=True, text=True, encoding="utf-8")


class Validate(unittest.TestCase):
    def test_valid_file(self):
        r = run("validate", os.path.join(FIXTURES, "minimal.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('valid workflow "minimal"', r.stdout)

    def test_bad_file_names_place_and_others_still_run(self):
        bad = os.path.join(FIXTURES, "bad", "dangling-team.json")
        good = os.path.join(FIXTURES, "minimal.json")
        r = run("validate", bad, good)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.strip().splitlines()[0],
                         bad + ':/steps/1/team: error: no team has the id "nobody"')
        self.assertIn('valid workflow "minimal"', r.stdout)

    def test_syntax_error_gives_line_and_column(self):
        r = run("validate", "-", stdin='{\n  "baton": 1,\n  "id" "x"\n}')
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("-:3:8: error: JSON syntax error"), r.stderr)

    def test_control_characters_never_break_the_error_line(self):
        doc = ('{"baton":1,"id":"x","name":"n","steps":[{"id":"s","name":"S","kind":"start"},'
               '{"id":"e","name":"E","kind":"end"}],"transitions":[],'
               '"case_types":[{"id":"c","name":"C","choices":{"\u00f8\\nx":"y"}}]}')
        r = run("validate", "-", stdin=doc)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, '-:/case_types/0/choices/\u00f8\\nx: error: no step has the id "\u00f8\\nx"\n')
        long_id = "\u00e6" * 200
        r = run("validate", "-", stdin='{"baton":1,"id":"%s"}' % long_id)
        self.assertEqual(len(r.stderr.splitlines()), 1)
        self.assertIn('"' + "\u00e6" * 60 + '\u2026"', r.stderr)

    def test_missing_file(self):
        r = run("validate", "/nonexistent/wf.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("/nonexistent/wf.json", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)

    def test_stdin(self):
        with open(os.path.join(FIXTURES, "minimal.json"), encoding="utf-8") as f:
            r = run("validate", "-", stdin=f.read())
        self.assertEqual(r.returncode, 0, r.stderr)


BPMN = os.path.join(FIXTURES, "bpmn", "underretning.bpmn")
TWO_PROCESSES = """<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <process id="small"><startEvent id="s"/></process>
  <process id="big"><startEvent id="s2"/><task id="t" name="Sagsbehandling"/><endEvent id="e"/>
    <sequenceFlow id="f1" sourceRef="s2" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </process>
</definitions>
"""


class Bpmn(unittest.TestCase):
    """BPMN files are told apart from JSON by content, not by name."""

    def test_validate_bpmn_by_content(self):
        r = run("validate", BPMN)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, BPMN + ': valid workflow "underretning" (5 steps, 5 transitions)\n')
        with open(BPMN, encoding="utf-8") as f:
            r = run("validate", "-", stdin=f.read())
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_notes_go_to_stderr(self):
        r = run("validate", "-", stdin=TWO_PROCESSES)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, '-: info: process "big" read; "small" not read\n')
        self.assertIn('valid workflow "big" (3 steps, 2 transitions)', r.stdout)

    def test_findings_name_line_and_column(self):
        r = run("check", BPMN, "--today", "2026-11-24")
        # The fixture's handovers between lanes have nobody responsible: errors, so exit 1.
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(BPMN + ":26:5: info: The step “Børnesamtale” has no description of what is done in it. "
                      "[undescribed-step]", r.stdout.splitlines())
        r = run("check", BPMN, "--today", "2026-11-24", "--format", "json")
        findings = json.loads(r.stdout)["results"][0]["findings"]
        undescribed = [f for f in findings if f["rule"] == "undescribed-step"][0]
        self.assertEqual((undescribed["element"], undescribed["line"], undescribed["column"]), ("samtale", 26, 5))
        self.assertEqual(undescribed["pointer"], "/steps/3")

    def test_walk_bpmn(self):
        r = run("walk", BPMN)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Børnesamtale", r.stdout)
        self.assertIn("Myndighedsrådgivning", r.stdout)

    def test_bad_bpmn_is_one_line_with_the_element(self):
        bad = TWO_PROCESSES.replace('targetRef="e"', 'targetRef="ingen"')
        r = run("validate", "-", stdin=bad)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, '-:5:57: error: sequence flow "f2" has the targetRef "ingen", which names no flow '
                                   'node of process "big" (element "f2")\n')
        r = run("check", "-", "--format", "json", stdin="<definitions/>")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(json.loads(r.stdout)["results"][0]["error"]["line"], 1)


EVERY = os.path.join(FIXTURES, "every-member.json")


class Check(unittest.TestCase):
    def test_text_lines_and_counts(self):
        r = run("check", EVERY, "--today", "2026-11-24")
        # The fixture's 24-hour deadline can be missed: one error, so status 1.
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stdout.splitlines()
        self.assertRegex(lines[-1], r"^\d+ errors?, \d+ warnings?, \d+ infos?$")
        for line in lines[:-1]:
            self.assertRegex(line, r"^.+:(/[^:]*)?: (error|warning|info): .+ \[[a-z-]+\]$")
        # The fixture's language is Danish; --lang en overrides it.
        self.assertIn(EVERY + ":/teams/2: info: Teamet »Økonomi« bruges ikke", r.stdout)
        en = run("check", EVERY, "--today", "2026-11-24", "--lang", "en")
        self.assertIn(EVERY + ":/teams/2: info: The team “Økonomi”", en.stdout)
        self.assertEqual(run("check", EVERY, "--lang", "fr").returncode, 2)

    def test_byte_identical_runs(self):
        a = run("check", EVERY, "--today", "2026-11-24", "--format", "json")
        b = run("check", EVERY, "--today", "2026-11-24", "--format", "json")
        self.assertEqual(a.stdout, b.stdout)

    def test_json_document(self):
        bad = os.path.join(FIXTURES, "bad", "dangling-team.json")
        r = run("check", EVERY, bad, "--format=json", "--today", "2026-11-24")
        self.assertEqual(r.returncode, 2)
        doc = json.loads(r.stdout)
        self.assertRegex(doc["baton"], r"^\d+\.\d+\.\d+")
        ok, failed = doc["results"]
        self.assertEqual(ok["file"], EVERY)
        self.assertEqual(ok["workflow"], "every-member")
        self.assertEqual(set(ok["counts"]), {"error", "warning", "info"})
        self.assertEqual(sum(ok["counts"].values()), len(ok["findings"]))
        for f in ok["findings"]:
            self.assertTrue({"rule", "pointer", "severity", "message"} <= set(f))
            for key in ("steps", "transitions", "requirement", "case_type", "witness"):
                if key in f:
                    self.assertTrue(f[key], "empty optional fields are left out")
        self.assertEqual(failed["error"]["pointer"], "/steps/1/team")

    def test_fail_on_and_severity(self):
        self.assertEqual(run("check", EVERY, "--fail-on", "warning").returncode, 1)
        self.assertEqual(run("check", EVERY, "--fail-on", "never").returncode, 0)
        r = run("check", EVERY, "--only", "unused-team", "--severity", "unused-team=error")
        self.assertEqual(r.returncode, 1)
        self.assertIn(": error: ", r.stdout)
        self.assertTrue(r.stdout.endswith("1 error, 0 warnings, 0 infos\n"), r.stdout)

    def test_only_and_disable(self):
        r = run("check", EVERY, "--only", "unused-team,undescribed-step")
        rules = {line.rsplit("[", 1)[1].rstrip("]") for line in r.stdout.splitlines()[:-1]}
        self.assertEqual(rules, {"unused-team", "undescribed-step"})
        r = run("check", EVERY, "--disable", "unused-team")
        self.assertNotIn("[unused-team]", r.stdout)

    def test_usage_errors(self):
        for args in (["--only", "no-such-rule"], ["--severity", "unused-team=fatal"], ["--severity", "x=error"],
                     ["--bogus", "1"], ["--fail-on", "sometimes"], ["--today", "2026-02-30"],
                     ["--state-limit", "0"], ["--format", "xml"], ["--only"]):
            r = run("check", EVERY, *args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(r.stdout, "", args)


class Walk(unittest.TestCase):
    def test_markdown_and_json(self):
        md = run("walk", EVERY, "--case-type", "akut")
        self.assertEqual(md.returncode, 0, md.stderr)
        self.assertIn("# Gennemgang: Underretning – alle felter (æøå §) — Akut underretning", md.stdout)
        doc = json.loads(run("walk", EVERY, "--format", "json").stdout)
        self.assertEqual(doc["steps"][0]["id"], "start")

    def test_unknown_case_type(self):
        r = run("walk", EVERY, "--case-type", "nope")
        self.assertEqual(r.returncode, 2)
        self.assertIn('no case type has the id "nope"', r.stderr)


class Usage(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^baton \d+\.\d+\.\d+")

    def test_help(self):
        self.assertEqual(run("help").returncode, 0)
        self.assertIn("validate", run("help", "validate").stdout)
        self.assertIn("--fail-on", run("help", "check").stdout)
        self.assertEqual(run("help", "nope").returncode, 2)

    def test_rules_lists_every_check(self):
        r = run("rules")
        self.assertEqual(r.returncode, 0)
        self.assertIn("redundant-control (warning)", r.stdout)
        self.assertEqual(len(r.stdout.splitlines()), 28)

    def test_unknown_command_is_usage_error(self):
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("validate").returncode, 2)


class Simulate(unittest.TestCase):
    """baton simulate (issue 9) and PNML read by content."""

    def test_log_and_truth_beside_it(self):
        import gzip
        import tempfile
        foer = os.path.join(SOURCE, "examples", "born-unge", "foer.json")
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "sager.csv.gz")
            r = run("simulate", foer, "--cases", "30", "--seed", "3", "--noise", "skip=0.2", "-o", log)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("30 cases", r.stderr)
            with gzip.open(log, "rt", encoding="utf-8") as f:
                rows = f.read().splitlines()
            self.assertEqual(rows[0], "case_id,activity,timestamp,lifecycle,resource,team,case_type")
            with open(os.path.join(tmp, "sager.truth.csv"), encoding="utf-8") as f:
                truth = f.read().splitlines()
            self.assertEqual(truth[0], "case_id,deviation,step,requirement,detail")
            self.assertTrue(any(",skipped-step," in line for line in truth[1:]))
            again = os.path.join(tmp, "again.csv.gz")
            run("simulate", foer, "--cases", "30", "--seed", "3", "--noise", "skip=0.2", "-o", again)
            with gzip.open(again, "rt", encoding="utf-8") as f:
                self.assertEqual(f.read().splitlines(), rows)

    def test_usage_errors(self):
        foer = os.path.join(SOURCE, "examples", "born-unge", "foer.json")
        self.assertEqual(run("simulate", foer).returncode, 2)
        r = run("simulate", foer, "--noise", "often=0.1", "-o", "x.xes")
        self.assertEqual(r.returncode, 2)
        self.assertIn('no kind "often"', r.stderr)
        r = run("simulate", foer, "-o", "x.txt")
        self.assertEqual(r.returncode, 2)
        self.assertIn("must end in .xes", r.stderr)

    def test_check_pnml(self):
        r = run("check", os.path.join(FIXTURES, "pnml", "pm4py-style.pnml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("PNML net read: 2 labelled transitions", r.stderr)
        self.assertIn("pm4py-style.pnml:26:7: warning:", r.stdout)
EXAMPLES = os.path.join(os.path.dirname(FIXTURES), "..", "examples", "born-unge")
FOER = os.path.join(EXAMPLES, "foer.json")
EFTER = os.path.join(EXAMPLES, "efter.json")


class Handbook(unittest.TestCase):
    def test_followup_agenda(self):
        r = run("followup", EFTER, "--today", "2026-12-20", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        points = json.loads(r.stdout)["points"]
        self.assertEqual(points[0]["status"], "overdue")
        text = run("followup", EFTER, "--today", "2026-12-01").stdout
        self.assertIn("Opfølgning: ", text)
        self.assertIn("Ansvarlig: Myndighed", text)
        self.assertEqual(run("followup", EFTER, "--today", "someday").returncode, 2)

    def test_diff_per_team(self):
        r = run("diff", FOER, EFTER, "--team", "modtagelse", "--today", "2026-12-01", "--lang", "en")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("You now hand the case on from “Screening”", r.stdout)
        doc = json.loads(run("diff", FOER, EFTER, "--today", "2026-12-01", "--format", "json").stdout)
        self.assertEqual(len(doc["findings_fixed"]), 4)
        self.assertEqual(run("diff", FOER, EFTER, "--team", "nobody").returncode, 2)
        self.assertEqual(run("diff", FOER).returncode, 2)

    def test_impact_of_a_legal_source(self):
        r = run("impact", EFTER, "--legal-source", "§ 20", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertIn("samlet-vurdering", [s["id"] for s in doc["steps"]])
        self.assertEqual(run("impact", EFTER, "--team", "nobody").returncode, 2)
        self.assertEqual(run("impact", EFTER).returncode, 2)
        self.assertEqual(run("impact", EFTER, "--team", "jura", "--system", "dubu").returncode, 2)


if __name__ == "__main__":
    unittest.main()


class Hostile(unittest.TestCase):
    """Inputs a user tried to break the command with (issue 12): each is
    refused with one line naming its place, or checked; never a crash."""

    def test_hostile_fixtures_never_crash_the_check(self):
        folder = os.path.join(FIXTURES, "hostile")
        for name in sorted(os.listdir(folder)):
            with self.subTest(name):
                r = run("check", "--today", "2026-11-24", os.path.join(folder, name))
                self.assertIn(r.returncode, (0, 1, 2), r.stderr)
                if r.returncode == 2:
                    self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)

    def test_huge_duration_is_refused_with_its_place(self):
        path = os.path.join(FIXTURES, "hostile", "huge-duration.json")
        r = run("check", path)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith(path + ":/steps/2/duration: error: "), r.stderr)
        self.assertIn("longer than 1000 years", r.stderr)

    def test_longest_durations_summed_are_an_exceeded_deadline(self):
        r = run("check", "--today", "2026-11-24", os.path.join(FIXTURES, "hostile", "longest-durations.json"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("deadline-exceeded", r.stdout)
