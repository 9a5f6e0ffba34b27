"""Easy read of following a report: the tracking code page, the report's status, timeline, answers,
reply and rating, and their errors.

EASY: each standard message (msgid) with its easy-read words and picture, made active by
i18n/easy.py when a person turns easy read on. ALREADY_EASY: the messages of these pages
that keep their words, by the reason (i18n.easy.REASONS) a reviewer accepted; the test
tests/unit/i18n/test_easy_read_coverage.py fails for a message in neither.
"""

from __future__ import annotations

from gesi_app.i18n.easy import N_, Easy

EASY: dict[str, Easy] = {
    "Answers and replies": Easy(picture="speech"),
    "Answer from the agency": Easy(N_("Answer from the office"), "speech"),
    "There is no answer yet.": Easy(N_("The office has not answered yet."), "clock"),
    "What you sent": Easy(picture="envelope"),
    "3 – Neither good nor bad": Easy(N_("3 – OK")),
    "Your rating": Easy(picture="star"),
    "Rate the answer": Easy(picture="star"),
    "How good was the answer?": Easy(picture="star"),
    "What was good, or what could be better? Up to 1000 characters.": Easy(
        N_("What was good? What can be better?")
    ),
    "Reply to the agency": Easy(N_("Reply to the office"), "reply"),
    (
        "If the answer does not solve your problem, tell the agency why. Your report "
        "opens again. Up to 5000 characters."
    ): Easy(N_("Is the problem not solved? Tell the office why. We open your report again.")),
    "Add information or ask a question. The agency reads it. Up to 5000 characters.": Easy(
        N_("Tell the office more. Or ask a question. The office reads it.")
    ),
    "Where your report is now": Easy(picture="pin"),
    "What happened so far": Easy(picture="list"),
    "Your report was checked and sent to the agency.": Easy(
        N_("We checked your report. We sent it to the office.")
    ),
    "Work on your report started again.": Easy(N_("We work on your report again.")),
    "The agency answered.": Easy(N_("The office answered.")),
    "The report was closed.": Easy(N_("The report is closed.")),
    "Work on your report was paused.": Easy(N_("We stopped work on your report for now.")),
    "Your report was sent on to the office that handles it.": Easy(
        N_("We sent your report to the right office.")
    ),
    "Complaint": Easy(picture="warning"),
    "Aspiration (suggestion)": Easy(N_("Aspiration (idea)"), "speech"),
    "Information request": Easy(picture="question"),
    "Wait before you try the PIN again": Easy(N_("Wait. Then try the PIN again."), "clock"),
    (
        "Someone typed a wrong PIN for this report too many times. To keep the report "
        "safe, nobody can use its PIN for a while."
    ): Easy(
        N_(
            "Someone typed a wrong PIN many times. So we locked the PIN for a while. "
            "This keeps your report safe."
        ),
        "lock",
    ),
    "Lost your PIN? Staff can give you a new one. They will ask you about your report first.": Easy(
        N_("Lost your PIN? Ask our staff for a new one. They ask about your report first."), "key"
    ),
    "Your reply is sent": Easy(picture="check"),
    "The agency reads it. Their answer appears on this page.": Easy(
        N_("The office reads it. The answer comes on this page.")
    ),
    "Thank you for your rating": Easy(picture="star"),
    "It helps the agency to answer better.": Easy(N_("It helps the office answer better.")),
    "What is your tracking code?": Easy(picture="search"),
    "You got it when you sent your report, for example SRA-7K4Q-2M.": Easy(
        N_("You got it with your report. For example SRA-7K4Q-2M.")
    ),
    "PIN": Easy(picture="key"),
    (
        "It has 6 digits. You got it with your tracking code. The code can be public; "
        "the PIN shows the report is yours."
    ): Easy(
        N_("It has 6 numbers. You got it with your tracking code. It shows the report is yours.")
    ),
    "Lost your tracking code or PIN?": Easy(picture="question"),
    "Enter your tracking code": Easy(N_("Write your tracking code"), "warning"),
    "Enter the tracking code as it was given to you, for example SRA-7K4Q-2M": Easy(
        N_("Write the code as you got it. For example SRA-7K4Q-2M."), "warning"
    ),
    "Enter your PIN. It has 6 digits and came with your tracking code": Easy(
        N_("Write your PIN. It has 6 numbers."), "warning"
    ),
    "Enter the PIN as 6 digits, for example 123456": Easy(
        N_("Write 6 numbers. For example 123456."), "warning"
    ),
    "Write your reply": Easy(picture="warning"),
    "Make your reply 5000 characters or fewer": Easy(N_("Make your reply shorter"), "warning"),
    "Choose how good the answer was": Easy(N_("Choose a number from 1 to 5"), "warning"),
    "Make your comment 1000 characters or fewer": Easy(N_("Make your comment shorter"), "warning"),
    "We cannot find a report with that code and PIN. Check them and try again": Easy(
        N_("We cannot find this report. Look at the code and PIN. Try again."), "warning"
    ),
    "This report is closed. You cannot reply to it any more.": Easy(
        N_("This report is closed. You cannot reply now."), "warning"
    ),
    "You have already rated this answer. We keep your first rating.": Easy(
        N_("You rated this answer before. We keep your first rating."), "warning"
    ),
    "You can rate the answer after the agency has answered.": Easy(
        N_("Wait for the answer. Then you can rate it."), "warning"
    ),
}

