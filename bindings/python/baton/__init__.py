"""baton: check case-handling workflows, from Python.

Plain Python over the library's C ABI (ctypes); every method is one C call or
a few. The library is found through the environment variable BATON_LIBRARY
(a path), else next to this package, else on the system's search path.

    import baton
    with baton.Workflow.from_file("workflow.json") as wf:
        for finding in wf.check(today="2026-11-22"):
            print(finding.pointer, finding.severity, finding.message, finding.rule)
"""

import ctypes
import dataclasses
import datetime
import enum
import os
import weakref
from collections.abc import Mapping
from ctypes import byref, c_size_t, c_void_p
from typing import NamedTuple, Optional, Tuple

from ._capi import (CHECK_OPTIONS_VERSION, CONFORM_OPTIONS_VERSION, LOG_OPTIONS_VERSION, CheckOptions,
                    ConformOptions, LogOptions, lib)

__all__ = ["Error", "LoadError", "Status", "Workflow", "Report", "Finding", "Item", "Log", "Case", "Event",
           "Conformance", "CaseResult", "Deviation", "__version__"]

__version__ = lib.baton_version().decode()


class Status(enum.IntEnum):
    """baton_status."""

    OK = 0
    INVALID_ARGUMENT = -1
    IO = -2
    PARSE = -3
    INVALID = -4
    NOT_FOUND = -5
    LIMIT = -6
    NOMEM = -7
    INTERNAL = -99


class Error(Exception):
    """A call into the library failed; `status` says how, the text what."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class LoadError(Error):
    """A workflow could not be loaded. `pointer` is a JSON Pointer into the
    file ("" for none); `line` and `column` are set (1-based) for syntax
    errors, else 0."""

    def __init__(self, status, message, pointer, line, column):
        super().__init__(status, message)
        self.pointer = pointer
        self.line = line
        self.column = column

    @property
    def place(self):
        """"LINE:COLUMN" for a syntax error, else the pointer."""
        return f"{self.line}:{self.column}" if self.line else self.pointer

    def __str__(self):
        return f"{self.place}: {self.message}" if self.place else self.message


_LOAD_STATUSES = {Status.IO, Status.PARSE, Status.INVALID}


def _decode(value):
    return value.decode("utf-8", errors="replace")


def _check(status):
    """Raises the calling thread's last error when `status` is a failure."""
    if status == Status.OK:
        return
    status = Status(status) if status in Status._value2member_map_ else status
    message = _decode(lib.baton_last_error_message())
    if status in _LOAD_STATUSES:
        raise LoadError(status, message, _decode(lib.baton_last_error_pointer()), lib.baton_last_error_line(),
                        lib.baton_last_error_column())
    raise Error(status, message)


def _string(value):
    """An accessor's string; NULL means the call failed and left a last error."""
    if value is None:
        raise Error(Status.INVALID_ARGUMENT, _decode(lib.baton_last_error_message()))
    return value.decode("utf-8")


def _take_string(function, *args):
    """Calls a function that hands out a string, and frees the C copy."""
    out, length = c_void_p(), c_size_t()
    _check(function(*args, byref(out), byref(length)))
    try:
        return ctypes.string_at(out.value, length.value).decode("utf-8")
    finally:
        lib.baton_string_free(out)


def _index(i, count, what):
    """A sequence index, negative from the end, checked against `count`."""
    if not -count <= i < count:
        raise IndexError(f"{what} index out of range")
    return i % count


class _Handle:
    """Owns one C handle: released by close(), a with block, or the garbage
    collector, whichever comes first."""

    def __init__(self, handle, free):
        self._handle = handle
        self._finalizer = weakref.finalize(self, free, handle)

    def close(self):
        self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _h(self):
        if self.closed:
            raise Error(Status.INVALID_ARGUMENT, f"the {type(self).__name__.lower()} is closed")
        return self._handle


class Item(NamedTuple):
    """A step, team or case type of a workflow: its id and name."""

    id: str
    name: str


def _comma_list(value):
    if value is None or isinstance(value, str):
        return value
    return ",".join(value)


def _utf8(text):
    return None if text is None else text.encode("utf-8")


def _options(today, only, disable, severity, state_limit, lang=None):
    if state_limit < 0:
        raise ValueError("state_limit must not be negative")
    if isinstance(severity, Mapping):
        severity = ",".join(f"{rule}={level}" for rule, level in severity.items())
    if isinstance(today, datetime.date):
        today = today.isoformat()
    return CheckOptions(CHECK_OPTIONS_VERSION, _utf8(_comma_list(only)), _utf8(_comma_list(disable)),
                        _utf8(severity), _utf8(today), state_limit, _utf8(lang))


