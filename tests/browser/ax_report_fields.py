"""What a screen reader should say for each field of the report journey, in Indonesian and
English, before any mistake: the rows ``ax_report_tables`` builds its screens from (the row
type is described in ``ax_tables``)."""

from __future__ import annotations

from tests.browser.ax_tables import Said, Texts

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
