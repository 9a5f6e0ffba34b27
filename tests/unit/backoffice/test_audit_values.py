"""The audit log's registry of keys: every key a service records has a label (read from the
source, so a new key cannot slip in unnamed), every value table covers its enum, and a key no
one named still reads as words."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from gesi_app.accounts.models import Role
from gesi_app.app import audit_vocabulary
from gesi_app.backoffice.audit_values import FIELDS, WORDS, AuditVocabulary, readable, show
from gesi_app.calendar.models import HolidayKind
from gesi_app.forums.attendance import Counts
from gesi_app.forums.models import Accommodation, Audience, ForumFormat, ForumState
from gesi_app.groups.models import GroupKind, GroupState
from gesi_app.i18n import set_locale
from gesi_app.notifications.models import OutboxChannel, OutboxStatus
from gesi_app.reports.models import Channel, Status
from gesi_app.stats.models import Segment

PACKAGE = Path(__file__).resolve().parents[3] / "gesi_app"
SNAPSHOTS = {"snapshot", "_snapshot", "publication_state"}
AUDIT_CALLS = {"record", "_audit", "_record", "record_change"}


def _dict_keys(node: ast.AST | None) -> set[str]:
    if not isinstance(node, ast.Dict):
        return set()
    return {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def recorded_keys() -> set[str]:
    """Keys of the before/after dicts that the package's services record."""
    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in SNAPSHOTS:
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return):
                        keys |= _dict_keys(ret.value)
            elif isinstance(node, ast.Call) and _call_name(node) in AUDIT_CALLS:
                for keyword in node.keywords:
                    if keyword.arg in ("before", "after"):
                        keys |= _dict_keys(keyword.value)
                    elif keyword.arg and _call_name(node) == "_audit":
                        keys.add(keyword.arg)  # casework's extra values: answer_length=...
                for arg in node.args:
                    keys |= _dict_keys(arg)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = {t.id for t in targets if isinstance(t, ast.Name)}
                if names & {"before", "after"}:
                    keys |= _dict_keys(node.value)
    keys |= {f.name for f in dataclasses.fields(Counts)}  # the head count, as a dict
    return keys


def test_the_scan_finds_the_keys_it_should() -> None:
    found = recorded_keys()
    for key in ("agency_id", "answer_length", "transcript_length", "status", "count", "due"):
        assert key in found


def test_every_recorded_key_has_a_label() -> None:
    unnamed = sorted(recorded_keys() - set(FIELDS) - {"ip", "now", "session", "user"})
    assert unnamed == [], f"audit keys without a label in backoffice/audit_values.py: {unnamed}"


@pytest.mark.parametrize(
    ("table", "values"),
    [
        ("status", {*Status, *OutboxStatus}),
        ("forum_state", set(ForumState)),
        ("forum_format", set(ForumFormat)),
        ("accommodation", set(Accommodation)),
        ("audience", set(Audience)),
        ("channel", set(Channel)),
        ("holiday_kind", set(HolidayKind)),
        ("role", set(Role)),
        ("outbox_channel", set(OutboxChannel)),
        ("segment", set(Segment)),
        ("group_kind", set(GroupKind)),
        ("group_state", set(GroupState)),
    ],
)
def test_every_value_has_words(table: str, values: set[str]) -> None:
    words = audit_vocabulary().words_for(table)
    assert {str(v) for v in values} <= set(words)


def test_every_words_field_has_a_table() -> None:
    vocabulary = audit_vocabulary()
    for key, known in FIELDS.items():
        if known.kind in ("words",):
            assert known.words in vocabulary.words or known.words in WORDS, key
        if known.kind == "name":
            assert known.names in vocabulary.names, key


@pytest.mark.parametrize(
    ("locale", "key", "value", "expected"),
    [
        ("en", "answer_length", 120, ("Answer length", "120 characters")),
        ("id", "answer_length", 120, ("Panjang jawaban", "120 karakter")),
        ("id", "answer_length", 1, ("Panjang jawaban", "1 karakter")),
        ("en", "transcript_length", 1, ("Transcript length", "1 character")),
        ("en", "anonim", True, ("Anonymous", "Yes")),
        ("id", "rahasia", False, ("Rahasia", "Tidak")),
        ("id", "status", "ditindaklanjuti", ("Status", "Ditindaklanjuti")),
        ("en", "status", "no_gateway", ("Status", "Not sent: no SMS gateway")),
        ("en", "status", "somewhere_new", ("Status", "somewhere_new")),  # unknown value: as is
        ("id", "agency_id", None, ("Instansi", "–")),
        ("en", "agency_id", 7, ("Agency", "number 7 (no longer there)")),
        ("id", "position", 1234, ("Urutan dalam daftar", "1.234")),
        ("en", "accommodations", ["captions", "easy_read"], ("Accommodations", "Live captions, Easy read")),
        ("id", "public_title", "Jalan rusak", ("Judul untuk publik", "Jalan rusak")),
        ("id", "share_bp", 850, ("Bagian dari penduduk", "8,5%")),
        ("en", "share_bp", 4942, ("Share of the population", "49.42%")),
        ("id", "segment", "disability", ("Kelompok penduduk", "Penyandang disabilitas")),
        ("id", "year", 2020, ("Tahun", "2020")),
        ("en", "group_state", "approved", ("State of the group", "Approved")),
        ("en", "members_total", 1200, ("All members", "1,200")),
        ("en", "brand_new_key", "x", ("Brand new key", "x")),
        ("id", "brand_new_key", None, ("Brand new key", "–")),
    ],
)  # fmt: skip
def test_values_read_in_the_language(
    locale: str, key: str, value: object, expected: tuple[str, str]
) -> None:
    set_locale(locale)
    try:
        shown = show(key, value, audit_vocabulary(), {})
    finally:
        set_locale("id")
    assert (shown.label, shown.text) == expected


def test_dates_stay_dates_for_the_page_filters() -> None:
    shown = show("answer_due", "2026-12-10", AuditVocabulary(), {})
    assert shown.kind == "date" and str(shown.moment) == "2026-12-10"
    broken = show("answer_due", "not a date", AuditVocabulary(), {})
    assert (broken.kind, broken.text) == ("text", "not a date")
    assert show("until", "2026-12-10T03:00:00+00:00", AuditVocabulary(), {}).kind == "datetime"


def test_readable() -> None:
    assert readable("agenda_item") == "Agenda item"
    assert readable("12") == "12"
