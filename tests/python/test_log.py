"""baton.Log over the built library (BATON_LIBRARY), with unittest.

    BATON_LIBRARY=build/libbaton.so PYTHONPATH=bindings/python python3 tests/python/test_log.py
"""

import datetime
import os
import unittest

import baton

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOGS = os.path.join(SOURCE, "tests", "fixtures", "logs")
UTC = datetime.timezone.utc


class ReadingLogs(unittest.TestCase):
    def test_xes_gzip_file(self):
        with baton.Log.from_file(os.path.join(LOGS, "small.xes.gz")) as log:
            self.assertEqual(len(log), 2)
            self.assertEqual(log.event_count, 5)
            first = log[0]
            self.assertEqual((first.id, first.case_type, first.closed), ("S-1", "akut", True))
            self.assertEqual([e.activity for e in first.events],
                             ["Underretning modtaget", "Vurdering", "Vurdering", "Notat"])
            self.assertEqual(first.events[0].time, datetime.datetime(2026, 3, 2, 8, 15, tzinfo=UTC))
            self.assertEqual(first.events[1].time, datetime.datetime(2026, 3, 2, 9, 0, 0, 250000, tzinfo=UTC))
            self.assertEqual([e.lifecycle for e in first.events], ["complete", "start", "complete", "other"])
            self.assertEqual(first.events[0].resource, "sekretær")
            self.assertEqual(log[-1].id, "S-2")
            self.assertEqual([c.id for c in log], ["S-1", "S-2"])
            self.assertEqual(log.skipped, {})
            with self.assertRaises(IndexError):
                log[2]
        self.assertTrue(log.closed)

    def test_csv_bytes_with_options(self):
        data = "sag;aktivitet;tid\nA;Start;2026-07-01 09:00\nA;Slut;2026-07-01 08:00\nB;X;bad\n"
        log = baton.Log.from_bytes(data, "csv", lenient=True, time_zone="UTC",
                                   columns={"case": "sag", "activity": "aktivitet", "timestamp": "tid"})
        self.assertEqual([e.activity for e in log[0].events], ["Slut", "Start"])
        self.assertEqual(log[0].events[1].time, datetime.datetime(2026, 7, 1, 9, 0, tzinfo=UTC))
        self.assertEqual(log.skipped, {"unreadable timestamp": 1})
        # Copenhagen by default: summer time, +02:00.
        summer = baton.Log.from_bytes(data.replace("B;X;bad\n", ""), columns={"case": "sag", "activity": "aktivitet",
                                                                              "timestamp": "tid"})
        self.assertEqual(summer[0].events[1].time, datetime.datetime(2026, 7, 1, 7, 0, tzinfo=UTC))

    def test_errors(self):
        with self.assertRaises(baton.LoadError) as caught:
            baton.Log.from_file(os.path.join(LOGS, "bad", "unclosed.xes"))
        self.assertEqual(caught.exception.status, baton.Status.PARSE)
        self.assertEqual(caught.exception.line, 6)
        self.assertIn("not well-formed XML", caught.exception.message)
        with self.assertRaises(baton.LoadError) as caught:
            baton.Log.from_bytes("case_id,activity,timestamp\nS,A,2026-13-01\n")
        self.assertEqual((caught.exception.line, caught.exception.column), (2, 3))
        with self.assertRaises(baton.LoadError) as caught:
            baton.Log.from_file(os.path.join(LOGS, "no-such.csv"))
        self.assertEqual(caught.exception.status, baton.Status.IO)
        with self.assertRaises(baton.Error) as caught:
            baton.Log.from_bytes("x", "json")
        self.assertEqual(caught.exception.status, baton.Status.INVALID_ARGUMENT)
        with self.assertRaises(TypeError):
            baton.Log.from_bytes("x", columns={"nonsense": "y"})


if __name__ == "__main__":
    unittest.main()
