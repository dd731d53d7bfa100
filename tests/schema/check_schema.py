#!/usr/bin/env python3
"""Checks schema/workflow.schema.json, the JSON Schema of the workflow file format v1.

    python3 tests/schema/check_schema.py [REPO_ROOT] [unittest options]

REPO_ROOT defaults to two folders up from this script. Needs the Python module
jsonschema (Debian: python3-jsonschema). When the interpreter running the script
lacks it (e.g. a pyenv python3 first on PATH), the script re-runs itself with
/usr/bin/python3, where Debian installs it.

Checks:
- the schema is a valid draft 2020-12 schema, and every property it declares
  has a title and a description;
- every *.json file under examples/ (found at run time) passes;
- small valid documents pass, and small invalid ones, each with one fault,
  fail at the expected place;
- with BATON_CLI set to the `baton` command, the loader agrees: it accepts the
  examples and the valid documents, and refuses every invalid one.

Exits non-zero when any check fails.
"""

import copy
import json
import os
import subprocess
import sys
import unittest
from pathlib import Path

DEBIAN_PYTHON = "/usr/bin/python3"
_REEXEC_MARK = "BATON_CHECK_SCHEMA_REEXEC"

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    if (
        os.path.exists(DEBIAN_PYTHON)
        and os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON)
        and not os.environ.get(_REEXEC_MARK)
    ):
        os.environ[_REEXEC_MARK] = "1"
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    sys.stderr.write(
        "check_schema.py: the Python module 'jsonschema' is missing "
        "(install Debian's python3-jsonschema and run with /usr/bin/python3)\n"
    )
    sys.exit(2)


def _parse_root(argv):
    """The repository root (first argument unless it is an option) and the rest for unittest."""
    if len(argv) > 1 and not argv[1].startswith("-"):
        return Path(argv[1]).resolve(), [argv[0]] + argv[2:]
    return Path(__file__).resolve().parent.parent.parent, argv


ROOT, _UNITTEST_ARGV = _parse_root(sys.argv)
SCHEMA_PATH = ROOT / "schema" / "workflow.schema.json"
EXAMPLES = ROOT / "examples"


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


def make_validator(schema):
    return Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def describe(errors):
    return "; ".join(
        "%s: %s" % ("/" + "/".join(str(p) for p in e.absolute_path), e.message) for e in errors
    )


# --- documents -----------------------------------------------------------

MINIMAL = {
    "baton": 1,
    "id": "minimal",
    "name": "Minimal workflow",
    "steps": [
        {"id": "begin", "name": "Begin", "kind": "start"},
        {"id": "finish", "name": "Finish", "kind": "end"},
    ],
    "transitions": [{"from": "begin", "to": "finish"}],
}

