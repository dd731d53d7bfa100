"""The Python binding over the built library (BATON_LIBRARY), with unittest.

    BATON_LIBRARY=build/libbaton.so PYTHONPATH=bindings/python python3 tests/python/test_binding.py
"""

import ctypes
import gc
import json
import os
import re
import subprocess
import threading
import unittest
import weakref

import baton
from baton import _capi

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEADER = os.path.join(SOURCE, "capi", "baton.h")
FINDINGS = os.path.join(SOURCE, "tests", "capi", "fixtures", "findings.json")
EVERY_MEMBER = os.path.join(SOURCE, "tests", "fixtures", "every-member.json")
TODAY = "2026-11-24"


def header_text():
    with open(HEADER, encoding="utf-8") as f:
        return re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)


def header_functions():
    """{name: (return type, [parameter types])} of every BATON_API function."""
    functions = {}
    for result, name, params in re.findall(r"BATON_API\s+([^;(]*?)\s*\b(baton_\w+)\s*\(([^)]*)\)\s*;", header_text()):
        types = [] if params.strip() == "void" else [re.sub(r"\s*\b\w+$", "", p.strip()) for p in params.split(",")]
        functions[name] = (" ".join(result.split()), [" ".join(t.split()) for t in types])
    return functions


# How each C type of baton.h is declared for ctypes.
C_TO_CTYPES = {
    "void": None,
    "int": ctypes.c_int,
    "size_t": ctypes.c_size_t,
    "baton_status": ctypes.c_int,
    "const char *": ctypes.c_char_p,
    "char *": ctypes.c_void_p,
    "char **": ctypes.POINTER(ctypes.c_void_p),
    "size_t *": ctypes.POINTER(ctypes.c_size_t),
    "baton_workflow *": ctypes.c_void_p,
    "const baton_workflow *": ctypes.c_void_p,
    "baton_workflow **": ctypes.POINTER(ctypes.c_void_p),
    "baton_report *": ctypes.c_void_p,
    "const baton_report *": ctypes.c_void_p,
    "baton_report **": ctypes.POINTER(ctypes.c_void_p),
    "const baton_check_options *": ctypes.POINTER(_capi.CheckOptions),
    "long long": ctypes.c_longlong,
    "unsigned long long": ctypes.c_ulonglong,
    "baton_log *": ctypes.c_void_p,
    "const baton_log *": ctypes.c_void_p,
    "baton_log **": ctypes.POINTER(ctypes.c_void_p),
    "const baton_log_options *": ctypes.POINTER(_capi.LogOptions),
    "double": ctypes.c_double,
    "baton_conformance *": ctypes.c_void_p,
    "const baton_conformance *": ctypes.c_void_p,
    "baton_conformance **": ctypes.POINTER(ctypes.c_void_p),
    "const baton_conform_options *": ctypes.POINTER(_capi.ConformOptions),
}


def exported_functions():
    output = subprocess.run(["nm", "-D", "--defined-only", _capi.library_path()], check=True, capture_output=True,
                            text=True).stdout
    return {line.split()[2].split("@")[0] for line in output.splitlines() if line.split()[1] == "T"}


class Declarations(unittest.TestCase):
    """The ctypes table, baton.h and the library's exports list the same functions."""

    def test_same_functions(self):
        table, header, exported = set(_capi.FUNCTIONS), set(header_functions()), exported_functions()
        self.assertEqual(table, header, "ctypes table vs baton.h")
        self.assertEqual(header, exported, "baton.h vs exported symbols")

    def test_same_signatures(self):
        for name, (result, params) in header_functions().items():
            with self.subTest(name):
                restype, argtypes = _capi.FUNCTIONS[name]
                self.assertEqual(restype, C_TO_CTYPES[result])
                self.assertEqual(argtypes, [C_TO_CTYPES[p] for p in params])

    def test_options_struct_and_statuses(self):
        text = header_text()
        fields = re.search(r"typedef struct baton_check_options \{(.*?)\}", text, re.S).group(1)
        names = re.findall(r"(\w+);", fields)
        self.assertEqual(names, [name for name, _ in _capi.CheckOptions._fields_])
        version = re.search(r"#define BATON_CHECK_OPTIONS_VERSION (\d+)", text).group(1)
        self.assertEqual(int(version), _capi.CHECK_OPTIONS_VERSION)
        statuses = dict(re.findall(r"BATON_(E_\w+|OK) = (-?\d+)", text))
        self.assertEqual({k.removeprefix("E_"): int(v) for k, v in statuses.items()},
                         {s.name: s.value for s in baton.Status})

    def test_version(self):
        self.assertEqual(baton.__version__, os.environ.get("BATON_EXPECTED_VERSION", baton.__version__))
        with open(os.path.join(SOURCE, "bindings", "python", "pyproject.toml"), encoding="utf-8") as f:
            self.assertIn(f'version = "{baton.__version__}"', f.read())


