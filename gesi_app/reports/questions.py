"""What each question of the report journey says: its heading, hint and choices.

Module-level strings are lazy, so each request gets them in its own language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.support import LazyProxy

from gesi_app.i18n import lazy_gettext as _l
from gesi_app.reports.journey import WG_DOMAINS
from gesi_app.web.forms import Choice


@dataclass(frozen=True)
class LazyChoice:
    value: str
    label: LazyProxy
    hint: LazyProxy | None = None
    divider: LazyProxy | None = None

    def resolve(self) -> Choice:
        return Choice(
            self.value,
            str(self.label),
            str(self.hint) if self.hint else None,
            str(self.divider) if self.divider else None,
        )


@dataclass(frozen=True)
class Question:
    kind: str  # radios | text | textarea | select | checkboxes | when | contact | evidence
    field: str
    label: LazyProxy
    hint: LazyProxy | None = None
    choices: Sequence[LazyChoice] = ()
    inline: bool = False


OR = _l("or")
PREFER_NOT = LazyChoice("prefer_not", _l("Prefer not to say"), divider=OR)
YES_NO = (LazyChoice("yes", _l("Yes")), LazyChoice("no", _l("No")))
WG_LABELS = {
    "seeing": _l("Do you have difficulty seeing, even if wearing glasses?"),
    "hearing": _l("Do you have difficulty hearing, even if using a hearing aid?"),
    "walking": _l("Do you have difficulty walking or climbing steps?"),
    "remembering": _l("Do you have difficulty remembering or concentrating?"),
    "selfcare": _l("Do you have difficulty with self-care, such as washing all over or dressing?"),
    "communicating": _l(
        "Using your usual language, do you have difficulty communicating, "
        "for example understanding or being understood?"
    ),
}
WG_CHOICES = (
    LazyChoice("1", _l("No difficulty")),
    LazyChoice("2", _l("Some difficulty")),
    LazyChoice("3", _l("A lot of difficulty")),
    LazyChoice("4", _l("Cannot do at all")),
    PREFER_NOT,
)

QUESTIONS: dict[str, Question] = {
    "type": Question(
        "radios",
        "type",
        _l("What kind of report is it?"),
        _l("Choose one."),
        (
            LazyChoice(
                "pengaduan", _l("Complaint"), _l("A public service is bad, broken or missing.")
            ),
            LazyChoice(
                "aspirasi", _l("Aspiration"), _l("An idea or a request to make a service better.")
            ),
            LazyChoice(
                "permintaan_informasi",
                _l("Information request"),
                _l("You want information that the government holds."),
            ),
        ),
    ),
    "on-behalf": Question(
        "radios",
        "on_behalf",
        _l("Are you sending this on behalf of your group?"),
        _l(
            "If you choose yes, the report shows your group's name "
            "and how many people it speaks for."
        ),
        (
            LazyChoice("yes", _l("Yes, on behalf of my group")),
            LazyChoice("no", _l("No, only for myself")),
        ),
    ),
    "on-behalf-count": Question(
        "counts",
        "behalf_total",
        _l("On behalf of how many people?"),
        _l(
            "Count each person once in the total. Count a person in every group below that fits "
            "them. Young people are 16 to 30 years old."
        ),
    ),
    "topic": Question("radios", "topic", _l("What is it about?"), _l("Choose the closest topic.")),
    "subtopic": Question("radios", "subtopic", _l("Which of these fits best?")),
    "title": Question(
        "text",
        "title",
        _l("What is the title of your report?"),
        _l('Keep it short, for example "Broken street light on Jalan Raya Kelapa Dua".'),
    ),
    "details": Question(
        "textarea",
        "details",
        _l("What happened?"),
        _l("Say what happened, where, and who is affected. Do not write your ID number."),
    ),
    "when": Question("when", "when_kind", _l("When did it happen?")),
    "where": Question(
        "select",
        "kecamatan",
        _l("Which district (kecamatan) is it in?"),
        _l("Choose from the list."),
    ),
    "village": Question("radios", "desa", _l("Which village (desa or kelurahan) is it in?")),
    "landmark": Question(
        "text",
        "landmark",
        _l("Is there a landmark near the place? (optional)"),
        _l("For example: in front of the market, next to the mosque, RT 03 / RW 05."),
    ),
    "evidence": Question("evidence", "evidence", _l("Add photos or documents (optional)")),
    "anonymous": Question(
        "radios",
        "anonim",
        _l("Do you want to hide your name?"),
        _l("If you choose yes, the agency and the public will not see who you are."),
        YES_NO,
        inline=True,
    ),
    "confidential": Question(
        "radios",
        "rahasia",
        _l("Do you want to keep your report from the public?"),
        _l(
            "If you choose yes, only staff will see your report. It will not be on the public list."
        ),
        YES_NO,
        inline=True,
    ),
    "about-you": Question(
        "radios",
        "about_consent",
        _l("Will you answer some questions about you?"),
        _l(
            "This helps us see if women, young people and people with disabilities are heard. "
            "Your answers are kept apart from your report. We only count them in groups of 5 "
            "or more. You can skip any question."
        ),
        (
            LazyChoice("yes", _l("Yes, I agree to answer")),
            LazyChoice("no", _l("No, skip these questions")),
        ),
    ),
    "gender": Question(
        "radios",
        "gender",
        _l("What is your gender?"),
        None,
        (LazyChoice("perempuan", _l("Woman")), LazyChoice("laki_laki", _l("Man")), PREFER_NOT),
    ),
    "age": Question(
        "radios",
        "age_band",
        _l("How old are you?"),
        _l("Young people are 16 to 30 years old."),
        (
            LazyChoice("under_16", _l("Under 16")),
            LazyChoice("16_30", _l("16 to 30 (young people)")),
            LazyChoice("31_59", _l("31 to 59")),
            LazyChoice("60_plus", _l("60 or older")),
            PREFER_NOT,
        ),
    ),
    **{
        f"difficulty-{d}": Question("radios", f"wg_{d}", WG_LABELS[d], None, WG_CHOICES)
        for d in WG_DOMAINS
    },
    "disability-kind": Question(
        "checkboxes",
        "disability_kinds",
        _l("Which kind of disability do you have? (optional)"),
        _l("Choose all that apply, or none. More than one means multiple disability (ganda)."),
        (
            LazyChoice("fisik", _l("Physical")),
            LazyChoice("intelektual", _l("Intellectual")),
            LazyChoice("mental", _l("Mental (psychosocial)")),
            LazyChoice("sensorik_netra", _l("Sensory: blind or low vision")),
            LazyChoice("sensorik_rungu", _l("Sensory: Deaf or hard of hearing")),
            LazyChoice("sensorik_wicara", _l("Sensory: speech")),
        ),
    ),
    "contact": Question(
        "contact", "contact_email", _l("How can we tell you about progress? (optional)")
    ),
}

DONT_KNOW = LazyChoice("unknown", _l("I don't know"), divider=OR)
