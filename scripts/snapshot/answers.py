"""The report journey's answers, question by question (also walked by
``bench/journey_load.py``)."""

from __future__ import annotations

JOURNEY: dict[str, dict[str, str]] = {
    "type": {"type": "pengaduan"},
    "topic": {"topic": "infrastruktur"},
    "subtopic": {"subtopic": "jalan"},
    "title": {"title": "Jalan berlubang di depan pasar"},
    "details": {"details": "Lubang besar di depan pasar. Motor sering jatuh."},
    "when": {"when_kind": "date", "when_day": "3", "when_month": "11", "when_year": "2026"},
    "where": {"kecamatan": "36.03.01"},
    "village": {"desa": "36.03.01.1001"},
    "landmark": {"landmark": "Depan pasar"},
    "evidence": {"action": "continue"},
    "anonymous": {"anonim": "no"},
    "confidential": {"rahasia": "no"},
    "about-you": {"about_consent": "no"},
    "contact": {
        "contact_name": "Siti Rahma",
        "contact_email": "siti@example.org",
        "contact_phone": "0812 3456 7890",
    },
}