class Loading(unittest.TestCase):
    def test_missing_file(self):
        with self.assertRaises(baton.LoadError) as caught:
            baton.Workflow.from_file(os.path.join(SOURCE, "no-such-file.json"))
        self.assertEqual(caught.exception.status, baton.Status.IO)
        self.assertEqual((caught.exception.pointer, caught.exception.line), ("", 0))

    def test_syntax_error(self):
        with self.assertRaises(baton.LoadError) as caught:
            baton.Workflow.from_json('{\n  "baton": 1,\n  oops\n}')
        e = caught.exception
        self.assertEqual((e.status, e.line, e.column), (baton.Status.PARSE, 3, 3))
        self.assertTrue(str(e).startswith("3:3: "))

    def test_dangling_reference(self):
        with self.assertRaises(baton.LoadError) as caught:
            baton.Workflow.from_file(os.path.join(SOURCE, "tests", "fixtures", "bad", "dangling-team.json"))
        self.assertEqual(caught.exception.status, baton.Status.INVALID)
        self.assertEqual(caught.exception.pointer, "/steps/1/team")
        self.assertIn("nobody", caught.exception.message)
        self.assertIsInstance(caught.exception, baton.Error)

    def test_danish_round_trip(self):
        wf = baton.Workflow.from_file(EVERY_MEMBER)
        text = wf.to_json()
        again = baton.Workflow.from_json(text)
        self.assertEqual(again.to_json().encode("utf-8"), text.encode("utf-8"))
        self.assertEqual(again.name, "Underretning – alle felter (æøå §)")
        self.assertIn("Økonomi", [team.name for team in again.teams])
        self.assertEqual(json.loads(text)["name"], "Underretning – alle felter (æøå §)")
        self.assertEqual(baton.Workflow.from_json(text.encode("utf-8")).id, "every-member")

    def test_to_bpmn_reads_back_equal(self):
        wf = baton.Workflow.from_file(EVERY_MEMBER)
        bpmn = wf.to_bpmn()
        self.assertIn('xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"', bpmn)
        self.assertIn("Økonomi", bpmn)
        again = baton.Workflow.from_bytes(bpmn.encode("utf-8"), "bpmn")
        self.assertEqual(again.to_json(), wf.to_json())

    def test_bpmn_file_and_bytes(self):
        bpmn = os.path.join(SOURCE, "tests", "fixtures", "bpmn")
        wf = baton.Workflow.from_file(os.path.join(bpmn, "underretning.bpmn"))
        self.assertEqual((wf.id, wf.name), ("underretning", "Modtagelse af underretning – æøå"))
        self.assertEqual([t.name for t in wf.teams], ["Modtagelsen", "Myndighedsrådgivning"])
        self.assertEqual(wf.steps[3], baton.Item("samtale", "Børnesamtale"))
        with open(os.path.join(bpmn, "underretning-utf16le.bpmn"), "rb") as f:
            data = f.read()
        self.assertEqual(baton.Workflow.from_bytes(data).steps, wf.steps)
        self.assertEqual(baton.Workflow.from_bytes(data, format="bpmn").steps, wf.steps)
        self.assertEqual(baton.Workflow.from_bytes(wf.to_json().encode(), format="json").steps, wf.steps)
        with self.assertRaises(baton.LoadError) as caught:
            baton.Workflow.from_bytes(data, format="json")
        self.assertEqual(caught.exception.status, baton.Status.PARSE)
        with self.assertRaises(baton.Error) as caught:
            baton.Workflow.from_bytes(data, format="yaml")
        self.assertEqual(caught.exception.status, baton.Status.INVALID_ARGUMENT)

    def test_bpmn_error_names_the_element(self):
        text = ('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n'
                '  <process id="p"><startEvent id="s"/><endEvent id="e"/>\n'
                '    <sequenceFlow id="f" sourceRef="s" targetRef="nowhere"/></process></definitions>')
        with self.assertRaises(baton.LoadError) as caught:
            baton.Workflow.from_bytes(text.encode())
        e = caught.exception
        self.assertEqual((e.status, e.line, e.column), (baton.Status.INVALID, 3, 5))
        self.assertIn('(element "f")', e.message)

    def test_workflow_lists(self):
        wf = baton.Workflow.from_file(FINDINGS)
        self.assertEqual((wf.id, wf.name), ("fund", "Sager med fund – æøå §"))
        self.assertEqual(wf.steps[1], baton.Item("vurder", "Vurdér"))
        self.assertEqual([t.id for t in wf.teams], ["modtagelse", "myndighed"])
        self.assertEqual(wf.case_types, (baton.Item("akut", "Akut sag"), baton.Item("lukket", "Lukket sag")))


