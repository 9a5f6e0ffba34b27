"""Easy read of public reports: the list, its filters, one report and its support button.

EASY: each standard message (msgid) with its easy-read words and picture, made active by
i18n/easy.py when a person turns easy read on. ALREADY_EASY: the messages of these pages
that keep their words, by the reason (i18n.easy.REASONS) a reviewer accepted; the test
tests/unit/i18n/test_easy_read_coverage.py fails for a message in neither.
"""

from __future__ import annotations

from gesi_app.i18n.easy import N_, Easy

EASY: dict[str, Easy] = {
    "No reports match what you chose.": Easy(N_("We found no reports."), "search"),
    "Clear the filters and see all reports": Easy(N_("See all reports")),
    (
        "The number is a guide, not an exact count: from one internet connection we "
        "count one support for a report a day."
    ): Easy(N_("The number is not exact. We count 1 support a day from each phone or computer.")),
    "You support this report": Easy(picture="thumbs-up"),
    "Support this report": Easy(picture="thumbs-up"),
    "Reports appear here after staff check them. Confidential reports are never shown here.": Easy(
        N_("Staff check each report first. Then it comes here. Secret reports never come here."),
        "eye",
    ),
    "Find reports": Easy(picture="search"),
    "We look in the title and the description.": Easy(N_("We look in the name and the story.")),
    "Area (kecamatan)": Easy(N_("Area")),
    "Tracking code": Easy(picture="search"),
    "Answers from the agency": Easy(N_("Answers from the office"), "speech"),
    "Support a report when the problem matters to you too. We do not ask your name.": Easy(
        N_("Is this problem yours too? Support the report. We do not ask your name."), "thumbs-up"
    ),
    "Did you send this report?": Easy(picture="person"),
    "Follow it with your tracking code and PIN": Easy(
        N_("Use your tracking code and PIN to see more"), "key"
    ),
    (
        "Your support was not counted: a support for this report already came from your "
        "internet connection today."
    ): Easy(
        N_("We did not count your support. Your phone or computer already supported it today."),
        "warning",
    ),
    (
        "Your support was not counted: many supports came from your internet connection "
        "in the last hour. Try again later."
    ): Easy(
        N_(
            "We did not count your support. Too many came from your phone or computer. "
            "Try again later."
        ),
        "warning",
    ),
}

EASY[
    "Co-sign when you or your group share this problem. A group says how many of its members "
    "it speaks for."
] = Easy(N_("Sign if this problem is yours too."), "pencil")

ALREADY_EASY: dict[str, tuple[str, ...]] = {
    "short": (
        "Co-sign this report",
        "You co-signed this report",
        "Your group sent this report, so it cannot co-sign it.",
        "How many people of your group do you speak for?",
        "Co-sign for my group",
        "1 group",
        "1 citizen",
        "No one has co-signed yet.",
        "Enter how many people of your group you speak for",
        "Type",
        "Area",
        "Status",
        "Sent on",
        "Support",
        "Pages of reports",
        "Previous page",
        "Next page",
        "Words to look for",
        "All topics",
        "Show reports",
        "Clear the filters",
        "All public reports",
        "When it happened",
        "It is still happening",
        "Not known",
        "Sent by",
        "Sent without a name",
        "We do not show names",
        "Answer",
        "No answer yet.",
        "All types",
        "All statuses",
        "All areas",
        "No one supports this report yet.",
        "You support this report.",
        "What happened",
    ),
    "placeholder": (
        "Your group: %(group)s. Enter a number up to its registered members.",
        "Collective report: sent by %(group)s on behalf of 1 person",
        "Collective report: sent by %(group)s on behalf of %(num)s people",
        "%(num)s groups",
        "%(num)s citizens",
        "Co-signed by %(groups)s and %(citizens)s, on behalf of %(num)s people",
        "Co-signed by %(groups)s, on behalf of %(num)s people",
        "Co-signed by %(citizens)s",
        "Page %(page)s of %(pages)s",
        "Answer from %(agency)s",
        "All of %(topic)s",
        "%(num)s report",
        "%(num)s person supports this report.",
        "%(num)s supporter",
    ),
}
