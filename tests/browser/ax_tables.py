"""What a screen reader should say on each citizen page, in Indonesian and English.

Each :class:`Said` row is one control as a screen reader announces it on focus: its role, its
name (the label or legend), then its description (the hint, then the error with its hidden
"Error:" prefix). Every text is a pair: (Indonesian, English). A :class:`Screen` is one page:
its level-1 heading, the controls it holds, and the same controls after the page was sent with
a mistake. ``test_accessibility_tree.py`` compares these with Chromium's accessibility tree.
The report journey's screens are in ``ax_report_tables``; the other citizen pages are here.

Only the controls whose words matter are listed (a choice question's group, its first choice,
and any choice with a hint of its own); every other control on the page is still checked for a
name by the tests. Listen controls are left out: their number depends on the audio settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

Texts = tuple[str, str]  # (Indonesian, English)
LANGS = ("id", "en")
ERROR_PREFIX: Texts = ("Kesalahan:", "Error:")
# The error summary is an alert named by its heading.
PROBLEM: Texts = ("Ada masalah", "There is a problem")
# Every citizen page: the language switch, the main menu, and the footer's menu, in this order.
NAVIGATION: tuple[Texts, ...] = (
    ("Bahasa", "Language"),
    ("Menu utama", "Main menu"),
    ("Bantuan dan pengaturan", "Help and settings"),
)


def pick(texts: Texts, lang: str) -> str:
    return texts[LANGS.index(lang)]


@dataclass(frozen=True)
class Said:
    """One control: what a screen reader says when it takes focus."""

    control: str  # CSS selector of the element
    role: str  # as Chromium names it: textbox, radio, checkbox, combobox, group, button
    name: Texts
    description: Texts = ("", "")
    invalid: bool = False  # announced as "invalid entry"


@dataclass(frozen=True)
class Screen:
    """One page: its h1, its controls, and its controls after each mistake (in the order of
    ``test_report_axe.MISTAKES`` for a report question)."""

    h1: Texts
    said: tuple[Said, ...] = ()
    errors: tuple[tuple[Said, ...], ...] = ()


def erred(said: Said, error: Texts) -> Said:
    """``said`` once its error shows: the hint, then "Error:" and the message."""
    description = tuple(
        " ".join(part for part in (hint, prefix, message) if part)
        for hint, prefix, message in zip(said.description, ERROR_PREFIX, error, strict=True)
    )
    return replace(said, description=(description[0], description[1]), invalid=True)


def group_erred(said: Said, error: Texts) -> Said:
    """A fieldset's error: said after its hint, but a group is never itself "invalid"."""
    return replace(erred(said, error), invalid=False)


# ---------------------------------------------------------------------------------------------
# home, display settings, following a report, forums

CODE = Said(
    "#code", "textbox", ("Apa kode lacak Anda?", "What is your tracking code?"),
    ("Anda mendapatkannya saat mengirim laporan, misalnya SRA-7K4Q-2M.",
     "You got it when you sent your report, for example SRA-7K4Q-2M."),
)  # fmt: skip
PIN = Said(
    "#pin", "textbox", ("PIN", "PIN"),
    ("PIN berupa 6 angka. Anda menerimanya bersama kode lacak. Kode lacak bisa dilihat orang"
     " lain; PIN menunjukkan bahwa laporan ini milik Anda.",
     "It has 6 digits. You got it with your tracking code. The code can be public; the PIN"
     " shows the report is yours."),
)  # fmt: skip
JOIN_CODE = Said(
    "#code", "textbox", ("Kode bergabung", "Join code"),
    ("6 huruf dan angka, misalnya K7M 2PQ. Kode ada di undangan atau di layar forum.",
     "6 letters and numbers, for example K7M 2PQ. You find it on the invitation or the screen"
     " at the forum."),
)  # fmt: skip
CONSENT = Said(
    "fieldset:has(#consent)", "group", ("Persetujuan Anda", "Your agreement"),
    ("Hanya perlu jika Anda menjawab pertanyaan tentang Anda.",
     "Needed only if you answered the questions about you."),
)  # fmt: skip
AGENDA = Said(
    "fieldset:has(#agenda_item)", "group",
    ("Tentang agenda yang mana?", "Which agenda item is it about?"),
)  # fmt: skip
INPUT = Said(
    "#text", "textbox", ("Masukan Anda", "Your input"),
    ("Satu hal sekali kirim, paling banyak 1000 karakter.",
     "One point at a time, up to 1000 characters."),
)  # fmt: skip
FORUM_TITLE: Texts = ("Forum Konsultasi Publik Puskesmas", "Forum Konsultasi Publik Puskesmas")