class Checking(unittest.TestCase):
    def setUp(self):
        self.wf = baton.Workflow.from_file(FINDINGS)

    def test_findings_match_the_result_json(self):
        report = self.wf.check(today=TODAY)
        result = json.loads(report.to_json())
        self.assertEqual(result["workflow"], report.workflow_id)
        self.assertEqual(result["counts"], report.counts)
        self.assertEqual(len(report), len(result["findings"]))
        for finding, expected in zip(report, result["findings"]):
            self.assertEqual(finding.rule, expected["rule"])
            self.assertEqual(finding.severity, expected["severity"])
            self.assertEqual(finding.message, expected["message"])
            self.assertEqual(finding.pointer, expected["pointer"])
            self.assertEqual(list(finding.steps), expected.get("steps", []))
            self.assertEqual([list(t) for t in finding.transitions], expected.get("transitions", []))
            self.assertEqual(list(finding.witness), expected.get("witness", []))
            self.assertEqual(finding.requirement, expected.get("requirement"))
            self.assertEqual(finding.case_type, expected.get("case_type"))

    def test_a_finding_of_each_shape(self):
        report = self.wf.check(today=TODAY)
        deadlock = next(f for f in report if f.rule == "deadlock")
        self.assertEqual(deadlock.witness, ("start", "vurder", "akut"))
        self.assertEqual(deadlock.transitions, (("notat", "saml"),))
        self.assertEqual(next(f for f in report if f.rule == "requirement-unmapped").requirement, "r-handling")
        self.assertEqual(report[-1], list(report)[-1])
        with self.assertRaises(IndexError):
            report[len(report)]

    def test_options(self):
        report = self.wf.check(today=TODAY, only=["deadlock", "unowned-handover"], severity={"deadlock": "info"})
        self.assertEqual(report.counts, {"error": 2, "warning": 0, "info": 1})
        self.assertNotIn("deadlock", {f.rule for f in self.wf.check(today=TODAY, disable="deadlock")})
        self.assertIn("analysis-limit", {f.rule for f in self.wf.check(today=TODAY, state_limit=1)})
        import datetime
        self.assertEqual(len(self.wf.check(today=datetime.date(2026, 11, 24))), len(self.wf.check(today=TODAY)))

    def test_bad_options(self):
        for options, part in [({"only": "no-such-rule"}, "no-such-rule"), ({"severity": "deadlock=fatal"}, "fatal"),
                              ({"today": "24-11-2026"}, "today"), ({"disable": ["x"]}, "disable")]:
            with self.subTest(options), self.assertRaises(baton.Error) as caught:
                self.wf.check(**options)
            self.assertEqual(caught.exception.status, baton.Status.INVALID_ARGUMENT)
            self.assertIn(part, str(caught.exception))
            self.assertNotIsInstance(caught.exception, baton.LoadError)

    def test_walk(self):
        self.assertTrue(self.wf.walk().startswith("# "))
        self.assertEqual(json.loads(self.wf.walk(case_type="akut", format="json"))["workflow"], "fund")
        with self.assertRaises(baton.Error) as caught:
            self.wf.walk(case_type="ingen")
        self.assertEqual(caught.exception.status, baton.Status.NOT_FOUND)
        with self.assertRaises(baton.Error):
            self.wf.walk(format="html")

    def test_threads_share_a_workflow(self):
        expected = self.wf.check(today=TODAY).to_json()
        results = []

        def run():
            results.extend(self.wf.check(today=TODAY).to_json() == expected for _ in range(10))

        threads = [threading.Thread(target=run) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [True] * 40)


