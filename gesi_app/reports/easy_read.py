"""Easy read of the report journey: its start page, every question and choice, check your answers,
the confirmation page and every error of its forms.

EASY: each standard message (msgid) with its easy-read words and picture, made active by
i18n/easy.py when a person turns easy read on. ALREADY_EASY (in easy_read_kept.py): the
messages of these pages that keep their words, by the reason (i18n.easy.REASONS) a reviewer
accepted; tests/unit/i18n/test_easy_read_coverage.py fails for a message in neither.
"""

from __future__ import annotations

from gesi_app.i18n.easy import N_, Easy
from gesi_app.reports.easy_read_kept import ALREADY_EASY

__all__ = ["ALREADY_EASY", "EASY"]

EASY: dict[str, Easy] = {
    "Your report is never public, because it is confidential. Only staff can see it.": Easy(
        N_("Your report is secret. Only staff can see it."), "lock"
    ),
    "See your report as the public sees it": Easy(
        N_("See your report as other people see it"), "eye"
    ),
    "Your report was not made public. Only staff can see it.": Easy(
        N_("Your report is not public. Only staff can see it."), "lock"
    ),
    (
        "Your report is not public yet. It becomes public after staff check it, within "
        "%(days)s working days, by %(date)s."
    ): Easy(N_("Your report is not public yet. Staff check it first."), "eye"),
    (
        "Your report is not public yet. It becomes public after staff check it, within "
        "%(days)s working days."
    ): Easy(N_("Your report is not public yet. Staff check it first."), "eye"),
    (
        "Before that, staff may take out names, NIK and phone numbers. We never show "
        "your name or contact."
    ): Easy(
        N_("Staff may take out names and numbers first. We never show your name."), "eye-slash"
    ),
    "Check your answers": Easy(picture="check"),
    "Now send your report": Easy(picture="envelope"),
    (
        "When you send it, you get a tracking code. Staff check your report within "
        "%(days)s working days."
    ): Easy(
        N_("You get a tracking code. We read your report within %(days)s working days."), "search"
    ),
    (
        "You chose to hide your name, so we do not ask for it. You will get a PIN to "
        "check your report."
    ): Easy(
        N_("You hid your name. So we do not ask for it. You get a PIN for your report."),
        "eye-slash",
    ),
    (
        "If you leave an email or phone number, only the coordinating staff can see it. "
        "The agency and the public cannot."
    ): Easy(
        N_(
            "Only our staff see your email or phone number. The office does not. The "
            "public does not."
        ),
        "lock",
    ),
    (
        "We send a message when your report is checked, answered and closed. Leave these "
        "empty if you do not want messages."
    ): Easy(
        N_("We send you news about your report. Do you not want news? Leave these empty."),
        "envelope",
    ),
    "The agency that handles your report can see your name. The public never sees it.": Easy(
        N_("The office that helps you sees your name. The public never sees it."), "eye"
    ),
    "Your name (optional)": Easy(picture="person"),
    "Email address (optional)": Easy(picture="envelope"),
    "Mobile phone number (optional)": Easy(N_("Phone number (optional)")),
    "For text messages (SMS). For example 0812 3456 7890.": Easy(
        N_("We send you a text message. For example 0812 3456 7890.")
    ),
    (
        "We send an email when your report is checked, answered and closed. Leave it "
        "empty if you do not want emails."
    ): Easy(
        N_("We send you news by email. Do you not want news? Leave it empty."),
        "envelope",
    ),
    (
        "We do not send text messages (SMS). Staff may call you if they have a question. "
        "For example 0812 3456 7890."
    ): Easy(N_("We do not send SMS. Staff may call you. For example 0812 3456 7890.")),
    "Choose a new recording to replace it": Easy(N_("Choose a new recording"), "microphone"),
    "Choose a sound or video file": Easy(picture="microphone"),
    "Your recording is ready. It is sent when you press Continue.": Easy(
        N_("Your recording is ready. Press Continue to send it."), "check"
    ),
    "Your report has been received": Easy(N_("We got your report"), "check"),
    "Your tracking code": Easy(picture="search"),
    "Your PIN": Easy(picture="key"),
    (
        "To see answers, reply or rate, you need the tracking code and this PIN. Anyone "
        "may see the tracking code; only you should know the PIN."
    ): Easy(
        N_(
            "You need the code and the PIN to see answers. Anyone may see the code. Only "
            "you know the PIN."
        ),
        "key",
    ),
    (
        "Write the PIN down now, next to the tracking code. Do not share it. We show it "
        "only this once."
    ): Easy(N_("Write the PIN down now. Do not tell anyone. We show it only once."), "pencil"),
    "If you gave an email address or phone number, we also send the PIN there.": Easy(
        N_("Did you give an email or phone number? We send the PIN there too."), "envelope"
    ),
    "If you gave an email address, we also send the PIN there.": Easy(
        N_("Did you give an email? We send the PIN there too."), "envelope"
    ),
    (
        "Your PIN was shown once, when you sent the report. If you gave an email address, "
        "we also sent it there."
    ): Easy(
        N_("We showed your PIN once, when you sent the report. We also sent it to your email."),
        "key",
    ),
    (
        "Your PIN was shown once, when you sent the report. If you gave an email address "
        "or phone number, we also sent it there."
    ): Easy(
        N_(
            "We showed your PIN once, when you sent the report. We also sent it to your "
            "email or phone."
        ),
        "key",
    ),
    "Keep your tracking code": Easy(picture="search"),
    "Write it down, take a screenshot, or print this page. You need it to check your report.": Easy(
        N_("Write it down. Or print this page. You need it to see your report."), "pencil"
    ),
    "Check your report at any time": Easy(picture="search"),
    "What happens next": Easy(picture="calendar"),
    "Staff check your report within %(days)s working days, by %(date)s.": Easy(
        N_("We read your report within %(days)s working days, by %(date)s."), "calendar"
    ),
    "Staff check your report within %(days)s working days.": Easy(
        N_("We read your report within %(days)s working days."), "calendar"
    ),
    (
        "Then they send it to the agency that can fix it. The agency answers within "
        "%(days)s working days."
    ): Easy(
        N_("Then we send it to the right office. The office answers within %(days)s working days."),
        "envelope",
    ),
    "You chose to keep your report from the public. Only staff can see it.": Easy(
        N_("Your report is secret. Only staff can see it."), "lock"
    ),
    "Add a file": Easy(picture="camera"),
    (
        "Needed for photos, for people who cannot see them. For example: a hole in the "
        "road in front of the market."
    ): Easy(N_("Say what is in the photo. Some people cannot see photos."), "speech"),
    "Tell us about a problem with a public service, share an idea, or ask for information.": Easy(
        N_("Tell us about a problem. Give us an idea. Or ask a question."), "megaphone"
    ),
    "We ask one question on each page. It takes about 5 minutes.": Easy(
        N_("One question on each page. It takes 5 minutes."), "list"
    ),
    "There is no time limit. Your answers are kept for 7 days on this device.": Easy(
        N_("Take your time. We keep your answers for 7 days."), "clock"
    ),
    "You can add photos or documents, but you do not have to.": Easy(
        N_("You can add photos. You do not have to."), "camera"
    ),
    "You can hide your name, and you can keep your report from the public.": Easy(
        N_("You can hide your name. You can keep your report secret."), "eye-slash"
    ),
    "Do not write your ID number (NIK) or other private numbers.": Easy(
        N_("Do not write your ID number."), "lock"
    ),
    "Other ways to report": Easy(picture="house"),
    (
        "You can also report at the public service office, by phone or by letter. A "
        "staff member will type it in for you."
    ): Easy(
        N_(
            "You can also come to our office. Or phone us. Or send a letter. We write it "
            "in for you."
        ),
        "house",
    ),
    "For example, 17 8 2026. Fill this in only if you chose On a date.": Easy(
        N_("For example 17 8 2026. Only for On a date."), "calendar"
    ),
    "Do you have difficulty seeing, even if wearing glasses?": Easy(picture="person"),
    "Do you have difficulty hearing, even if using a hearing aid?": Easy(picture="person"),
    "Do you have difficulty walking or climbing steps?": Easy(picture="person"),
    "Do you have difficulty remembering or concentrating?": Easy(picture="person"),
    "Do you have difficulty with self-care, such as washing all over or dressing?": Easy(
        picture="person"
    ),
    (
        "Using your usual language, do you have difficulty communicating, for example "
        "understanding or being understood?"
    ): Easy(picture="person"),
    "What kind of report is it?": Easy(picture="megaphone"),
    "Complaint": Easy(picture="warning"),
    "A public service is bad, broken or missing.": Easy(N_("Something is broken or bad.")),
    "Aspiration": Easy(picture="speech"),
    "An idea or a request to make a service better.": Easy(
        N_("You have an idea to make it better.")
    ),
    "Information request": Easy(picture="question"),
    "You want information that the government holds.": Easy(
        N_("You want to know something from the government.")
    ),
    "What is it about?": Easy(picture="list"),
    "Choose the closest topic.": Easy(N_("Choose one.")),
    "Which of these fits best?": Easy(N_("Which one fits best?"), "list"),
    "What is the title of your report?": Easy(N_("Give your report a short name."), "pencil"),
    'Keep it short, for example "Broken street light on Jalan Raya Kelapa Dua".': Easy(
        N_("For example: Broken street light.")
    ),
    "What happened?": Easy(picture="speech"),
    "Say what happened, where, and who is affected. Do not write your ID number.": Easy(
        N_("Tell us what you saw. Tell us who it hurts. Do not write your ID number.")
    ),
    "When did it happen?": Easy(picture="calendar"),
    "Which district (kecamatan) is it in?": Easy(N_("Where is it? Choose the district."), "pin"),
    "Which village (desa or kelurahan) is it in?": Easy(N_("Which village is it in?"), "pin"),
    "Is there a landmark near the place? (optional)": Easy(
        N_("What is near the place? (optional)"), "house"
    ),
    "For example: in front of the market, next to the mosque, RT 03 / RW 05.": Easy(
        N_("For example: the market or the mosque.")
    ),
    "Add photos or documents (optional)": Easy(N_("Add a photo or a paper (optional)"), "camera"),
    "Do you want to hide your name?": Easy(N_("Hide your name?"), "eye-slash"),
    "If you choose yes, the agency and the public will not see who you are.": Easy(
        N_("Yes: nobody sees your name. Not the office. Not the public.")
    ),
    "Do you want to keep your report from the public?": Easy(
        N_("Keep your report secret?"), "lock"
    ),
    "If you choose yes, only staff will see your report. It will not be on the public list.": Easy(
        N_("Yes: only staff see your report. It is not on the public list.")
    ),
    "Will you answer some questions about you?": Easy(
        N_("Answer some questions about you?"), "person"
    ),
    (
        "This helps us see if women, young people and people with disabilities are "
        "heard. Your answers are kept apart from your report. We only count them in "
        "groups of 5 or more. You can skip any question."
    ): Easy(N_("This helps us hear everyone. We keep your answers apart. You can skip them.")),
    "Yes, I agree to answer": Easy(N_("Yes, I will answer"), "check"),
    "No, skip these questions": Easy(N_("No, skip them")),
    "What is your gender?": Easy(picture="person"),
    "How old are you?": Easy(picture="person"),
    "Young people are 16 to 30 years old.": Easy(N_("Young people are 16 to 30.")),
    "Which kind of disability do you have? (optional)": Easy(
        N_("What is your disability? (optional)"), "person"
    ),
    "Choose all that apply, or none. More than one means multiple disability (ganda).": Easy(
        N_("Choose all that fit. Or choose none.")
    ),
    "How can we tell you about progress? (optional)": Easy(
        N_("How can we send you news? (optional)"), "envelope"
    ),
    "Title": Easy(N_("Short name")),
    "District (kecamatan)": Easy(N_("District")),
    "Village (desa or kelurahan)": Easy(N_("Village")),
    "Landmark": Easy(N_("Near the place")),
    "Evidence": Easy(N_("Photos and papers")),
    "Keep from the public": Easy(N_("Keep it secret")),
    "Questions about you": Easy(N_("Answer questions about you")),
    "Kind of disability": Easy(N_("Your disability")),
    "Type of report": Easy(N_("Kind of report")),
    "Topic": Easy(N_("What it is about")),
    "Choose the type of report": Easy(N_("Choose one kind of report"), "warning"),
    "Choose a topic, or choose I don't know": Easy(
        N_("Choose a topic. Or choose I don't know."), "warning"
    ),
    "Choose the topic that fits best": Easy(N_("Choose one"), "warning"),
    "Enter a title for your report": Easy(N_("Write a short name"), "warning"),
    "Tell us what happened": Easy(picture="warning"),
    "Enter a real date, for example 17 8 2026": Easy(
        N_("Write a real date. For example 17 8 2026."), "warning"
    ),
    "Enter the year with 4 digits, for example 2026": Easy(
        N_("Write the year with 4 numbers. For example 2026."), "warning"
    ),
    "Choose when it happened": Easy(picture="warning"),
    "Enter the date it happened": Easy(N_("Write the date"), "warning"),
    "The date must be today or in the past": Easy(
        N_("Write today or a day before today"), "warning"
    ),
    "Choose the district (kecamatan), or choose I don't know": Easy(
        N_("Choose the district. Or choose I don't know."), "warning"
    ),
    "Choose the village (desa or kelurahan), or choose I don't know": Easy(
        N_("Choose the village. Or choose I don't know."), "warning"
    ),
    "Choose yes to hide your name, or no": Easy(N_("Choose yes or no"), "warning"),
    "Choose yes to keep your report from the public, or no": Easy(
        N_("Choose yes or no"), "warning"
    ),
    "Choose yes to answer questions about you, or no to skip them": Easy(
        N_("Choose yes or no"), "warning"
    ),
    "Choose an answer, or choose Prefer not to say": Easy(N_("Choose an answer"), "warning"),
    "Choose from the list, or leave them all empty": Easy(
        N_("Choose from the list. Or choose none."), "warning"
    ),
    "Enter an email address like nama@contoh.id": Easy(
        N_("Write an email like nama@contoh.id"), "warning"
    ),
    "Enter a phone number like 0812 3456 7890": Easy(
        N_("Write a phone number like 0812 3456 7890"), "warning"
    ),
    "Choose a file to upload": Easy(picture="warning"),
    "The file must be smaller than 10 MB": Easy(
        N_("Choose a smaller file. Less than 10 MB."), "warning"
    ),
    "The file must be a photo (JPG, PNG or WebP) or a PDF": Easy(
        N_("Choose a photo or a PDF"), "warning"
    ),
    "Describe what the photo shows": Easy(N_("Say what is in the photo"), "warning"),
    (
        "The photo is too large to open: it has more than %(max)s megapixels. Choose a "
        "smaller photo"
    ): Easy(N_("The photo is too big. Choose a smaller photo."), "warning"),
    "The PDF is locked with a password. Send it without a password": Easy(
        N_("The PDF has a password. Send it without the password."), "warning"
    ),
    "The PDF cannot be opened. Try another file": Easy(
        N_("We cannot open the PDF. Try another file."), "warning"
    ),
    "The photo cannot be opened. Try another file": Easy(
        N_("We cannot open the photo. Try another file."), "warning"
    ),
    "A voice message must be smaller than 20 MB, and a video smaller than 50 MB": Easy(
        N_("Sound: less than 20 MB. Video: less than 50 MB."), "warning"
    ),
    "Choose a recording to upload": Easy(N_("Choose a recording"), "warning"),
    (
        "The recording must be a sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) or a video "
        "(WebM or MP4)"
    ): Easy(N_("Choose a sound file or a video"), "warning"),
    "The recording cannot be opened. Try another file": Easy(
        N_("We cannot open the recording. Try another file."), "warning"
    ),
    "We cannot tell how long the recording is. Try another file or record again": Easy(
        N_("We cannot play the recording. Try another file. Or record again."), "warning"
    ),
    "The recording must be 5 minutes or shorter": Easy(
        N_("Make the recording 5 minutes or less"), "warning"
    ),
    (
        "We cannot remove the hidden details (such as the place it was recorded) from "
        "this recording. Try another file or record again"
    ): Easy(N_("We cannot clean this recording. Try another file. Or record again."), "warning"),
    "Send one recording at a time": Easy(N_("Send one recording"), "warning"),
    "Tell us what happened, or send a voice message or a sign-language video": Easy(
        N_("Tell us what happened. Or send your voice. Or send a video."), "warning"
    ),
    "Upload one file at a time": Easy(N_("Add one file at a time"), "warning"),
    "We could not send your report yet. Check your answers, then press Send report again.": Easy(
        N_("We did not send your report yet. Look at your answers. Then press Send report."),
        "warning",
    ),
}

# The collective questions of a group's representative (reports/collective_forms.py).
EASY.update(
    {
        (
            "If you choose yes, the report shows your group's name "
            "and how many people it speaks for."
        ): Easy(N_("If you say yes, everyone sees your group's name."), "people"),
        (
            "Count each person once in the total. Count a person in every group below that "
            "fits them. Young people are 16 to 30 years old."
        ): Easy(N_("Count each person once. Young people are 16 to 30 years old."), "people"),
    }
)