def _date_text(today):
    return today.isoformat() if isinstance(today, datetime.date) else today


class Workflow(_Handle):
    """A loaded workflow. It never changes; threads may share it."""

    def __init__(self, handle):
        """Use from_file, from_json or from_bytes."""
        super().__init__(handle, lib.baton_workflow_free)

    @classmethod
    def from_file(cls, path):
        """Reads a workflow file: format v1 JSON or BPMN 2.0, told apart by content."""
        out = c_void_p()
        _check(lib.baton_workflow_from_file(os.fsencode(path), byref(out)))
        return cls(out.value)

    @classmethod
    def from_json(cls, text):
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = c_void_p()
        _check(lib.baton_workflow_from_json(data, len(data), byref(out)))
        return cls(out.value)

    @classmethod
    def from_bytes(cls, data, format=None):
        """Reads a workflow from bytes: `format` "json", "bpmn", or None to
        tell them apart by content."""
        data = bytes(data)
        out = c_void_p()
        _check(lib.baton_workflow_from_memory(data, len(data), _utf8(format), byref(out)))
        return cls(out.value)

    @property
    def id(self):
        return _string(lib.baton_workflow_id(self._h()))

    @property
    def name(self):
        return _string(lib.baton_workflow_name(self._h()))

    def _items(self, kind):
        count, id_of, name_of = (getattr(lib, f"baton_workflow_{kind}_{part}") for part in ("count", "id", "name"))
        h = self._h()
        return tuple(Item(_string(id_of(h, i)), _string(name_of(h, i))) for i in range(count(h)))

    @property
    def steps(self):
        return self._items("step")

    @property
    def teams(self):
        return self._items("team")

    @property
    def case_types(self):
        return self._items("case_type")

    def to_json(self):
        """The workflow as format v1 JSON text."""
        return _take_string(lib.baton_workflow_to_json, self._h())

    def to_bpmn(self):
        """The workflow as BPMN 2.0 XML text with its diagram; reading it
        back (Workflow.from_memory or from_file) gives an equal workflow."""
        return _take_string(lib.baton_workflow_to_bpmn, self._h())

    def check(self, today=None, only=None, disable=None, severity=None, state_limit=0, lang=None):
        """Runs the checks. `today`: "YYYY-MM-DD" or a date (default: today,
        UTC); `only`, `disable`: rule ids, comma-separated or a list;
        `severity`: "rule=level,..." or a dict; `state_limit`: 0 for the
        default; `lang`: "da" or "en" for the messages (default: the
        workflow's language). Raises Error for an unknown rule id, level,
        language or a bad date."""
        options = _options(today, only, disable, severity, state_limit, lang)
        out = c_void_p()
        _check(lib.baton_check(self._h(), byref(options), byref(out)))
        return Report(out.value, self)

    def walk(self, case_type=None, format="markdown"):
        """The walkthrough of one case type (its id), or of the whole workflow,
        as "markdown" or "json" text."""
        return _take_string(lib.baton_walk, self._h(), _utf8(case_type), _utf8(format))

    # ---- Texts for people (handbook): `format` "text", "markdown" or
    # "json"; `lang` "da" or "en" (default: the workflow's language).

    def followup(self, today=None, format="text", lang=None):
        """The follow-up agenda: the follow-up points by due date."""
        return _take_string(lib.baton_follow_up_agenda, self._h(), _utf8(_date_text(today)), _utf8(format),
                            _utf8(lang))

    def diff(self, old, team=None, today=None, format="text", lang=None):
        """What changes from the workflow `old` to this one (for `team`, a
        team id, only what changes for that team), with findings fixed and new."""
        return _take_string(lib.baton_diff, old._h(), self._h(), _utf8(team), _utf8(_date_text(today)),
                            _utf8(format), _utf8(lang))

    def impact(self, source=None, requirement=None, team=None, system=None, template=None, artifact=None,
               format="text", lang=None):
        """Everything that rests on one thing: a legal source (text such as
        "§ 20") or the id of a requirement, team, system, template or artifact."""
        named = {"source": source, "requirement": requirement, "team": team, "system": system,
                 "template": template, "artifact": artifact}
        given = [(of, value) for of, value in named.items() if value is not None]
        if len(given) != 1:
            raise ValueError("impact takes exactly one of source, requirement, team, system, template, artifact")
        of, value = given[0]
        return _take_string(lib.baton_impact, self._h(), _utf8(of), _utf8(value), _utf8(format), _utf8(lang))
    def conform(self, log, today=None, state_limit=0, jobs=1, pseudonymise=None):
        """Checks every case of `log` (a Log) against the workflow
        (shared/spec/event-logs.md). `today`: the analysis date for overdue
        cases, "YYYY-MM-DD" or a date (default: today, UTC); `jobs`: threads,
        the result is the same for any; `pseudonymise`: a key under which
        every case id is replaced by its HMAC-SHA-256."""
        if isinstance(today, datetime.date):
            today = today.isoformat()
        options = ConformOptions(CONFORM_OPTIONS_VERSION, _utf8(today), state_limit, jobs, _utf8(pseudonymise))
        out = c_void_p()
        _check(lib.baton_conform(self._h(), log._h(), byref(options), byref(out)))
        return Conformance(out.value)