# Every member of the format used at least once.
FULL = {
    "$schema": "https://baton.example/schema/workflow-1.json",
    "baton": 1,
    "id": "full.Workflow_1-a",
    "name": "Everything",
    "version": "2026.1",
    "language": "da",
    "description": "Uses every member of the format.",
    "review": {"last_reviewed": "2026-09-01", "interval_days": 365, "owner": "myndighed"},
    "teams": [
        {"id": "modtagelse", "name": "Modtagelsen"},
        {"id": "myndighed", "name": "Myndighed", "roles": ["radgiver", "leder"]},
    ],
    "systems": [{"id": "dubu", "name": "DUBU"}],
    "artifacts": [
        {"id": "underretning", "name": "Underretning", "kind": "document"},
        {"id": "afgoerelse", "name": "Afgørelse"},
    ],
    "templates": [
        {"id": "brev", "name": "Brev", "system": "dubu"},
        {"id": "guide", "name": "Samtaleguide"},
    ],
    "requirements": [
        {"id": "krav-a", "text": "Something exists."},
        {
            "id": "krav-b",
            "text": "Decide within 24 hours.",
            "source": "Barnets Lov § 20",
            "case_types": ["akut"],
            "rule": {"type": "response", "first": "modtag", "then": "afgoer", "within": "PT24H"},
        },
        {"id": "krav-c", "text": "Received before decided.",
         "rule": {"type": "precedence", "first": "modtag", "then": "afgoer"}},
        {"id": "krav-d", "text": "Always decided.", "rule": {"type": "existence", "steps": "afgoer"}},
        {"id": "krav-e", "text": "Responded, no deadline.",
         "rule": {"type": "response", "first": "modtag", "then": "kontrol"}},
    ],
    "steps": [
        {
            "id": "modtag",
            "name": "Modtag",
            "kind": "start",
            "description": "Modtag underretningen.",
            "team": "modtagelse",
            "join": "xor",
            "split": "and",
            "writes": ["underretning"],
            "it": {"system": "dubu", "function": "Registrér", "records": ["underretning"]},
            "templates": ["brev"],
            "tags": ["modtagelse"],
            "duration": "PT1H",
        },
        {
            "id": "kontrol",
            "name": "Kontrol",
            "kind": "control",
            "team": "myndighed",
            "role": "leder",
            "reads": ["underretning"],
            "checks": [{"artifact": "underretning", "aspect": "fuldstændig"}, {"artifact": "underretning"}],
            "duration": "P1Y2M3W4DT5H6M7S",
        },
        {
            "id": "afgoer",
            "name": "Afgør",
            "kind": "decision",
            "team": "myndighed",
            "role": "radgiver",
            "join": "and",
            "split": "xor",
            "reads": ["underretning"],
            "writes": ["afgoerelse"],
            "checks": [{"artifact": "afgoerelse"}],
            "it": {},
            "templates": ["guide", "brev"],
            "satisfies": ["krav-a", "krav-d"],
            "tags": [],
            "duration": "P10D",
        },
        {"id": "opgave", "name": "Opgave", "kind": "task", "duration": "P4M"},
        {"id": "standard", "name": "Standard opgave"},
        {"id": "slut", "name": "Slut", "kind": "end"},
        {"id": "slut2", "name": "Slut 2", "kind": "end"},
    ],
    "transitions": [
        {"from": "modtag", "to": "kontrol", "label": "kontrol",
         "handover": {"how": "Opgave i DUBU", "responsible": {"team": "myndighed", "role": "leder"}}},
        {"from": "modtag", "to": "afgoer", "handover": {"responsible": {"team": "myndighed"}}},
        {"from": "kontrol", "to": "afgoer", "handover": {"how": "Møde"}},
        {"from": "afgoer", "to": "opgave", "label": "ja", "handover": {}},
        {"from": "afgoer", "to": "slut2", "label": "nej"},
        {"from": "opgave", "to": "standard"},
        {"from": "standard", "to": "slut"},
    ],
    "case_types": [
        {"id": "akut", "name": "Akut", "description": "Akutte sager.", "choices": {"afgoer": "ja"}},
        {"id": "henlagt", "name": "Henlagt", "choices": {"afgoer": "slut2"}},
        {"id": "alle", "name": "Alle", "choices": {}},
    ],
    "follow_up": [
        {"id": "f1", "question": "Is the child conversation held before every decision?",
         "steps": ["afgoer"], "every_days": 90, "source": "Ledelsestilsyn"},
        {"id": "f2", "question": "Only the required members."},
    ],
}


def with_unknown_members(doc):
    """Adds an unknown member to every object of the document (forward compatibility)."""
    doc = copy.deepcopy(doc)

    def walk(node, in_map):
        if isinstance(node, dict):
            for value in node.values():
                walk(value, False)
            if not in_map:
                node["x-future-member"] = {"anything": [1, 2.5, None, True]}
        elif isinstance(node, list):
            for value in node:
                walk(value, False)

    walk(doc, False)
    # "choices" is a map from step ids to strings, not an object with members.
    for case_type in doc.get("case_types", []):
        case_type.get("choices", {}).pop("x-future-member", None)
    return doc


def changed(base, change):
    doc = copy.deepcopy(base)
    change(doc)
    return doc


