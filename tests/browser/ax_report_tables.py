"""What a screen reader should say on each page of the report journey, in Indonesian and
English: one :class:`~tests.browser.ax_tables.Screen` a question, keyed by the question's step.
The fields' rows are in ``ax_report_fields``; the rows and their helpers are described in
``ax_tables``."""

from __future__ import annotations

from dataclasses import replace

from tests.browser.ax_report_fields import (
    ABOUT_YOU,
    AGE,
    ANONYMOUS,
    ASPIRATION,
    COMPLAINT,
    CONFIDENTIAL,
    CONTACT_EMAIL,
    CONTACT_NAME,
    CONTACT_PHONE,
    CONTINUE,
    DATE,
    DAY,
    DETAILS,
    DETAILS_ERRED,
    DISABILITY_KIND,
    EVIDENCE_FILE,
    EVIDENCE_WHAT,
    GENDER,
    INFORMATION,
    LANDMARK,
    NO_ANSWER,
    ON_A_DATE,
    RECORDING,
    SUBTOPIC,
    TITLE,
    TOPIC,
    TYPE,
    VILLAGE,
    WHEN,
    WHERE,
)
from tests.browser.ax_tables import Said, Screen, Texts, erred, group_erred


def _question(said: Said, more: tuple[Said, ...], error: Texts, *, group: bool = True) -> Screen:
    """A page of one question: the question, then its first answers; sent empty, the question
    with its error (a fieldset's, with ``group``)."""
    mark = group_erred if group else erred
    return Screen(said.name, (said, *more), ((mark(said, error),),))


def _difficulty(field: str, question: Texts) -> Screen:
    """A Washington Group question: the same five answers, no hint."""
    group = Said("fieldset", "group", question)
    first = Said(f"#{field}", "radio", ("Tidak kesulitan", "No difficulty"))
    return Screen(question, (group, first), ((group_erred(group, NO_ANSWER), first),))