ALREADY_EASY: dict[str, tuple[str, ...]] = {
    "short": (
        "Your reply",
        "Listen to the answer",
        "photo",
        "voice message",
        "sign-language video",
        "document",
        "You did not send any files.",
        "We received your sign-language video.",
        "We received your voice message.",
        "You did not send a voice message.",
        "1 – Very bad",
        "2 – Bad",
        "4 – Good",
        "5 – Very good",
        "Your comment:",
        "Comment (optional)",
        "Send rating",
        "Send reply",
        "Your report is closed.",
        "Reason:",
        "Listen to the status",
        "We received your report.",
        "You replied. The report is open again.",
        "Go to the home page",
        "Check another report",
        "Check report",
    ),
    "placeholder": (
        "We received %(num)s file:",
        "We received your sign-language video (%(length)s).",
        "We received your voice message (%(length)s).",
        "You rated the answer: %(score)s.",
        "We are late. The check was due by %(date)s.",
        "The check takes up to %(days)s working days, by %(date)s.",
        "The check takes up to %(days)s working days.",
        "The agency is late. The answer was due by %(date)s.",
        "The agency answers within %(days)s working days, by %(date)s.",
        "The agency answers within %(days)s working days.",
        "Without a reply from you, the report closes after %(days)s working days, on %(date)s.",
        "Without a reply from you, the report closes after %(days)s working days.",
        "The report closed because there was no reply for %(days)s working days.",
        "You can try again after %(time)s.",
        "Your report %(code)s",
    ),
    "plain-only": (
        "We have received your report.",
        "A staff member checks it and sends it to the agency that handles it.",
        "Your report was checked and sent to the agency that handles it.",
        "The agency works on it and writes an answer on this page.",
        "The agency has answered your report.",
        "Read the answer below. If it does not solve your problem, send a reply.",
        "Nothing more happens with it. If the problem comes back, send a new report.",
        "Work on your report is paused.",
        "We continue when the reason below is solved. You can still send a reply.",
        "Your report is not for %(authority)s.",
        "Another office handles this problem. We sent your report on to them.",
        "Your report was archived.",
        "It will not be handled. The reason is below. You can send a new report.",
    ),
    "easy-only": (
        "We got your report.",
        "A staff member reads it.",
        "Then they send it to the right office.",
        "We checked your report.",
        "We sent it to the office that can help.",
        "The office will answer on this page.",
        "The office answered.",
        "Read the answer below.",
        "Is the problem not solved? Send a reply.",
        "Is the problem back? Send a new report.",
        "Work on your report has stopped for now.",
        "The reason is below.",
        "You can still send a reply.",
        "This is not a job for %(authority)s.",
        "We sent your report to the right office.",
        "Your report is archived.",
        "Nobody will work on it.",
    ),
    "name": (
        "Received",
        "Verified",
        "Answered",
        "Closed",
        "On hold",
        "Not our authority",
        "Archived",
    ),
}
