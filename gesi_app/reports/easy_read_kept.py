"""The report journey's messages that keep their words in easy read, by the reason
(i18n.easy.REASONS) a reviewer accepted: already short and plain, a placeholder-only line, and
so on. Their easy-read counterparts are in reports/easy_read.py; the test
tests/unit/i18n/test_easy_read_coverage.py fails for a message in neither.
"""

from __future__ import annotations

ALREADY_EASY: dict[str, tuple[str, ...]] = {
    "placeholder": (
        "Your group: %(group)s.",
        (
            "Your group registered %(total)s members: %(women)s women, %(youth)s young people "
            "and %(disability)s people with disabilities. You cannot count more than that."
        ),
        "Enter a number from 1 to %(max)s, the members your group registered",
        "Your report is public since %(date)s, with the words staff checked.",
        "You can write up to %(max)s characters.",
        "You sent: %(what)s.",
        "Spelled out: %(letters)s",
        "You added %(num)s file",
        "You added %(max)s files. That is the most you can add.",
        "Write a title of at least %(min)s characters",
        "Write a title of %(max)s characters or fewer",
        "Write at least %(min)s characters about what happened",
        "Write %(max)s characters or fewer about what happened",
        "The date must include %(part)s",
        "Enter a date in %(year)s or later",
        "Write a landmark of %(max)s characters or fewer",
        "Write a name of %(max)s characters or fewer",
        "Write a description of %(max)s characters or fewer",
        "You can add up to %(max)s files",
        "%(min)s min %(sec)s s",
        "%(min)s min",
        "%(sec)s s",
        "Sign-language video, %(length)s",
        "Voice message, %(length)s",
    ),
    "short": (
        "People who signed it (optional)",
        "How many of them signed the report with you. Counts only, no names.",
        "Choose yes to send it on behalf of your group, or no to send it for yourself",
        "Enter how many people you speak for",
        "Enter the number of people as a whole number, like 25",
        "Enter how many of them are women. Enter 0 if none",
        "Enter how many of them are young people. Enter 0 if none",
        "Enter how many of them have a disability. Enter 0 if none",
        "The number of women cannot be more than the people you speak for or your members",
        ("The number of young people cannot be more than the people you speak for or your members"),
        (
            "The number of people with disabilities cannot be more than the people you "
            "speak for or your members"
        ),
        "Enter the number of people who signed as a whole number, like 12",
        "The number of people who signed cannot be more than the people you speak for",
        "Only a group's representative can answer this",
        "Are you sending this on behalf of your group?",
        "Yes, on behalf of my group",
        "No, only for myself",
        "On behalf of how many people?",
        "On behalf of your group",
        "People you speak for",
        "People who signed it",
        "Change",
        "Leave this empty",
        "Send report",
        "Continue",
        "Remove the recording",
        "No PIN? Staff can give you a new one.",
        "Ask us for help",
        "Print this page",
        "Copy the tracking code",
        "The tracking code is copied.",
        "Send another report",
        "Remove",
        "Choose a file",
        "What does it show?",
        "Upload file",
        "Choose one",
        "Before you start",
        "Start now",
        "On a date",
        "Date it happened",
        "or",
        "I don't know",
        "Prefer not to say",
        "Yes",
        "No",
        "Choose one.",
        "Choose from the list.",
        "Under 16",
        "16 to 30 (young people)",
        "31 to 59",
        "60 or older",
        "Not given",
        "Hide your name",
        "Gender",
        "Age",
        "Name",
        "Email",
        "Phone",
        "a day",
        "a month",
        "a year",
    ),
    "easy-only": (
        "Or send your voice or a video",
        "You can talk instead of writing.",
        "Or you can sign in BISINDO.",
        "Only staff can see it or hear it.",
        "A photo can help the office understand.",
        "You do not have to add one.",
        "Add one file at a time.",
        "Use a photo or a PDF. It must be smaller than 10 MB.",
        "We take the place out of your photo before we keep it.",
    ),
    "plain-only": (
        "Or send a voice message or a sign-language video",
        (
            "You can speak instead of writing, or sign in Indonesian Sign Language "
            "(BISINDO). Only staff can play it. It is never shown to the public."
        ),
        (
            "A photo or a document can help the agency understand the problem. You do "
            "not have to add one."
        ),
        (
            "Add one file at a time: a photo (JPG, PNG or WebP) or a PDF, smaller than "
            "10 MB. Before we keep a file, we remove its hidden details, such as the "
            "place, the time and the phone or program that made it."
        ),
    ),
    "wg": (
        "No difficulty",
        "Some difficulty",
        "A lot of difficulty",
        "Cannot do at all",
    ),
    "name": (
        "Woman",
        "Man",
        "Physical",
        "Intellectual",
        "Mental (psychosocial)",
        "Sensory: blind or low vision",
        "Sensory: Deaf or hard of hearing",
        "Sensory: speech",
    ),
}
