"""`baton export` (shared/spec/bpmn.md "Writing", cli.md): BPMN or JSON to
standard output or a file; the shipped efter.bpmn is what baton exports."""
import json
import os
import subprocess
import tempfile
import unittest

BATON = os.environ.get("BATON_CLI", "baton")
SOURCE = os.environ.get("BATON_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")
EXAMPLES = os.path.join(SOURCE, "examples", "born-unge")


def run(*args, stdin=None):
    return subprocess.run([BATON, *args], input=stdin, capture_output=True, text=True, encoding="utf-8")


def comparable(check_output):
    """The findings of `check --format json`, without where in the file they are."""
    result = json.loads(check_output)["results"][0]
    return [{k: v for k, v in f.items() if k not in ("element", "line", "column")} for f in result["findings"]]


class Export(unittest.TestCase):
    def test_bpmn_to_stdout_reads_back_as_the_same_workflow(self):
        source = os.path.join(FIXTURES, "every-member.json")
        r = run("export", "--format", "bpmn", source)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>'))
        back = run("export", "--format", "json", "-", stdin=r.stdout)
        self.assertEqual(back.returncode, 0, back.stderr)
        original = run("export", "--format", "json", source)
        self.assertEqual(json.loads(back.stdout), json.loads(original.stdout))

    def test_bpmn_is_the_default_format(self):
        source = os.path.join(FIXTURES, "minimal.json")
        self.assertEqual(run("export", source).stdout, run("export", "--format", "bpmn", source).stdout)

    def test_without_diagram(self):
        source = os.path.join(FIXTURES, "every-member.json")
        r = run("export", "--diagram", "no", source)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("bpmndi:BPMNDiagram", r.stdout)
        self.assertIn("bpmndi:BPMNDiagram", run("export", source).stdout)
        back = run("export", "--format", "json", "-", stdin=r.stdout)
        self.assertEqual(json.loads(back.stdout), json.loads(run("export", "--format", "json", source).stdout))
        self.assertEqual(run("export", "--diagram", "maybe", source).returncode, 2)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "x.bpmn")
            r = run("export", "--format=bpmn", os.path.join(FIXTURES, "minimal.json"), "-o", out)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
            with open(out, encoding="utf-8") as f:
                written = f.read()
            self.assertEqual(written, run("export", os.path.join(FIXTURES, "minimal.json")).stdout)
            r = run("validate", out)
            self.assertEqual(r.returncode, 0, r.stderr)

    def test_unwritable_output_is_one_line_naming_it(self):
        out = "/nonexistent/folder/x.bpmn"
        r = run("export", os.path.join(FIXTURES, "minimal.json"), "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.splitlines()), 1)
        self.assertTrue(r.stderr.startswith("baton: error: " + out + ": "), r.stderr)

    def test_bad_input_and_usage(self):
        bad = os.path.join(FIXTURES, "bad", "dangling-team.json")
        r = run("export", bad)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn(bad + ":/steps/1/team: error:", r.stderr)
        self.assertEqual(run("export", "--format", "pdf", bad).returncode, 2)
        self.assertEqual(run("export").returncode, 2)
        self.assertEqual(run("export", "a.json", "b.json").returncode, 2)
        self.assertEqual(run("export", "a.json", "-o").returncode, 2)

    def test_unwritable_text_is_refused(self):
        doc = ('{"baton":1,"id":"x","name":"bell\\u0007","steps":[{"id":"s","name":"S","kind":"start"},'
               '{"id":"e","name":"E","kind":"end"}],"transitions":[{"from":"s","to":"e"}]}')
        r = run("export", "-", stdin=doc)
        self.assertEqual(r.returncode, 2)
        self.assertIn("-: error: BPMN export: the workflow's name holds the control character U+0007", r.stderr)
        self.assertEqual(run("export", "--format", "json", "-", stdin=doc).returncode, 0)


class ShippedBpmn(unittest.TestCase):
    """examples/born-unge/efter.bpmn is baton's export of efter.json, and the
    two give the same findings and the same walk."""

    json_file = os.path.join(EXAMPLES, "efter.json")
    bpmn_file = os.path.join(EXAMPLES, "efter.bpmn")

    def test_it_is_what_baton_exports(self):
        with open(self.bpmn_file, encoding="utf-8") as f:
            shipped = f.read()
        self.assertEqual(run("export", "--format", "bpmn", self.json_file).stdout, shipped,
                         "regenerate: baton export --format bpmn examples/born-unge/efter.json -o examples/born-unge/efter.bpmn")

    def test_same_findings(self):
        a = run("check", "--format", "json", "--today", "2026-11-24", self.json_file)
        b = run("check", "--format", "json", "--today", "2026-11-24", self.bpmn_file)
        self.assertEqual(a.returncode, b.returncode)
        self.assertEqual(comparable(a.stdout), comparable(b.stdout))
        self.assertTrue(all("element" in f for f in json.loads(b.stdout)["results"][0]["findings"]))

    def test_same_walk(self):
        for fmt in ("markdown", "json"):
            a = run("walk", "--format", fmt, self.json_file)
            b = run("walk", "--format", fmt, self.bpmn_file)
            self.assertEqual(a.returncode, 0, a.stderr)
            self.assertEqual((b.returncode, b.stdout), (0, a.stdout), b.stderr)


if __name__ == "__main__":
    unittest.main()
