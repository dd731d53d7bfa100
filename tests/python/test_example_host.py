"""examples/python-host/summary.py gives, line for line, what the C example
host gives (BATON_C_SUMMARY), on the fixtures and on the examples."""

import os
import subprocess
import sys
import unittest

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUMMARY = os.path.join(SOURCE, "examples", "python-host", "summary.py")


def run(command):
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout


class ExampleHost(unittest.TestCase):
    def test_same_as_the_c_host(self):
        for folder, status in [("tests/fixtures", 1), ("examples", 0)]:
            path = os.path.join(SOURCE, folder)
            with self.subTest(folder):
                python = run([sys.executable, SUMMARY, path])
                self.assertEqual(python, run([os.environ["BATON_C_SUMMARY"], path]))
                self.assertEqual(python[0], status)
                self.assertIn("json: ", python[1])

    def test_usage(self):
        self.assertEqual(run([sys.executable, SUMMARY])[0], 2)


if __name__ == "__main__":
    unittest.main()
