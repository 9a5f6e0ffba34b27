"""Easy read on the evidence step (its intro in one-idea sentences, each with its audio) and on
"Check your answers" (row labels in easy words), in both languages; plain text otherwise."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from tests import factories
from tests.audio_support import AUDIO_SRC, mp3_seconds, require_audio_tools
from tests.functional.reports.journey_helpers import ANSWERS, answer, answer_all
from tests.functional.tracking_helpers import main

EASY_INTRO = {
    "id": [
        "Foto bisa membantu kantor memahami masalahnya.",
        "Anda tidak harus menambahkannya.",
        "Tambahkan satu berkas setiap kali.",
        "Pakai foto atau PDF. Ukurannya harus kurang dari 10 MB.",
        "Kami menghapus lokasi dari foto Anda sebelum menyimpannya.",
    ],
    "en": [
        "A photo can help the office understand.",
        "You do not have to add one.",
        "Add one file at a time.",
        "Use a photo or a PDF. It must be smaller than 10 MB.",
        "We take the place out of your photo before we keep it.",
    ],
}
PLAIN_INTRO = {
    "id": "Foto atau dokumen",
    "en": "A photo or a document can help the agency understand the problem.",
}
# (plain label, easy label) of rows on "Check your answers".
ROWS = {
    "id": [
        ("Jenis laporan", "Jenis laporan"),
        ("Judul", "Nama singkat"),
        ("Bukti", "Foto dan surat"),
    ],
    "en": [
        ("Type of report", "Kind of report"),
        ("Title", "Short name"),
        ("Evidence", "Photos and papers"),
        ("District (kecamatan)", "District"),
        ("Keep from the public", "Keep it secret"),
    ],
}


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def sentences(html: str) -> list[str]:
    return re.findall(r'<p class="easy-sentence">([^<]+)</p>', html)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_evidence_intro_in_easy_read(client: TestClient, seeded: str, lang: str) -> None:
    require_audio_tools()
    for slug, data in ANSWERS[:9]:
        assert answer(client, slug, data).status_code == 303, slug
    plain = client.get(f"/report/evidence?lang={lang}").text
    assert sentences(plain) == [] and PLAIN_INTRO[lang] in plain
    client.cookies.set(PREFS_COOKIE, "easy:1")
    easy = client.get(f"/report/evidence?lang={lang}").text
    assert sentences(easy) == EASY_INTRO[lang]
    assert PLAIN_INTRO[lang] not in easy
    # Each sentence has its Listen link, and the file is served.
    listen = [src for src, _name in AUDIO_SRC.findall(easy)]
    for sentence in EASY_INTRO[lang]:
        after = easy.split(f'<p class="easy-sentence">{sentence}</p>', 1)[1]
        src = AUDIO_SRC.search(after)
        assert src is not None and after.index(src.group(0)) < after.index("</div>") + 1
        heard = client.get(src.group(1))
        assert heard.status_code == 200 and heard.headers["content-type"] == "audio/mpeg"
        assert mp3_seconds(heard.content) > 0.5
    assert len(set(listen)) >= len(EASY_INTRO[lang])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_your_answers_labels_in_easy_read(client: TestClient, seeded: str, lang: str) -> None:
    answer_all(client)
    plain = main(client.get(f"/report/check?lang={lang}").text)
    client.cookies.set(PREFS_COOKIE, "easy:1")
    easy = main(client.get(f"/report/check?lang={lang}").text)
    for before, after in ROWS[lang]:
        assert f"<dt>{before}</dt>" in plain
        assert f"<dt>{after}</dt>" in easy
        if before != after:
            assert f"<dt>{before}</dt>" not in easy
    # The Change links name the row in the words the page shows.
    assert f'<span class="visually-hidden"> {ROWS[lang][1][1]}</span>' in easy
    # What the person typed is unchanged.
    assert "Jalan berlubang di depan pasar" in easy