# Keyed by what the test does to reach the page.
PAGES: dict[str, Screen] = {
    "home": Screen(("Sampaikan suara Anda", "Make your voice heard")),
    "help": Screen(("Bantuan dan kontak", "Help and contact")),
    "preferences": Screen(
        ("Pengaturan tampilan", "Display settings"),
        (
            Said("fieldset:has(#text_size)", "group", ("Ukuran teks", "Text size")),
            Said("#text_size", "radio", ("Biasa", "Normal")),
            Said(
                "#display",
                "checkbox",
                ("Kontras tinggi", "High contrast"),
                ("Teks terang di latar hitam.", "Light text on a black background."),
            ),
            Said(
                "#display-2",
                "checkbox",
                ("Kurangi gerakan", "Reduce motion"),
                (
                    "Tidak ada yang bergerak atau memudar di halaman.",
                    "Nothing on the page moves or fades.",
                ),
            ),
            Said(
                "#display-3",
                "checkbox",
                ("Mudah dibaca", "Easy read"),
                ("Kalimat lebih pendek, dengan gambar.", "Shorter sentences, with pictures."),
            ),
            Said(
                "fieldset:has(#audio_autoplay)",
                "group",
                ("Putar suara dengan sendirinya?", "Play audio by itself?"),
            ),
            Said("main form button[type=submit]", "button", ("Simpan pengaturan", "Save settings")),
        ),
    ),
    "track": Screen(
        CODE.name,
        (
            CODE,
            PIN,
            Said("main form button[type=submit]", "button", ("Lihat laporan", "Check report")),
        ),
        (
            (
                erred(CODE, ("Tulis kode lacak Anda", "Enter your tracking code")),
                erred(
                    PIN,
                    (
                        "Tulis PIN berupa 6 angka, misalnya 123456",
                        "Enter the PIN as 6 digits, for example 123456",
                    ),
                ),
            ),
        ),
    ),
    "tracked report": Screen(
        ("Jalan berlubang di Jl. Raya Balaraja", "Jalan berlubang di Jl. Raya Balaraja"),
        (
            Said(
                "#reply",
                "textbox",
                ("Balasan Anda", "Your reply"),
                (
                    "Jika tanggapan belum menyelesaikan masalah Anda, beri tahu instansi alasannya."
                    " Laporan Anda dibuka lagi. Paling banyak 5000 karakter.",
                    "If the answer does not solve your problem, tell the agency why. Your report"
                    " opens again. Up to 5000 characters.",
                ),
            ),
            Said(
                "fieldset:has(#score)",
                "group",
                ("Seberapa baik tanggapannya?", "How good was the answer?"),
            ),
            Said("#score", "radio", ("1 – Sangat buruk", "1 – Very bad")),
            Said(
                "#comment",
                "textbox",
                ("Komentar (opsional)", "Comment (optional)"),
                (
                    "Apa yang sudah baik, atau apa yang bisa lebih baik? Paling banyak 1000 karakter.",
                    "What was good, or what could be better? Up to 1000 characters.",
                ),
            ),
        ),
    ),
    "forums": Screen(
        ("Forum", "Forums"),
        (JOIN_CODE,),
        (
            (
                erred(
                    JOIN_CODE,
                    (
                        "Tulis 6 huruf dan angka kode bergabung, seperti K7M 2PQ",
                        "Enter the 6 letters and numbers of the join code, like K7M 2PQ",
                    ),
                ),
            ),
        ),
    ),
    "forum join": Screen(
        FORUM_TITLE,
        (
            Said("#name", "textbox", ("Nama Anda (opsional)", "Your name (optional)")),
            Said(
                "fieldset:has(#gender)",
                "group",
                ("Anda perempuan atau laki-laki?", "Are you a woman or a man?"),
            ),
            Said("#gender", "radio", ("Perempuan", "Woman")),
            CONSENT,
            Said(
                "#consent",
                "checkbox",
                (
                    "Saya setuju Suara menyimpan jawaban ini untuk menghitung siapa yang ikut serta",
                    "I agree that Suara keeps these answers to count who takes part",
                ),
            ),
        ),
        (
            (
                group_erred(
                    CONSENT,
                    (
                        "Centang kotak tanda setuju, atau pilih tidak ingin menjawab untuk pertanyaan"
                        " tentang Anda",
                        "Tick the box to agree, or choose prefer not to say for the questions about you",
                    ),
                ),
            ),
        ),
    ),
    "forum joined": Screen(
        FORUM_TITLE,
        (AGENDA, Said("#agenda_item", "radio", ("Antrean", "Antrean")), INPUT),
        (
            (
                group_erred(AGENDA, ("Pilih agenda", "Choose the agenda item")),
                erred(INPUT, ("Tulis masukan", "Write the input")),
            ),
        ),
    ),
    "forum board": Screen(FORUM_TITLE),
}
