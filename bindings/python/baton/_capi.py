"""The shared library and one table of every function's C signature.

ctypes takes an undeclared result for an ``int``, which silently cuts
pointers and sizes, so every function of baton.h is declared here and nowhere
else; a test holds this table, the header and the library's exports equal.
"""

import ctypes
import ctypes.util
import os
from ctypes import POINTER, c_char_p, c_double, c_int, c_longlong, c_size_t, c_uint, c_ulonglong, c_void_p

# The ABI number this binding is written for: libbaton.so.<ABI>.
ABI = 1
CHECK_OPTIONS_VERSION = 3


class CheckOptions(ctypes.Structure):
    """baton_check_options, version 3."""

    _fields_ = [
        ("version", c_uint),
        ("only", c_char_p),
        ("disable", c_char_p),
        ("severity", c_char_p),
        ("today", c_char_p),
        ("state_limit", c_ulonglong),
        # ---- Version 2 (handbook): the language of the messages.
        ("lang", c_char_p),
        # ---- Version 3 (issue 12): the memory budget in bytes, 0 for none.
        ("memory_limit", c_ulonglong),
    ]


LOG_OPTIONS_VERSION = 1


class LogOptions(ctypes.Structure):
    """baton_log_options, version 1."""

    _fields_ = [
        ("version", c_uint),
        ("lenient", c_int),
        ("separator", c_char_p),
        ("case_column", c_char_p),
        ("activity_column", c_char_p),
        ("timestamp_column", c_char_p),
        ("lifecycle_column", c_char_p),
        ("resource_column", c_char_p),
        ("team_column", c_char_p),
        ("case_type_attribute", c_char_p),
        ("time_zone", c_char_p),
        ("classifier", c_char_p),
    ]


CONFORM_OPTIONS_VERSION = 1


class ConformOptions(ctypes.Structure):
    """baton_conform_options, version 1."""

    _fields_ = [
        ("version", c_uint),
        ("today", c_char_p),
        ("state_limit", c_ulonglong),
        ("jobs", c_uint),
        ("pseudonymise_key", c_char_p),
    ]


# Handles are opaque: void pointers. Strings handed to the caller come back
# through a void ** so that they can be freed (c_char_p would copy and lose
# the pointer).
_handle = c_void_p
_out_handle = POINTER(c_void_p)
_out_string = POINTER(c_void_p)
_status = c_int