class Lifetime(unittest.TestCase):
    def test_close_and_with(self):
        with baton.Workflow.from_file(FINDINGS) as wf:
            report = wf.check(today=TODAY)
        self.assertTrue(wf.closed)
        with self.assertRaises(baton.Error):
            wf.to_json()
        self.assertGreater(len(report), 0)  # a report outlives its workflow
        report.close()
        report.close()  # twice is harmless
        with self.assertRaises(baton.Error):
            len(report)

    def test_garbage_collector_releases(self):
        wf = baton.Workflow.from_file(FINDINGS)
        report = wf.check(today=TODAY)
        workflow_freed, report_freed = wf._finalizer, report._finalizer
        alive = weakref.ref(wf)
        del wf
        gc.collect()
        self.assertIsNotNone(alive(), "the report holds its workflow")
        self.assertTrue(workflow_freed.alive)
        del report
        gc.collect()
        self.assertIsNone(alive())
        self.assertFalse(workflow_freed.alive)
        self.assertFalse(report_freed.alive)


class Handbook(unittest.TestCase):
    """The texts for people through the C ABI: language, agenda, diff, impact."""

    EXAMPLES = os.path.join(SOURCE, "examples", "born-unge")

    def setUp(self):
        self.foer = baton.Workflow.from_file(os.path.join(self.EXAMPLES, "foer.json"))
        self.efter = baton.Workflow.from_file(os.path.join(self.EXAMPLES, "efter.json"))

    def tearDown(self):
        self.foer.close()
        self.efter.close()

    def test_lang_option(self):
        danish = {f.rule: f.message for f in self.foer.check(today="2026-12-01")}
        self.assertTrue(danish["unowned-handover"].startswith("Overdragelsen fra »Screening«"))
        english = {f.rule: f.message for f in self.foer.check(today="2026-12-01", lang="en")}
        self.assertTrue(english["unowned-handover"].startswith("The handover from “Screening”"))
        with self.assertRaises(baton.Error) as caught:
            self.foer.check(lang="fr")
        self.assertEqual(caught.exception.status, baton.Status.INVALID_ARGUMENT)

    def test_followup_diff_impact(self):
        agenda = json.loads(self.efter.followup(today="2026-12-20", format="json"))
        self.assertEqual(agenda["points"][0]["status"], "overdue")
        self.assertIn("Opfølgning", self.efter.followup(today="2026-12-01"))
        diff = json.loads(self.efter.diff(self.foer, today="2026-12-01", format="json"))
        self.assertEqual(len(diff["findings_fixed"]), 4)
        self.assertIn("You now hand the case on", self.efter.diff(self.foer, team="modtagelse", lang="en"))
        impact = json.loads(self.efter.impact(source="§ 20", format="json"))
        self.assertIn("samlet-vurdering", [s["id"] for s in impact["steps"]])
        with self.assertRaises(baton.Error) as caught:
            self.efter.impact(team="nobody")
        self.assertEqual(caught.exception.status, baton.Status.NOT_FOUND)
        with self.assertRaises(baton.Error) as caught:
            self.efter.followup(format="html")
        self.assertEqual(caught.exception.status, baton.Status.INVALID_ARGUMENT)
        with self.assertRaises(ValueError):
            self.efter.impact()


if __name__ == "__main__":
    unittest.main()
