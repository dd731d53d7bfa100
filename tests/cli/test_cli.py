"""The baton command, driven as users and CI drive it (shared/spec/cli.md)."""
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

    def test_missing_file(self):
        r = run("validate", "/nonexistent/wf.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("/nonexistent/wf.json", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)

    def test_stdin(self):
        with open(os.path.join(FIXTURES, "minimal.json"), encoding="utf-8") as f:
            r = run("validate", "-", stdin=f.read())
        self.assertEqual(r.returncode, 0, r.stderr)


class Usage(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^baton \d+\.\d+\.\d+")

    def test_help(self):
        self.assertEqual(run("help").returncode, 0)
        self.assertIn("validate", run("help", "validate").stdout)

    def test_unknown_command_is_usage_error(self):
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("validate").returncode, 2)


if __name__ == "__main__":
    unittest.main()