@dataclasses.dataclass(frozen=True)
class Finding:
    """What one check reports about one place (shared/spec/checks.md)."""

    rule: str
    severity: str
    message: str
    pointer: str
    steps: Tuple[str, ...]
    transitions: Tuple[Tuple[str, str], ...]
    witness: Tuple[str, ...]
    requirement: Optional[str]
    case_type: Optional[str]


class Report(_Handle):
    """The findings of one check run, in order: a sequence of Finding."""

    def __init__(self, handle, workflow):
        super().__init__(handle, lib.baton_report_free)
        self.workflow = workflow

    @property
    def workflow_id(self):
        return _string(lib.baton_report_workflow(self._h()))

    def __len__(self):
        return lib.baton_report_count(self._h())

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __getitem__(self, i):
        h, i = self._h(), _index(i, len(self), "finding")

        def text(accessor):
            return _string(getattr(lib, f"baton_report_{accessor}")(h, i))

        def items(name, item=None):
            count_of, item_of = getattr(lib, f"baton_report_{name}_count"), getattr(lib, f"baton_report_{item or name}")
            return tuple(_string(item_of(h, i, j)) for j in range(count_of(h, i)))

        return Finding(text("rule"), text("severity"), text("message"), text("pointer"), items("step"),
                       tuple(zip(items("transition", "transition_from"), items("transition", "transition_to"))),
                       items("witness"), text("requirement") or None, text("case_type") or None)

    @property
    def counts(self):
        """{"error": n, "warning": n, "info": n}, as in the result JSON."""
        h = self._h()
        return {level: getattr(lib, f"baton_report_{level}_count")(h) for level in ("error", "warning", "info")}

    def to_json(self):
        """One result object of shared/spec/cli.md: workflow, findings, counts."""
        return _take_string(lib.baton_report_to_json, self._h())


# --- event logs (shared/spec/event-logs.md) ------------------------------------


@dataclasses.dataclass(frozen=True)
class Event:
    """One event of a case: `time` is an aware datetime in UTC; `lifecycle`
    is "complete" (also when the log gives none), "start" or "other"."""

    activity: str
    time: datetime.datetime
    lifecycle: str
    resource: str
    team: str


@dataclasses.dataclass(frozen=True)
class Case:
    """One case of a log, its events ordered by time (ties in file order)."""

    id: str
    case_type: str
    closed: bool
    events: Tuple[Event, ...]


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def _log_options(lenient, separator, columns, case_type_attribute, time_zone, classifier):
    known = ("case", "activity", "timestamp", "lifecycle", "resource", "team")
    unknown = set(columns) - set(known)
    if unknown:
        raise TypeError(f"unknown column option(s) {sorted(unknown)}; known: {list(known)}")
    return LogOptions(LOG_OPTIONS_VERSION, 1 if lenient else 0, _utf8(separator),
                      *(_utf8(columns.get(name)) for name in known), _utf8(case_type_attribute), _utf8(time_zone),
                      _utf8(classifier))


