"""What a screen reader should say on each page of the report journey, in Indonesian and
English: one :class:`~tests.browser.ax_tables.Screen` a question, keyed by the question's step.
The rows and their helpers are described in ``ax_tables``."""

from __future__ import annotations

from dataclasses import replace

from tests.browser.ax_tables import Said, Screen, Texts, erred, group_erred

# ---------------------------------------------------------------------------------------------
# the report journey, one question a page

TYPE = Said(
    "fieldset", "group", ("Apa jenis laporan Anda?", "What kind of report is it?"),
    ("Pilih satu.", "Choose one."),
)  # fmt: skip
COMPLAINT = Said(
    "#type", "radio", ("Pengaduan", "Complaint"),
    ("Ada layanan publik yang buruk, rusak, atau tidak ada.",
     "A public service is bad, broken or missing."),
)  # fmt: skip
ASPIRATION = Said(
    "#type-2", "radio", ("Aspirasi", "Aspiration"),
    ("Usul atau permintaan agar layanan menjadi lebih baik.",
     "An idea or a request to make a service better."),
)  # fmt: skip
INFORMATION = Said(
    "#type-3", "radio", ("Permintaan informasi", "Information request"),
    ("Anda ingin informasi yang dimiliki pemerintah.",
     "You want information that the government holds."),
)  # fmt: skip
TOPIC = Said(
    "fieldset", "group", ("Tentang apa laporan Anda?", "What is it about?"),
    ("Pilih topik yang paling dekat.", "Choose the closest topic."),
)  # fmt: skip
SUBTOPIC = Said("fieldset", "group", ("Mana yang paling cocok?", "Which of these fits best?"))
TITLE = Said(
    "#title", "textbox", ("Apa judul laporan Anda?", "What is the title of your report?"),
    ('Tulis singkat, misalnya "Lampu jalan mati di Jalan Raya Kelapa Dua".',
     'Keep it short, for example "Broken street light on Jalan Raya Kelapa Dua".'),
)  # fmt: skip
DETAILS_HINT: Texts = (
    "Ceritakan apa yang terjadi, di mana, dan siapa yang terdampak. Jangan tulis NIK Anda."
    " Anda bisa menulis sampai 5.000 karakter.",
    "Say what happened, where, and who is affected. Do not write your ID number."
    " You can write up to 5,000 characters.",
)
# With JavaScript the character count joins the description, after the hint and any error.
COUNT: Texts = ("Sisa karakter: 5000", "Characters left: 5000")
DETAILS = Said(
    "#details", "textbox", ("Apa yang terjadi?", "What happened?"),
    (f"{DETAILS_HINT[0]} {COUNT[0]}", f"{DETAILS_HINT[1]} {COUNT[1]}"),
)  # fmt: skip
DETAILS_ERROR: Texts = (
    "Ceritakan apa yang terjadi, atau kirim pesan suara atau video bahasa isyarat",
    "Tell us what happened, or send a voice message or a sign-language video",
)
DETAILS_ERRED = Said(
    "#details", "textbox", DETAILS.name,
    (f"{DETAILS_HINT[0]} Kesalahan: {DETAILS_ERROR[0]} {COUNT[0]}",
     f"{DETAILS_HINT[1]} Error: {DETAILS_ERROR[1]} {COUNT[1]}"),
    invalid=True,
)  # fmt: skip
RECORDING = Said(
    "#recording", "button", ("Pilih berkas suara atau video", "Choose a sound or video file"),
    ("Paling lama 5 menit. Berkas suara (Ogg, WebM, MP4, M4A, MP3, atau WAV) lebih kecil dari"
     " 20 MB, atau video (WebM atau MP4) lebih kecil dari 50 MB.",
     "Up to 5 minutes. A sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) smaller than 20 MB, or a"
     " video (WebM or MP4) smaller than 50 MB."),
)  # fmt: skip
WHEN = Said("fieldset", "group", ("Kapan kejadiannya?", "When did it happen?"))
ON_A_DATE = Said("#when_kind", "radio", ("Pada tanggal tertentu", "On a date"))
DATE = Said(
    "fieldset[role=group]", "group", ("Tanggal kejadian", "Date it happened"),
    ("Misalnya 17 8 2026. Isi hanya jika Anda memilih Pada tanggal tertentu.",
     "For example, 17 8 2026. Fill this in only if you chose On a date."),
)  # fmt: skip
DAY = Said("#when_day", "textbox", ("Hari", "Day"))
WHERE = Said(
    "#kecamatan", "combobox", ("Di kecamatan mana?", "Which district (kecamatan) is it in?"),
    ("Pilih dari daftar.", "Choose from the list."),
)  # fmt: skip
VILLAGE = Said(
    "fieldset", "group",
    ("Di desa atau kelurahan mana?", "Which village (desa or kelurahan) is it in?"),
)  # fmt: skip
LANDMARK = Said(
    "#landmark", "textbox",
    ("Apakah ada patokan di dekat tempat itu? (opsional)",
     "Is there a landmark near the place? (optional)"),
    ("Misalnya: depan pasar, sebelah masjid, RT 03 / RW 05.",
     "For example: in front of the market, next to the mosque, RT 03 / RW 05."),
)  # fmt: skip
EVIDENCE_FILE = Said("#evidence_file", "button", ("Pilih berkas", "Choose a file"))
EVIDENCE_WHAT = Said(
    "#evidence_description", "textbox", ("Apa isinya?", "What does it show?"),
    ("Wajib untuk foto, bagi orang yang tidak bisa melihatnya. Misalnya: lubang di jalan depan"
     " pasar.",
     "Needed for photos, for people who cannot see them. For example: a hole in the road in"
     " front of the market."),
)  # fmt: skip
ANONYMOUS = Said(
    "fieldset", "group", ("Apakah Anda ingin menyembunyikan nama?", "Do you want to hide your name?"),
    ("Jika Anda memilih ya, instansi dan publik tidak akan tahu siapa Anda.",
     "If you choose yes, the agency and the public will not see who you are."),
)  # fmt: skip
CONFIDENTIAL = Said(
    "fieldset", "group",
    ("Apakah Anda ingin merahasiakan laporan dari publik?",
     "Do you want to keep your report from the public?"),
    ("Jika Anda memilih ya, hanya petugas yang melihat laporan Anda. Laporan tidak tampil di"
     " daftar publik.",
     "If you choose yes, only staff will see your report. It will not be on the public list."),
)  # fmt: skip
ABOUT_YOU = Said(
    "fieldset", "group",
    ("Maukah Anda menjawab beberapa pertanyaan tentang Anda?",
     "Will you answer some questions about you?"),
    ("Ini membantu kami melihat apakah perempuan, orang muda, dan penyandang disabilitas sudah"
     " didengar. Jawaban Anda disimpan terpisah dari laporan. Kami hanya menghitungnya dalam"
     " kelompok 5 orang atau lebih. Anda boleh melewati pertanyaan mana pun.",
     "This helps us see if women, young people and people with disabilities are heard. Your"
     " answers are kept apart from your report. We only count them in groups of 5 or more. You"
     " can skip any question."),
)  # fmt: skip
GENDER = Said("fieldset", "group", ("Apa jenis kelamin Anda?", "What is your gender?"))
AGE = Said(
    "fieldset", "group", ("Berapa usia Anda?", "How old are you?"),
    ("Orang muda berusia 16 sampai 30 tahun.", "Young people are 16 to 30 years old."),
)  # fmt: skip
DISABILITY_KIND = Said(
    "fieldset", "group",
    ("Apa ragam disabilitas Anda? (opsional)", "Which kind of disability do you have? (optional)"),
    ("Pilih semua yang sesuai, atau tidak sama sekali. Lebih dari satu berarti disabilitas ganda.",
     "Choose all that apply, or none. More than one means multiple disability (ganda)."),
)  # fmt: skip
CONTACT_NAME = Said("#contact_name", "textbox", ("Nama Anda (opsional)", "Your name (optional)"))
CONTACT_EMAIL = Said(
    "#contact_email", "textbox", ("Alamat email (opsional)", "Email address (optional)")
)
CONTACT_PHONE = Said(
    "#contact_phone", "textbox", ("Nomor HP (opsional)", "Mobile phone number (optional)"),
    # The test server has no SMS gateway: the number is for staff to call (docs/sms-gateway.md).
    ("Kami tidak mengirim pesan singkat (SMS). Petugas mungkin menelepon Anda jika ada "
     "pertanyaan. Misalnya 0812 3456 7890.",
     "We do not send text messages (SMS). Staff may call you if they have a question. "
     "For example 0812 3456 7890."),
)  # fmt: skip
CONTINUE = Said("main form button[type=submit]", "button", ("Lanjutkan", "Continue"))
NO_ANSWER: Texts = (
    "Pilih jawaban, atau pilih Tidak ingin menjawab",
    "Choose an answer, or choose Prefer not to say",
)


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
    "topic": Screen(
        TOPIC.name,
        (
            TOPIC,
            Said("#topic", "radio", ("Infrastruktur", "Infrastructure")),
            Said("#topic-13", "radio", ("Saya tidak tahu", "I don't know")),
        ),
        (
            (
                group_erred(
                    TOPIC,
                    (
                        "Pilih topik, atau pilih Saya tidak tahu",
                        "Choose a topic, or choose I don't know",
                    ),
                ),
            ),
        ),
    ),
    "subtopic": Screen(
        SUBTOPIC.name,
        (SUBTOPIC, Said("#subtopic", "radio", ("Jalan rusak atau berlubang", "Damaged roads"))),
        (
            (
                group_erred(
                    SUBTOPIC, ("Pilih topik yang paling cocok", "Choose the topic that fits best")
                ),
            ),
        ),
    ),
    "title": Screen(
        TITLE.name,
        (TITLE,),
        ((erred(TITLE, ("Tulis judul laporan Anda", "Enter a title for your report")),),),
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
    "where": Screen(
        WHERE.name,
        (WHERE,),
        (
            (
                erred(
                    WHERE,
                    (
                        "Pilih kecamatan, atau pilih Saya tidak tahu",
                        "Choose the district (kecamatan), or choose I don't know",
                    ),
                ),
            ),
        ),
    ),
    "village": Screen(
        VILLAGE.name,
        (VILLAGE, Said("#desa-10", "radio", ("Saya tidak tahu", "I don't know"))),
        (
            (
                group_erred(
                    VILLAGE,
                    (
                        "Pilih desa atau kelurahan, atau pilih Saya tidak tahu",
                        "Choose the village (desa or kelurahan), or choose I don't know",
                    ),
                ),
            ),
        ),
    ),
    "landmark": Screen(
        LANDMARK.name,
        (LANDMARK,),
        (
            (
                erred(
                    LANDMARK,
                    (
                        "Tulis patokan paling banyak 200 karakter",
                        "Write a landmark of 200 characters or fewer",
                    ),
                ),
            ),
        ),
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
    "anonymous": Screen(
        ANONYMOUS.name,
        (
            ANONYMOUS,
            Said("#anonim", "radio", ("Ya", "Yes")),
            Said("#anonim-2", "radio", ("Tidak", "No")),
        ),
        (
            (
                group_erred(
                    ANONYMOUS,
                    (
                        "Pilih ya untuk menyembunyikan nama Anda, atau tidak",
                        "Choose yes to hide your name, or no",
                    ),
                ),
            ),
        ),
    ),
    "confidential": Screen(
        CONFIDENTIAL.name,
        (CONFIDENTIAL, Said("#rahasia", "radio", ("Ya", "Yes"))),
        (
            (
                group_erred(
                    CONFIDENTIAL,
                    (
                        "Pilih ya agar laporan Anda tidak tampil ke publik, atau tidak",
                        "Choose yes to keep your report from the public, or no",
                    ),
                ),
            ),
        ),
    ),
    "about-you": Screen(
        ABOUT_YOU.name,
        (
            ABOUT_YOU,
            Said("#about_consent", "radio", ("Ya, saya setuju menjawab", "Yes, I agree to answer")),
        ),
        (
            (
                group_erred(
                    ABOUT_YOU,
                    (
                        "Pilih ya untuk menjawab pertanyaan tentang Anda, atau tidak untuk melewatinya",
                        "Choose yes to answer questions about you, or no to skip them",
                    ),
                ),
            ),
        ),
    ),
    "gender": Screen(
        GENDER.name,
        (
            GENDER,
            Said("#gender", "radio", ("Perempuan", "Woman")),
            Said("#gender-3", "radio", ("Tidak ingin menjawab", "Prefer not to say")),
        ),
        ((group_erred(GENDER, NO_ANSWER),),),
    ),
    "age": Screen(
        AGE.name,
        (
            AGE,
            Said("#age_band-2", "radio", ("16 sampai 30 (orang muda)", "16 to 30 (young people)")),
        ),
        ((group_erred(AGE, NO_ANSWER),),),
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
    "disability-kind": Screen(
        DISABILITY_KIND.name,
        (
            DISABILITY_KIND,
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
            (
                group_erred(
                    DISABILITY_KIND,
                    (
                        "Pilih dari daftar, atau biarkan semuanya kosong",
                        "Choose from the list, or leave them all empty",
                    ),
                ),
            ),
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