FUNCTIONS = {
    "baton_version": (c_char_p, []),
    "baton_abi_version": (c_int, []),
    "baton_last_error_message": (c_char_p, []),
    "baton_last_error_pointer": (c_char_p, []),
    "baton_last_error_line": (c_int, []),
    "baton_last_error_column": (c_int, []),
    "baton_workflow_from_file": (_status, [c_char_p, _out_handle]),
    "baton_workflow_from_json": (_status, [c_char_p, c_size_t, _out_handle]),
    "baton_workflow_from_memory": (_status, [c_char_p, c_size_t, c_char_p, _out_handle]),
    "baton_workflow_to_json": (_status, [_handle, _out_string, POINTER(c_size_t)]),
    "baton_workflow_to_bpmn": (_status, [_handle, _out_string, POINTER(c_size_t)]),
    "baton_workflow_free": (None, [_handle]),
    "baton_workflow_id": (c_char_p, [_handle]),
    "baton_workflow_name": (c_char_p, [_handle]),
    "baton_workflow_step_count": (c_size_t, [_handle]),
    "baton_workflow_step_id": (c_char_p, [_handle, c_size_t]),
    "baton_workflow_step_name": (c_char_p, [_handle, c_size_t]),
    "baton_workflow_team_count": (c_size_t, [_handle]),
    "baton_workflow_team_id": (c_char_p, [_handle, c_size_t]),
    "baton_workflow_team_name": (c_char_p, [_handle, c_size_t]),
    "baton_workflow_case_type_count": (c_size_t, [_handle]),
    "baton_workflow_case_type_id": (c_char_p, [_handle, c_size_t]),
    "baton_workflow_case_type_name": (c_char_p, [_handle, c_size_t]),
    "baton_check": (_status, [_handle, POINTER(CheckOptions), _out_handle]),
    "baton_report_free": (None, [_handle]),
    "baton_report_workflow": (c_char_p, [_handle]),
    "baton_report_count": (c_size_t, [_handle]),
    "baton_report_error_count": (c_size_t, [_handle]),
    "baton_report_warning_count": (c_size_t, [_handle]),
    "baton_report_info_count": (c_size_t, [_handle]),
    "baton_report_rule": (c_char_p, [_handle, c_size_t]),
    "baton_report_severity": (c_char_p, [_handle, c_size_t]),
    "baton_report_message": (c_char_p, [_handle, c_size_t]),
    "baton_report_pointer": (c_char_p, [_handle, c_size_t]),
    "baton_report_requirement": (c_char_p, [_handle, c_size_t]),
    "baton_report_case_type": (c_char_p, [_handle, c_size_t]),
    "baton_report_step_count": (c_size_t, [_handle, c_size_t]),
    "baton_report_step": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_report_transition_count": (c_size_t, [_handle, c_size_t]),
    "baton_report_transition_from": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_report_transition_to": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_report_witness_count": (c_size_t, [_handle, c_size_t]),
    "baton_report_witness": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_report_to_json": (_status, [_handle, _out_string, POINTER(c_size_t)]),
    "baton_walk": (_status, [_handle, c_char_p, c_char_p, _out_string, POINTER(c_size_t)]),
    # ---- Texts for people (handbook)
    "baton_follow_up_agenda": (_status, [_handle, c_char_p, c_char_p, c_char_p, _out_string, POINTER(c_size_t)]),
    "baton_diff": (_status, [_handle, _handle, c_char_p, c_char_p, c_char_p, c_char_p, _out_string, POINTER(c_size_t)]),
    "baton_impact": (_status, [_handle, c_char_p, c_char_p, c_char_p, c_char_p, _out_string, POINTER(c_size_t)]),
    "baton_doc": (_status, [_handle, _handle, c_char_p, c_char_p, c_char_p, c_char_p]),
    "baton_string_free": (None, [c_void_p]),
    # event logs (issue 9)
    "baton_log_from_file": (_status, [c_char_p, POINTER(LogOptions), _out_handle]),
    "baton_log_from_memory": (_status, [c_char_p, c_size_t, c_char_p, POINTER(LogOptions), _out_handle]),
    "baton_log_free": (None, [_handle]),
    "baton_log_case_count": (c_size_t, [_handle]),
    "baton_log_total_event_count": (c_size_t, [_handle]),
    "baton_log_case_id": (c_char_p, [_handle, c_size_t]),
    "baton_log_case_type": (c_char_p, [_handle, c_size_t]),
    "baton_log_case_closed": (c_int, [_handle, c_size_t]),
    "baton_log_event_count": (c_size_t, [_handle, c_size_t]),
    "baton_log_event_activity": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_log_event_time": (c_longlong, [_handle, c_size_t, c_size_t]),
    "baton_log_event_lifecycle": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_log_event_resource": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_log_event_team": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_log_skipped_reason_count": (c_size_t, [_handle]),
    "baton_log_skipped_reason": (c_char_p, [_handle, c_size_t]),
    "baton_log_skipped_count": (c_ulonglong, [_handle, c_size_t]),
    # conformance (issue 9)
    "baton_conform": (_status, [_handle, _handle, POINTER(ConformOptions), _out_handle]),
    "baton_conformance_free": (None, [_handle]),
    "baton_conformance_fitness": (c_double, [_handle]),
    "baton_conformance_case_count": (c_size_t, [_handle]),
    "baton_conformance_case_id": (c_char_p, [_handle, c_size_t]),
    "baton_conformance_case_type": (c_char_p, [_handle, c_size_t]),
    "baton_conformance_case_open": (c_int, [_handle, c_size_t]),
    "baton_conformance_case_status": (c_char_p, [_handle, c_size_t]),
    "baton_conformance_case_cost": (c_longlong, [_handle, c_size_t]),
    "baton_conformance_case_fitness": (c_double, [_handle, c_size_t]),
    "baton_conformance_deviation_count": (c_size_t, [_handle, c_size_t]),
    "baton_conformance_deviation_kind": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_conformance_deviation_step": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_conformance_deviation_requirement": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_conformance_deviation_message": (c_char_p, [_handle, c_size_t, c_size_t]),
    "baton_conformance_write": (_status, [_handle, c_char_p, _out_string, POINTER(c_size_t)]),
}


def library_path():
    """BATON_LIBRARY, else the library next to this package, else the system's."""
    path = os.environ.get("BATON_LIBRARY")
    if path:
        return path
    package = os.path.dirname(os.path.abspath(__file__))
    for name in (f"libbaton.so.{ABI}", "libbaton.so"):
        candidate = os.path.join(package, name)
        if os.path.exists(candidate):
            return candidate
    return ctypes.util.find_library("baton") or f"libbaton.so.{ABI}"


def load():
    lib = ctypes.CDLL(library_path())
    for name, (restype, argtypes) in FUNCTIONS.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    if lib.baton_abi_version() != ABI:
        raise ImportError(f"{library_path()} has ABI {lib.baton_abi_version()}, this binding needs ABI {ABI}")
    return lib


lib = load()
