"""Migration 0012 on a database with reports: the ones staff had verified stay public with
the words the public already saw; the others (and every rahasia one) wait for verification."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gesi_app.db import migrate

NOW = "2026-11-02 03:00:00.000000"


def _report(db: sqlite3.Connection, code: str, status: str, *, rahasia: bool = False) -> int:
    cursor = db.execute(
        "INSERT INTO reports (tracking_code, type, title, description, when_kind, anonim, "
        "rahasia, status, channel, locale, weight, support_count, created_at, updated_at, "
        "landmark) VALUES (?, 'pengaduan', ?, 'Isi laporan lama.', 'unknown', 0, ?, ?, 'web', "
        "'id', 1, 0, ?, ?, 'Dekat pasar')",
        (code, f"Judul {code}", int(rahasia), status, NOW, NOW),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _event(db: sqlite3.Connection, report_id: int, to: str, at: str) -> None:
    db.execute(
        "INSERT INTO report_events (report_id, to_status, actor_kind, created_at) "
        "VALUES (?, ?, 'staff', ?)",
        (report_id, to, at),
    )


def test_reports_verified_before_stay_public_the_rest_wait(tmp_path: Path) -> None:
    path = tmp_path / "db" / "old.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    migrate.upgrade(url, "0010")
    with sqlite3.connect(path) as db:
        received = _report(db, "SRA-AAAA-AA", "diterima")
        _event(db, received, "diterima", NOW)
        answered = _report(db, "SRA-BBBB-BB", "ditindaklanjuti")
        _event(db, answered, "diterima", NOW)
        _event(db, answered, "terverifikasi", "2026-11-03 04:00:00.000000")
        _event(db, answered, "ditindaklanjuti", "2026-11-04 04:00:00.000000")
        secret = _report(db, "SRA-CCCC-CC", "terverifikasi", rahasia=True)
        _event(db, secret, "terverifikasi", NOW)
        archived = _report(db, "SRA-DDDD-DD", "diarsipkan")
        _event(db, archived, "diarsipkan", NOW)
    migrate.upgrade(url)
    with sqlite3.connect(path) as db:
        rows = {
            code: (published, title, text, landmark)
            for code, published, title, text, landmark in db.execute(
                "SELECT tracking_code, published_at, public_title, public_description, "
                "public_landmark FROM reports ORDER BY id"
            )
        }
    assert rows == {
        "SRA-AAAA-AA": (None, None, None, None),
        "SRA-BBBB-BB": (
            "2026-11-03 04:00:00.000000",
            "Judul SRA-BBBB-BB",
            "Isi laporan lama.",
            "Dekat pasar",
        ),
        "SRA-CCCC-CC": (None, None, None, None),
        "SRA-DDDD-DD": (None, None, None, None),
    }