JOURNEY: dict[str, Screen] = {
    "start": Screen(("Laporkan masalah", "Report a problem")),
    "type": Screen(
        TYPE.name,
        (TYPE, COMPLAINT, ASPIRATION, INFORMATION, CONTINUE),
        ((group_erred(TYPE, ("Pilih jenis laporan", "Choose the type of report")), COMPLAINT),),
    ),
    "topic": _question(
        TOPIC,
        (
            Said("#topic", "radio", ("Infrastruktur", "Infrastructure")),
            Said("#topic-13", "radio", ("Saya tidak tahu", "I don't know")),
        ),
        (
            "Pilih topik, atau pilih Saya tidak tahu",
            "Choose a topic, or choose I don't know",
        ),
    ),
    "subtopic": _question(
        SUBTOPIC,
        (Said("#subtopic", "radio", ("Jalan rusak atau berlubang", "Damaged roads")),),
        ("Pilih topik yang paling cocok", "Choose the topic that fits best"),
    ),
    "title": _question(
        TITLE, (), ("Tulis judul laporan Anda", "Enter a title for your report"), group=False
    ),
    "details": Screen(
        DETAILS.name,
        (DETAILS, RECORDING),
        ((DETAILS_ERRED,),),
    ),
    "when": Screen(
        WHEN.name,
        (
            WHEN,
            ON_A_DATE,
            DATE,
            DAY,
            Said("#when_kind-2", "radio", ("Masih terjadi", "It is still happening")),
        ),
        (
            (group_erred(WHEN, ("Pilih kapan kejadiannya", "Choose when it happened")), DATE),
            (
                WHEN,
                group_erred(
                    DATE,
                    (
                        "Tulis tanggal yang benar, misalnya 17 8 2026",
                        "Enter a real date, for example 17 8 2026",
                    ),
                ),
                replace(DAY, invalid=True),
            ),
        ),
    ),
    "where": _question(
        WHERE,
        (),
        (
            "Pilih kecamatan, atau pilih Saya tidak tahu",
            "Choose the district (kecamatan), or choose I don't know",
        ),
        group=False,
    ),
    "village": _question(
        VILLAGE,
        (Said("#desa-10", "radio", ("Saya tidak tahu", "I don't know")),),
        (
            "Pilih desa atau kelurahan, atau pilih Saya tidak tahu",
            "Choose the village (desa or kelurahan), or choose I don't know",
        ),
    ),
    "landmark": _question(
        LANDMARK,
        (),
        (
            "Tulis patokan paling banyak 200 karakter",
            "Write a landmark of 200 characters or fewer",
        ),
        group=False,
    ),
    "evidence": Screen(
        ("Tambahkan foto atau dokumen (opsional)", "Add photos or documents (optional)"),
        (
            EVIDENCE_FILE,
            EVIDENCE_WHAT,
            Said("button[value=upload]", "button", ("Unggah berkas", "Upload file")),
        ),
        (
            (
                erred(EVIDENCE_FILE, ("Pilih berkas untuk diunggah", "Choose a file to upload")),
                EVIDENCE_WHAT,
            ),
        ),
    ),
    "anonymous": _question(
        ANONYMOUS,
        (
            Said("#anonim", "radio", ("Ya", "Yes")),
            Said("#anonim-2", "radio", ("Tidak", "No")),
        ),
        (
            "Pilih ya untuk menyembunyikan nama Anda, atau tidak",
            "Choose yes to hide your name, or no",
        ),
    ),
    "confidential": _question(
        CONFIDENTIAL,
        (Said("#rahasia", "radio", ("Ya", "Yes")),),
        (
            "Pilih ya agar laporan Anda tidak tampil ke publik, atau tidak",
            "Choose yes to keep your report from the public, or no",
        ),
    ),
    "about-you": _question(
        ABOUT_YOU,
        (Said("#about_consent", "radio", ("Ya, saya setuju menjawab", "Yes, I agree to answer")),),
        (
            "Pilih ya untuk menjawab pertanyaan tentang Anda, atau tidak untuk melewatinya",
            "Choose yes to answer questions about you, or no to skip them",
        ),
    ),
    "gender": _question(
        GENDER,
        (
            Said("#gender", "radio", ("Perempuan", "Woman")),
            Said("#gender-3", "radio", ("Tidak ingin menjawab", "Prefer not to say")),
        ),
        NO_ANSWER,
    ),
    "age": _question(
        AGE,
        (Said("#age_band-2", "radio", ("16 sampai 30 (orang muda)", "16 to 30 (young people)")),),
        NO_ANSWER,
    ),
    "difficulty-seeing": _difficulty(
        "wg_seeing",
        (
            "Apakah Anda kesulitan melihat, meskipun memakai kacamata?",
            "Do you have difficulty seeing, even if wearing glasses?",
        ),
    ),
    "difficulty-hearing": _difficulty(
        "wg_hearing",
        (
            "Apakah Anda kesulitan mendengar, meskipun memakai alat bantu dengar?",
            "Do you have difficulty hearing, even if using a hearing aid?",
        ),
    ),
    "difficulty-walking": _difficulty(
        "wg_walking",
        (
            "Apakah Anda kesulitan berjalan atau naik tangga?",
            "Do you have difficulty walking or climbing steps?",
        ),
    ),
    "difficulty-remembering": _difficulty(
        "wg_remembering",
        (
            "Apakah Anda kesulitan mengingat atau berkonsentrasi?",
            "Do you have difficulty remembering or concentrating?",
        ),
    ),
    "difficulty-selfcare": _difficulty(
        "wg_selfcare",
        (
            "Apakah Anda kesulitan mengurus diri sendiri, seperti mandi atau berpakaian?",
            "Do you have difficulty with self-care, such as washing all over or dressing?",
        ),
    ),
    "difficulty-communicating": _difficulty(
        "wg_communicating",
        (
            "Apakah Anda kesulitan berkomunikasi dalam bahasa sehari-hari, misalnya memahami atau"
            " dipahami orang lain?",
            "Using your usual language, do you have difficulty communicating, for example"
            " understanding or being understood?",
        ),
    ),
    "disability-kind": _question(
        DISABILITY_KIND,
        (
            Said("#disability_kinds", "checkbox", ("Disabilitas fisik", "Physical")),
            Said(
                "#disability_kinds-4",
                "checkbox",
                (
                    "Disabilitas sensorik: netra atau lemah penglihatan",
                    "Sensory: blind or low vision",
                ),
            ),
        ),
        (
            "Pilih dari daftar, atau biarkan semuanya kosong",
            "Choose from the list, or leave them all empty",
        ),
    ),
    "contact": Screen(
        (
            "Bagaimana kami mengabari perkembangan laporan? (opsional)",
            "How can we tell you about progress? (optional)",
        ),
        (CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE),
        (
            (
                CONTACT_NAME,
                erred(
                    CONTACT_EMAIL,
                    (
                        "Tulis alamat email seperti nama@contoh.id",
                        "Enter an email address like nama@contoh.id",
                    ),
                ),
                erred(
                    CONTACT_PHONE,
                    (
                        "Tulis nomor HP seperti 0812 3456 7890",
                        "Enter a phone number like 0812 3456 7890",
                    ),
                ),
            ),
        ),
    ),
    "check": Screen(
        ("Periksa jawaban Anda", "Check your answers"),
        (
            Said(
                "a[href='/report/type?return=check']",
                "link",
                ("Ubah Jenis laporan", "Change Type of report"),
            ),
            Said("main form button[type=submit]", "button", ("Kirim laporan", "Send report")),
        ),
    ),
    "done": Screen(("Laporan Anda sudah kami terima", "Your report has been received")),
}
