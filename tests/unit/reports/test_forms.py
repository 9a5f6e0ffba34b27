"""Each question's validation: input -> exact messages (both languages) or normalised answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from starlette.datastructures import FormData

from gesi_app.i18n import set_locale
from gesi_app.reports import forms
from gesi_app.reports.forms import Options

OPTIONS = Options(
    topics={"infrastruktur": True, "lainnya": False},
    subtopics=["jalan"],
    kecamatan=["36.03.01"],
    desa=["36.03.01.1001"],
    today=dt.date(2026, 11, 23),
)


def parse(slug: str, data: dict[str, Any], options: Options = OPTIONS) -> forms.Parsed:
    items = [(k, x) for k, v in data.items() for x in (v if isinstance(v, list) else [v])]
    return forms.PARSERS[slug](FormData(items), options)


ERRORS = [
    # slug, input, field, Indonesian, English
    ("type", {}, "type", "Pilih jenis laporan", "Choose the type of report"),
    ("type", {"type": "spam"}, "type", "Pilih jenis laporan", "Choose the type of report"),
    (
        "topic",
        {"topic": "nope"},
        "topic",
        "Pilih topik, atau pilih Saya tidak tahu",
        "Choose a topic, or choose I don't know",
    ),
    (
        "subtopic",
        {"subtopic": "sampah"},
        "subtopic",
        "Pilih topik yang paling cocok",
        "Choose the topic that fits best",
    ),
    (
        "title",
        {"title": "   "},
        "title",
        "Tulis judul laporan Anda",
        "Enter a title for your report",
    ),
    (
        "title",
        {"title": "abc"},
        "title",
        "Tulis judul paling sedikit 5 karakter",
        "Write a title of at least 5 characters",
    ),
    (
        "title",
        {"title": "x" * 121},
        "title",
        "Tulis judul paling banyak 120 karakter",
        "Write a title of 120 characters or fewer",
    ),
    ("details", {"details": ""}, "details", "Ceritakan apa yang terjadi", "Tell us what happened"),
    (
        "details",
        {"details": "pendek"},
        "details",
        "Tulis paling sedikit 10 karakter tentang kejadiannya",
        "Write at least 10 characters about what happened",
    ),
    (
        "details",
        {"details": "x" * 5001},
        "details",
        "Tulis paling banyak 5000 karakter tentang kejadiannya",
        "Write 5000 characters or fewer about what happened",
    ),
    ("when", {}, "when_kind", "Pilih kapan kejadiannya", "Choose when it happened"),
    (
        "when",
        {"when_kind": "date"},
        "when_day",
        "Tulis tanggal kejadian",
        "Enter the date it happened",
    ),
    (
        "when",
        {"when_kind": "date", "when_month": "8", "when_year": "2026"},
        "when_day",
        "Tanggal harus berisi hari",
        "The date must include a day",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "17", "when_year": "2026"},
        "when_month",
        "Tanggal harus berisi bulan",
        "The date must include a month",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "17", "when_month": "8"},
        "when_year",
        "Tanggal harus berisi tahun",
        "The date must include a year",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "31", "when_month": "2", "when_year": "2026"},
        "when_day",
        "Tulis tanggal yang benar, misalnya 17 8 2026",
        "Enter a real date, for example 17 8 2026",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "x", "when_month": "2", "when_year": "2026"},
        "when_day",
        "Tulis tanggal yang benar, misalnya 17 8 2026",
        "Enter a real date, for example 17 8 2026",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "1", "when_month": "2", "when_year": "26"},
        "when_year",
        "Tulis tahun dengan 4 angka, misalnya 2026",
        "Enter the year with 4 digits, for example 2026",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "24", "when_month": "11", "when_year": "2026"},
        "when_day",
        "Tanggal harus hari ini atau sebelumnya",
        "The date must be today or in the past",
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "1", "when_month": "1", "when_year": "1999"},
        "when_year",
        "Tulis tanggal pada tahun 2000 atau sesudahnya",
        "Enter a date in 2000 or later",
    ),
    (
        "where",
        {"kecamatan": "36.03.99"},
        "kecamatan",
        "Pilih kecamatan, atau pilih Saya tidak tahu",
        "Choose the district (kecamatan), or choose I don't know",
    ),
    (
        "village",
        {},
        "desa",
        "Pilih desa atau kelurahan, atau pilih Saya tidak tahu",
        "Choose the village (desa or kelurahan), or choose I don't know",
    ),
    (
        "landmark",
        {"landmark": "x" * 201},
        "landmark",
        "Tulis patokan paling banyak 200 karakter",
        "Write a landmark of 200 characters or fewer",
    ),
    (
        "anonymous",
        {"anonim": "maybe"},
        "anonim",
        "Pilih ya untuk menyembunyikan nama Anda, atau tidak",
        "Choose yes to hide your name, or no",
    ),
    (
        "confidential",
        {},
        "rahasia",
        "Pilih ya agar laporan Anda tidak tampil ke publik, atau tidak",
        "Choose yes to keep your report from the public, or no",
    ),
    (
        "about-you",
        {},
        "about_consent",
        "Pilih ya untuk menjawab pertanyaan tentang Anda, atau tidak untuk melewatinya",
        "Choose yes to answer questions about you, or no to skip them",
    ),
    (
        "gender",
        {},
        "gender",
        "Pilih jawaban, atau pilih Tidak ingin menjawab",
        "Choose an answer, or choose Prefer not to say",
    ),
    (
        "age",
        {"age_band": "99"},
        "age_band",
        "Pilih jawaban, atau pilih Tidak ingin menjawab",
        "Choose an answer, or choose Prefer not to say",
    ),
    (
        "difficulty-seeing",
        {"wg_seeing": "5"},
        "wg_seeing",
        "Pilih jawaban, atau pilih Tidak ingin menjawab",
        "Choose an answer, or choose Prefer not to say",
    ),
    (
        "disability-kind",
        {"disability_kinds": ["fisik", "cacat"]},
        "disability_kinds",
        "Pilih dari daftar, atau biarkan semuanya kosong",
        "Choose from the list, or leave them all empty",
    ),
    (
        "contact",
        {"contact_email": "siti@"},
        "contact_email",
        "Tulis alamat email seperti nama@contoh.id",
        "Enter an email address like nama@contoh.id",
    ),
    (
        "contact",
        {"contact_phone": "12345"},
        "contact_phone",
        "Tulis nomor HP seperti 0812 3456 7890",
        "Enter a phone number like 0812 3456 7890",
    ),
    (
        "contact",
        {"contact_name": "x" * 121},
        "contact_name",
        "Tulis nama paling banyak 120 karakter",
        "Write a name of 120 characters or fewer",
    ),
]


@pytest.mark.parametrize(("slug", "data", "field", "indonesian", "english"), ERRORS)
def test_errors_in_both_languages(
    slug: str, data: dict[str, Any], field: str, indonesian: str, english: str
) -> None:
    for locale, message in (("id", indonesian), ("en", english)):
        set_locale(locale)
        parsed = parse(slug, data)
        assert parsed.errors == {field: message}
        assert parsed.answers == {}
    set_locale("id")


def test_what_was_typed_is_kept_on_error() -> None:
    parsed = parse("title", {"title": "abc"})
    assert parsed.typed == {"title": "abc"}
    parsed = parse(
        "when", {"when_kind": "date", "when_day": "31", "when_month": "2", "when_year": "2026"}
    )
    assert parsed.typed == {
        "when_kind": "date",
        "when_day": "31",
        "when_month": "2",
        "when_year": "2026",
    }
    parsed = parse("contact", {"contact_email": "siti@", "contact_phone": "0812"})
    assert parsed.typed["contact_email"] == "siti@"


ACCEPTED = [
    ("type", {"type": "permintaan_informasi"}, {"type": "permintaan_informasi"}),
    ("topic", {"topic": "infrastruktur"}, {"topic": "infrastruktur", "_topic_has_children": True}),
    ("topic", {"topic": "unknown"}, {"topic": "unknown", "_topic_has_children": False}),
    ("title", {"title": "  Lampu jalan mati  "}, {"title": "Lampu jalan mati"}),
    (
        "when",
        {"when_kind": "ongoing", "when_day": "3"},
        {"when_kind": "ongoing", "occurred_on": None},
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "03", "when_month": "11", "when_year": "2026"},
        {"when_kind": "date", "occurred_on": "2026-11-03"},
    ),
    (
        "when",
        {"when_kind": "date", "when_day": "23", "when_month": "11", "when_year": "2026"},
        {"when_kind": "date", "occurred_on": "2026-11-23"},
    ),
    ("landmark", {"landmark": ""}, {"landmark": None, "_seen_landmark": True}),
    (
        "disability-kind",
        {"disability_kinds": ["sensorik_rungu", "fisik"]},
        {"disability_kinds": ["fisik", "sensorik_rungu"], "_seen_disability-kind": True},
    ),
    ("disability-kind", {}, {"disability_kinds": [], "_seen_disability-kind": True}),
    (
        "contact",
        {
            "contact_name": " Siti ",
            "contact_email": "Siti@Example.ORG",
            "contact_phone": "0812-3456-7890",
        },
        {
            "contact_name": "Siti",
            "contact_email": "siti@example.org",
            "contact_phone": "+6281234567890",
            "_seen_contact": True,
        },
    ),
    (
        "contact",
        {"contact_phone": "+62 812 3456 7890"},
        {
            "contact_name": None,
            "contact_email": None,
            "contact_phone": "+6281234567890",
            "_seen_contact": True,
        },
    ),
]


@pytest.mark.parametrize(("slug", "data", "answers"), ACCEPTED)
def test_accepted_and_normalised(slug: str, data: dict[str, Any], answers: dict[str, Any]) -> None:
    parsed = parse(slug, data)
    assert parsed.errors == {}
    assert parsed.answers == answers


def test_anonymous_reporter_gives_no_name() -> None:
    options = Options(anonymous=True)
    parsed = parse("contact", {"contact_name": "Siti", "contact_email": "a@b.id"}, options)
    assert parsed.answers["contact_name"] is None
    assert parsed.answers["contact_email"] == "a@b.id"
