"""The columns of the per-report files: one list, read by the CSV and JSON writers, the data
dictionary page and ``datapackage.json``, so the four can never disagree.

Names are stable (English, snake_case): portals and scripts key on them. A new column goes at
the end; a column is never renamed or removed without a new file name.

What is left out, on purpose (the dictionary page says so): the reporter's name, email and
phone, the title and text of the report, the place in their own words, evidence and
recordings, the PIN, the "About you" answers, a collective report's counts of women, youth and
people with disabilities, ratings and their comments, and every confidential (rahasia) report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.support import LazyProxy

from gesi_app.i18n import lazy_gettext
from gesi_app.reports import codes


@dataclass(frozen=True)
class Column:
    """One column: its Table Schema ``type`` (string, integer, date) and what it means."""

    name: str
    type: str
    description: LazyProxy
    # Allowed values, when the column takes only a few (a Table Schema ``enum``).
    values: tuple[str, ...] = ()
    # An example of a value, for the dictionary page.
    example: str = ""
    constraints: dict[str, object] = field(default_factory=dict)


COLUMNS: tuple[Column, ...] = (
    Column(
        "tracking_code",
        "string",
        lazy_gettext(
            "The report's tracking code, as on its public page. Empty for a report that is "
            "not public yet (not checked by staff), like the tracking page, which shows "
            "nothing of such a report to anyone without its PIN."
        ),
        example="SRA-7K4Q-2M",
        constraints={"pattern": f"{codes.PREFIX}-[{codes.ALPHABET}]{{4}}-[{codes.ALPHABET}]{{2}}"},
    ),
    Column(
        "type",
        "string",
        lazy_gettext("The type of report."),
        values=("pengaduan", "aspirasi", "permintaan_informasi"),
        example="pengaduan",
    ),
    Column(
        "topic_code",
        "string",
        lazy_gettext("The topic the reporter chose (a code that does not change)."),
        example="jalan",
    ),
    Column("topic_name_id", "string", lazy_gettext("The topic's name in Indonesian.")),
    Column("topic_name_en", "string", lazy_gettext("The topic's name in English.")),
    Column(
        "kecamatan_code",
        "string",
        lazy_gettext("Kemendagri code of the kecamatan (district) the report is about."),
        example="36.03.01",
    ),
    Column("kecamatan_name", "string", lazy_gettext("Name of that kecamatan.")),
    Column(
        "desa_code",
        "string",
        lazy_gettext(
            "Kemendagri code of the desa or kelurahan (village), when the reporter named one."
        ),
        example="36.03.01.1001",
    ),
    Column("desa_name", "string", lazy_gettext("Name of that desa or kelurahan.")),
    Column(
        "agency_code",
        "string",
        lazy_gettext("The agency the report was sent to after checking (a code)."),
        example="dinkes",
    ),
    Column("agency_name_id", "string", lazy_gettext("The agency's name in Indonesian.")),
    Column("agency_name_en", "string", lazy_gettext("The agency's name in English.")),
    Column(
        "status",
        "string",
        lazy_gettext("Where the report is now."),
        values=(
            "diterima",
            "terverifikasi",
            "ditindaklanjuti",
            "selesai",
            "ditunda",
            "bukan_wewenang",
            "diarsipkan",
        ),
        example="ditindaklanjuti",
    ),
    Column(
        "received_on",
        "date",
        lazy_gettext("The day the report was sent."),
        example="2026-11-02",
        constraints={"required": True},
    ),
    Column(
        "verified_on",
        "date",
        lazy_gettext("The day staff first checked the report and sent it to an agency."),
    ),
    Column("answered_on", "date", lazy_gettext("The day the agency first answered.")),
    Column("closed_on", "date", lazy_gettext("The day the report was closed.")),
    Column(
        "answer_working_days",
        "integer",
        lazy_gettext(
            "Working days the agency took to answer: from the day the report was sent to it "
            "(its last check before the answer) to the day of its first answer. Weekends and "
            "holidays do not count; 0 means answered on the same day. Empty when not answered "
            "yet, or when the holiday calendar for that year is not complete."
        ),
        example="3",
        constraints={"minimum": 0},
    ),
    Column(
        "group_name",
        "string",
        lazy_gettext(
            "A collective report: the community group that sent it on behalf of its members. "
            "Empty for a report sent by one person, and for a report that is not public yet."
        ),
        example="Himpunan Wanita Disabilitas Balaraja",
    ),
    Column(
        "weight",
        "integer",
        lazy_gettext(
            "How many people the report speaks for: 1 for a report sent by one person, the "
            "number the group gave for a collective report. How many of them are women, young "
            "people or people with disabilities is never given per report."
        ),
        example="1",
        constraints={"required": True, "minimum": 1},
    ),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