class Log(_Handle):
    """An event log read whole: XES or CSV, plain or gzip, told apart by
    content. A sequence of Case; `skipped` counts what a lenient read left
    out, per reason. Options: lenient, separator (CSV), columns (CSV: a dict
    of case, activity, timestamp, lifecycle, resource, team to column names),
    case_type_attribute, time_zone (IANA, for timestamps without offset),
    classifier (XES). Raises LoadError with the line and column."""

    def __init__(self, handle):
        """Use from_file or from_bytes."""
        super().__init__(handle, lib.baton_log_free)

    @classmethod
    def from_file(cls, path, *, lenient=False, separator=None, columns=None, case_type_attribute=None,
                  time_zone=None, classifier=None):
        options = _log_options(lenient, separator, columns or {}, case_type_attribute, time_zone, classifier)
        out = c_void_p()
        _check(lib.baton_log_from_file(os.fsencode(path), byref(options), byref(out)))
        return cls(out.value)

    @classmethod
    def from_bytes(cls, data, format=None, *, lenient=False, separator=None, columns=None,
                   case_type_attribute=None, time_zone=None, classifier=None):
        """`format`: "xes", "csv", or None to tell them apart by content."""
        data = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        options = _log_options(lenient, separator, columns or {}, case_type_attribute, time_zone, classifier)
        out = c_void_p()
        _check(lib.baton_log_from_memory(data, len(data), _utf8(format), byref(options), byref(out)))
        return cls(out.value)

    def __len__(self):
        return lib.baton_log_case_count(self._h())

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __getitem__(self, i):
        count = len(self)
        if not -count <= i < count:
            raise IndexError("case index out of range")
        i %= count
        h = self._h()

        def event(j):
            ms = lib.baton_log_event_time(h, i, j)
            return Event(_string(lib.baton_log_event_activity(h, i, j)), _EPOCH + datetime.timedelta(milliseconds=ms),
                         _string(lib.baton_log_event_lifecycle(h, i, j)), _string(lib.baton_log_event_resource(h, i, j)),
                         _string(lib.baton_log_event_team(h, i, j)))

        return Case(_string(lib.baton_log_case_id(h, i)), _string(lib.baton_log_case_type(h, i)),
                    bool(lib.baton_log_case_closed(h, i)),
                    tuple(event(j) for j in range(lib.baton_log_event_count(h, i))))

    @property
    def event_count(self):
        """The number of events read, over all cases."""
        return lib.baton_log_total_event_count(self._h())

    @property
    def skipped(self):
        """{reason: events skipped} of a lenient read."""
        h = self._h()
        return {_string(lib.baton_log_skipped_reason(h, k)): lib.baton_log_skipped_count(h, k)
                for k in range(lib.baton_log_skipped_reason_count(h))}


# --- conformance (shared/spec/event-logs.md) ------------------------------------


@dataclasses.dataclass(frozen=True)
class Deviation:
    """A deviation of a case from the workflow, in the workflow's words."""

    kind: str
    step: Optional[str]
    requirement: Optional[str]
    message: str


@dataclasses.dataclass(frozen=True)
class CaseResult:
    """One case checked: `cost` and `fitness` are None unless its status is
    "aligned" (else "analysis-limit" or "no-complete-run")."""

    id: str
    case_type: Optional[str]
    open: bool
    status: str
    cost: Optional[int]
    fitness: Optional[float]
    deviations: Tuple[Deviation, ...]


class Conformance(_Handle):
    """Every case of a log checked against a workflow, in the log's order: a
    sequence of CaseResult, with the log's fitness and the reports."""

    def __init__(self, handle):
        super().__init__(handle, lib.baton_conformance_free)

    @property
    def fitness(self):
        return lib.baton_conformance_fitness(self._h())

    def __len__(self):
        return lib.baton_conformance_case_count(self._h())

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __getitem__(self, i):
        h, i = self._h(), _index(i, len(self), "case")

        def deviation(j):
            def text(name):
                return _string(getattr(lib, f"baton_conformance_deviation_{name}")(h, i, j))
            return Deviation(text("kind"), text("step") or None, text("requirement") or None, text("message"))

        status = _string(lib.baton_conformance_case_status(h, i))
        aligned = status == "aligned"
        return CaseResult(_string(lib.baton_conformance_case_id(h, i)),
                          _string(lib.baton_conformance_case_type(h, i)) or None,
                          bool(lib.baton_conformance_case_open(h, i)), status,
                          lib.baton_conformance_case_cost(h, i) if aligned else None,
                          lib.baton_conformance_case_fitness(h, i) if aligned else None,
                          tuple(deviation(j) for j in range(lib.baton_conformance_deviation_count(h, i))))

    def to_json(self):
        """Everything, as `baton conform --format json` writes it."""
        return _take_string(lib.baton_conformance_write, self._h(), b"json")

    def to_text(self):
        """The manager's summary, as `baton conform` writes it."""
        return _take_string(lib.baton_conformance_write, self._h(), b"text")

    def to_csv(self):
        """A row per case and per deviation, as `baton conform --format csv` writes it."""
        return _take_string(lib.baton_conformance_write, self._h(), b"csv")