def set_at(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def delete_at(path):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


def step_with(**members):
    """A change that adds, to MINIMAL, a task step with these members between start and end."""
    def change(doc):
        step = {"id": "mid", "name": "Middle"}
        step.update(members)
        doc["steps"].insert(1, step)
    return change


def with_artifact(change):
    """The change, plus an artifact "a" for checks to name."""
    def both(doc):
        doc["artifacts"] = [{"id": "a", "name": "A"}]
        change(doc)
    return both


def rule(r):
    def change(doc):
        doc["requirements"] = [{"id": "krav", "text": "A rule.", "rule": r}]
    return change


VALID = {
    "minimal": MINIMAL,
    "every member": FULL,
    "unknown members everywhere (minimal)": with_unknown_members(MINIMAL),
    "unknown members everywhere (full)": with_unknown_members(FULL),
    "empty transitions": changed(MINIMAL, set_at(["transitions"], [])),
    "duration PT0S": changed(MINIMAL, step_with(duration="PT0S")),
    "duration P1W": changed(MINIMAL, step_with(duration="P1W")),
    "duration P1DT12H": changed(MINIMAL, step_with(duration="P1DT12H")),
    "duration PT1M30S": changed(MINIMAL, step_with(duration="PT1M30S")),
    "duration P1Y": changed(MINIMAL, step_with(duration="P1Y")),
    "id of 128 characters": changed(MINIMAL, set_at(["id"], "a" * 128)),
    "id of one character": changed(MINIMAL, set_at(["id"], "-")),
    "checks on a task step": changed(MINIMAL, with_artifact(step_with(checks=[{"artifact": "a"}]))),
    "control step with checks": changed(MINIMAL, with_artifact(step_with(kind="control",
                                                                        checks=[{"artifact": "a"}]))),
    "gateway step": changed(MINIMAL, step_with(kind="gateway", split="and", join="and", tags=["fordeling"])),
    "an unknown rule member is ignored": changed(MINIMAL, rule({"type": "existence", "steps": "begin",
                                                                  "x-later": 1})),
    "leap day": changed(MINIMAL, set_at(["review"], {"last_reviewed": "2024-02-29"})),
}

# name -> (document, JSON pointer, as a list, at or under which an error must be reported)
INVALID = {
    "not an object": ([], []),
    "missing steps": (changed(MINIMAL, delete_at(["steps"])), []),
    "missing transitions": (changed(MINIMAL, delete_at(["transitions"])), []),
    "missing baton": (changed(MINIMAL, delete_at(["baton"])), []),
    "missing name": (changed(MINIMAL, delete_at(["name"])), []),
    "baton 2": (changed(MINIMAL, set_at(["baton"], 2)), ["baton"]),
    "baton \"1\"": (changed(MINIMAL, set_at(["baton"], "1")), ["baton"]),
    "baton true": (changed(MINIMAL, set_at(["baton"], True)), ["baton"]),
    "workflow id \"a b\"": (changed(MINIMAL, set_at(["id"], "a b")), ["id"]),
    "empty id": (changed(MINIMAL, set_at(["id"], "")), ["id"]),
    "id of 129 characters": (changed(MINIMAL, set_at(["id"], "a" * 129)), ["id"]),
    "id with a non-ASCII letter": (changed(MINIMAL, set_at(["id"], "b\u00f8rn")), ["id"]),
    "id a number": (changed(MINIMAL, set_at(["id"], 7)), ["id"]),
    "step id \"a b\"": (changed(MINIMAL, set_at(["steps", 0, "id"], "a b")), ["steps", 0, "id"]),
    "reference \"a b\"": (changed(MINIMAL, set_at(["transitions", 0, "to"], "a b")), ["transitions", 0, "to"]),
    "name not a string": (changed(MINIMAL, set_at(["name"], ["x"])), ["name"]),
    "steps empty": (changed(MINIMAL, set_at(["steps"], [])), ["steps"]),
    "steps not an array": (changed(MINIMAL, set_at(["steps"], {})), ["steps"]),
    "step missing name": (changed(MINIMAL, delete_at(["steps", 0, "name"])), ["steps", 0]),
    "duration \"P1.5D\"": (changed(MINIMAL, step_with(duration="P1.5D")), ["steps", 1, "duration"]),
    "duration \"PT\"": (changed(MINIMAL, step_with(duration="PT")), ["steps", 1, "duration"]),
    "duration \"P\"": (changed(MINIMAL, step_with(duration="P")), ["steps", 1, "duration"]),
    "duration \"P1DT\"": (changed(MINIMAL, step_with(duration="P1DT")), ["steps", 1, "duration"]),
    "duration \"P1H\"": (changed(MINIMAL, step_with(duration="P1H")), ["steps", 1, "duration"]),
    "duration \"PT1D\"": (changed(MINIMAL, step_with(duration="PT1D")), ["steps", 1, "duration"]),
    "duration \"P1D1Y\"": (changed(MINIMAL, step_with(duration="P1D1Y")), ["steps", 1, "duration"]),
    "duration \"P1D1D\"": (changed(MINIMAL, step_with(duration="P1D1D")), ["steps", 1, "duration"]),
    "duration \"P-1D\"": (changed(MINIMAL, step_with(duration="P-1D")), ["steps", 1, "duration"]),
    "duration \"10D\"": (changed(MINIMAL, step_with(duration="10D")), ["steps", 1, "duration"]),
    "duration \"p10d\"": (changed(MINIMAL, step_with(duration="p10d")), ["steps", 1, "duration"]),
    "duration \"P10D \"": (changed(MINIMAL, step_with(duration="P10D ")), ["steps", 1, "duration"]),
    "duration a number": (changed(MINIMAL, step_with(duration=10)), ["steps", 1, "duration"]),
    "unknown step kind": (changed(MINIMAL, step_with(kind="subprocess")), ["steps", 1, "kind"]),
    "join \"or\"": (changed(MINIMAL, step_with(join="or")), ["steps", 1, "join"]),
    "split \"AND\"": (changed(MINIMAL, step_with(split="AND")), ["steps", 1, "split"]),
    "two start steps": (changed(MINIMAL, step_with(kind="start")), ["steps"]),
    "no start step": (changed(MINIMAL, set_at(["steps", 0, "kind"], "task")), ["steps"]),
    "no end step": (changed(MINIMAL, delete_at(["steps", 1, "kind"])), ["steps"]),
    "control step without checks": (changed(MINIMAL, step_with(kind="control")), ["steps", 1]),
    "control step with empty checks": (changed(MINIMAL, step_with(kind="control", checks=[])), ["steps", 1]),
    "role without team": (changed(MINIMAL, step_with(role="leder")), ["steps", 1]),
    "gateway with a team": (changed(MINIMAL, step_with(kind="gateway", team="t")), ["steps", 1, "team"]),
    "gateway with a role": (changed(MINIMAL, step_with(kind="gateway", role="leder")), ["steps", 1]),
    "gateway with a description": (
        changed(MINIMAL, step_with(kind="gateway", description="x")), ["steps", 1, "description"]),
    "gateway with reads": (changed(MINIMAL, step_with(kind="gateway", reads=[])), ["steps", 1, "reads"]),
    "gateway with writes": (changed(MINIMAL, step_with(kind="gateway", writes=[])), ["steps", 1, "writes"]),
    "gateway with checks": (changed(MINIMAL, step_with(kind="gateway", checks=[])), ["steps", 1, "checks"]),
    "gateway with it": (changed(MINIMAL, step_with(kind="gateway", it={})), ["steps", 1, "it"]),
    "gateway with templates": (
        changed(MINIMAL, step_with(kind="gateway", templates=[])), ["steps", 1, "templates"]),
    "gateway with satisfies": (
        changed(MINIMAL, step_with(kind="gateway", satisfies=[])), ["steps", 1, "satisfies"]),
    "gateway with a duration": (
        changed(MINIMAL, step_with(kind="gateway", duration="PT0S")), ["steps", 1, "duration"]),
    "check without artifact": (changed(MINIMAL, step_with(checks=[{"aspect": "x"}])), ["steps", 1, "checks", 0]),
    "reads not an array": (changed(MINIMAL, step_with(reads="a")), ["steps", 1, "reads"]),
    "tags of numbers": (changed(MINIMAL, step_with(tags=[1])), ["steps", 1, "tags", 0]),
    "it.records not ids": (changed(MINIMAL, step_with(it={"records": ["a b"]})), ["steps", 1, "it", "records", 0]),
    "transition without to": (changed(MINIMAL, delete_at(["transitions", 0, "to"])), ["transitions", 0]),
    "handover responsible without team": (
        changed(MINIMAL, set_at(["transitions", 0, "handover"], {"responsible": {"role": "leder"}})),
        ["transitions", 0, "handover", "responsible"]),
    "rule of type response missing then": (
        changed(MINIMAL, rule({"type": "response", "first": "begin", "within": "P1D"})),
        ["requirements", 0, "rule"]),
    "rule of type precedence missing first": (
        changed(MINIMAL, rule({"type": "precedence", "then": "finish"})), ["requirements", 0, "rule"]),
    "rule of type existence missing steps": (
        changed(MINIMAL, rule({"type": "existence", "first": "begin"})), ["requirements", 0, "rule"]),
    "rule without type": (changed(MINIMAL, rule({"steps": "begin"})), ["requirements", 0, "rule"]),
    "rule of unknown type": (
        changed(MINIMAL, rule({"type": "absence", "steps": "begin"})), ["requirements", 0, "rule"]),
    "rule within \"P1.5D\"": (
        changed(MINIMAL, rule({"type": "response", "first": "begin", "then": "finish", "within": "P1.5D"})),
        ["requirements", 0, "rule"]),
    "within on a precedence rule": (
        changed(MINIMAL, rule({"type": "precedence", "first": "begin", "then": "finish", "within": "P1D"})),
        ["requirements", 0, "rule"]),
    "requirement without text": (
        changed(MINIMAL, set_at(["requirements"], [{"id": "krav"}])), ["requirements", 0]),
    "case type without name": (
        changed(MINIMAL, set_at(["case_types"], [{"id": "c"}])), ["case_types", 0]),
    "case type choice not a string": (
        changed(MINIMAL, set_at(["case_types"], [{"id": "c", "name": "C", "choices": {"begin": 1}}])),
        ["case_types", 0, "choices", "begin"]),
    "case type choice at a bad step id": (
        changed(MINIMAL, set_at(["case_types"], [{"id": "c", "name": "C", "choices": {"a b": "x"}}])),
        ["case_types", 0, "choices"]),
    "case type choices an array": (
        changed(MINIMAL, set_at(["case_types"], [{"id": "c", "name": "C", "choices": ["x"]}])),
        ["case_types", 0, "choices"]),
    "follow-up without question": (
        changed(MINIMAL, set_at(["follow_up"], [{"id": "f"}])), ["follow_up", 0]),
    "follow-up every_days 0": (
        changed(MINIMAL, set_at(["follow_up"], [{"id": "f", "question": "?", "every_days": 0}])),
        ["follow_up", 0, "every_days"]),
    "follow-up every_days \"7\"": (
        changed(MINIMAL, set_at(["follow_up"], [{"id": "f", "question": "?", "every_days": "7"}])),
        ["follow_up", 0, "every_days"]),
    "follow-up every_days 1.5": (
        changed(MINIMAL, set_at(["follow_up"], [{"id": "f", "question": "?", "every_days": 1.5}])),
        ["follow_up", 0, "every_days"]),
    "review date 2026-9-1": (
        changed(MINIMAL, set_at(["review"], {"last_reviewed": "2026-9-1"})), ["review", "last_reviewed"]),
    "review date 2026-13-01": (
        changed(MINIMAL, set_at(["review"], {"last_reviewed": "2026-13-01"})), ["review", "last_reviewed"]),
    "review date 2026-02-30": (
        changed(MINIMAL, set_at(["review"], {"last_reviewed": "2026-02-30"})), ["review", "last_reviewed"]),
    "review date with a time": (
        changed(MINIMAL, set_at(["review"], {"last_reviewed": "2026-09-01T10:00:00Z"})),
        ["review", "last_reviewed"]),
    "review interval 0": (
        changed(MINIMAL, set_at(["review"], {"interval_days": 0})), ["review", "interval_days"]),
    "teams not an array": (changed(MINIMAL, set_at(["teams"], {"id": "t", "name": "T"})), ["teams"]),
    "team roles not strings": (
        changed(MINIMAL, set_at(["teams"], [{"id": "t", "name": "T", "roles": [{"name": "x"}]}])),
        ["teams", 0, "roles", 0]),
}


BATON_CLI = os.environ.get("BATON_CLI")


def loader_accepts(doc):
    """Whether `baton validate` accepts the document, and what it said."""
    r = subprocess.run([BATON_CLI, "validate", "-"], input=json.dumps(doc, ensure_ascii=False),
                       capture_output=True, text=True, encoding="utf-8")
    if r.returncode not in (0, 2):
        raise AssertionError("baton validate exited %d: %s" % (r.returncode, r.stderr))
    return r.returncode == 0, r.stderr.strip()


@unittest.skipUnless(BATON_CLI, "BATON_CLI is not set")
class LoaderAgreesTest(unittest.TestCase):
    """The schema and the loader are kept in step: neither accepts what the other refuses."""

    def test_loader_accepts_examples_and_valid_documents(self):
        docs = {str(p.relative_to(ROOT)): json.loads(p.read_text(encoding="utf-8"))
                for p in sorted(EXAMPLES.rglob("*.json"))}
        docs.update(VALID)
        for name, doc in docs.items():
            with self.subTest(document=name):
                ok, said = loader_accepts(doc)
                self.assertTrue(ok, said)

    def test_loader_refuses_invalid_documents(self):
        for name, (doc, _) in INVALID.items():
            with self.subTest(document=name):
                ok, said = loader_accepts(doc)
                self.assertFalse(ok, "the schema refuses it, but the loader accepts it")
                self.assertRegex(said, r"^-:")


class SchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load_schema()
        cls.validator = make_validator(cls.schema)

    def errors(self, doc):
        return list(self.validator.iter_errors(doc))

    def test_schema_is_valid_draft_2020_12(self):
        self.assertEqual(self.schema.get("$schema"), "https://json-schema.org/draft/2020-12/schema")
        self.assertRegex(self.schema.get("$id", ""), r"^https://")
        Draft202012Validator.check_schema(self.schema)

    def test_every_property_has_title_and_description(self):
        missing = []

        # Subschemas under these keywords only narrow members documented elsewhere.
        narrowing = {"oneOf", "anyOf", "allOf", "if", "then", "else", "not", "contains"}

        def walk(node, where, narrows):
            if isinstance(node, dict):
                props = node.get("properties")
                if isinstance(props, dict) and not narrows:
                    for name, sub in props.items():
                        if not (isinstance(sub, dict) and sub.get("title") and sub.get("description")):
                            missing.append(where + "/properties/" + name)
                for key, value in node.items():
                    walk(value, where + "/" + key, narrows or key in narrowing)
            elif isinstance(node, list):
                for i, value in enumerate(node):
                    walk(value, where + "/" + str(i), narrows)

        walk(self.schema, "#", False)
        self.assertEqual(missing, [], "properties without title or description")
        for name, sub in self.schema["$defs"].items():
            self.assertTrue(sub.get("title") and sub.get("description"), "#/$defs/" + name)

    def test_examples_are_valid(self):
        files = sorted(EXAMPLES.rglob("*.json")) if EXAMPLES.is_dir() else []
        if not files:
            print("\n  (no *.json under %s)" % EXAMPLES, end=" ", file=sys.stderr)
        for path in files:
            with self.subTest(example=str(path.relative_to(ROOT))):
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
                errors = self.errors(doc)
                self.assertEqual(errors, [], describe(errors))

    def test_valid_documents(self):
        for name, doc in VALID.items():
            with self.subTest(document=name):
                errors = self.errors(doc)
                self.assertEqual(errors, [], describe(errors))

    def test_invalid_documents(self):
        for name, (doc, where) in INVALID.items():
            with self.subTest(document=name):
                errors = self.errors(doc)
                self.assertNotEqual(errors, [], "accepted, but must be refused")
                paths = [list(e.absolute_path) for e in errors]
                self.assertTrue(
                    any(p[: len(where)] == where for p in paths),
                    "refused, but not at /%s: %s" % ("/".join(map(str, where)), describe(errors)),
                )

    def test_invalid_documents_differ_from_valid_ones_only_by_their_fault(self):
        # Guards the invalid set: the base documents themselves must be valid,
        # so each invalid document fails for its own fault only.
        for doc in (MINIMAL, FULL):
            self.assertEqual(self.errors(doc), [])


if __name__ == "__main__":
    unittest.main(argv=_UNITTEST_ARGV, verbosity=2)
