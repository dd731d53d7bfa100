"""Workflow.conform over the built library (BATON_LIBRARY), with unittest.

    BATON_LIBRARY=build/libbaton.so PYTHONPATH=bindings/python python3 tests/python/test_conform.py
"""

import datetime
import json
import os
import unittest

import baton

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOER = os.path.join(SOURCE, "examples", "born-unge", "foer.json")

LOG = b"""case_id,activity,timestamp,team,case_type
A,underretning-modtaget,2026-02-02T09:00:00Z,modtagelse,underretning-lukket
A,vurdering-24t,2026-02-02T11:00:00Z,myndighed,underretning-lukket
A,screening,2026-02-04T11:00:00Z,modtagelse,underretning-lukket
A,henlagt,2026-02-05T11:00:00Z,modtagelse,underretning-lukket
C,underretning-modtaget,2026-02-10T09:00:00Z,modtagelse,
"""


class Conform(unittest.TestCase):
    def setUp(self):
        self.wf = baton.Workflow.from_file(FOER)
        self.log = baton.Log.from_bytes(LOG, "csv", columns={"team": "team"})

    def tearDown(self):
        self.log.close()
        self.wf.close()

    def test_cases_and_deviations(self):
        with self.wf.conform(self.log, today=datetime.date(2026, 3, 1)) as result:
            self.assertEqual(len(result), 2)
            a, c = result
            self.assertEqual((a.id, a.case_type, a.open, a.status, a.cost), ("A", "underretning-lukket", False,
                                                                             "aligned", 1))
            self.assertEqual(sorted(d.kind for d in a.deviations), ["other-team", "requirement-violated", "skipped-step"])
            skipped = next(d for d in a.deviations if d.kind == "skipped-step")
            self.assertEqual(skipped.step, "kvittering-underretter")
            self.assertIsNone(skipped.requirement)
            self.assertTrue(c.open)
            self.assertEqual([(d.kind, d.requirement) for d in c.deviations], [("overdue", "krav-24t")])
            self.assertAlmostEqual(result.fitness, 1 - 1 / 15)  # 4 + 5 and 1 + 5
            self.assertEqual(result[-1].id, "C")
            with self.assertRaises(IndexError):
                result[2]

    def test_reports(self):
        with self.wf.conform(self.log, today="2026-03-01", jobs=3) as result:
            data = json.loads(result.to_json())
            self.assertEqual(data["summary"]["cases"], 2)
            self.assertIn("Open cases overdue on 2026-03-01 (1)", result.to_text())
            self.assertTrue(result.to_csv().startswith("record,case,"))
            with self.wf.conform(self.log, today="2026-03-01") as single:
                self.assertEqual(single.to_json(), result.to_json())

    def test_pseudonyms_and_errors(self):
        with self.wf.conform(self.log, today="2026-03-01", pseudonymise="geheim") as result:
            self.assertNotIn("A", [c.id for c in result])
            self.assertEqual(len(result[0].id), 16)
        with self.assertRaises(baton.Error):
            self.wf.conform(self.log, today="1. marts")


if __name__ == "__main__":
    unittest.main()
