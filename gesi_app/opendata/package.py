"""The Frictionless Data Package (profile ``tabular-data-package``, spec v1) describing the CSV,
so CKAN portals (Satu Data Indonesia) and the frictionless tools can load and check it.

Only the CSV is a resource: a tabular data resource is CSV or inline data, and the JSON file
holds the same rows (the data dictionary page says so).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gesi_app.i18n import gettext
from gesi_app.opendata.columns import COLUMNS, Column

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
NAME = "suara-reports"
RESOURCE = "reports"


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": str(column.description),
    }
    if column.type == "date":
        field["format"] = "default"  # ISO 8601, YYYY-MM-DD
    constraints = dict(column.constraints)
    if column.values:
        constraints["enum"] = list(column.values)
    if constraints:
        field["constraints"] = constraints
    return field


def schema() -> dict[str, Any]:
    return {"fields": [_field(c) for c in COLUMNS], "missingValues": [""]}


def datapackage(
    *, csv_url: str, dictionary_url: str, site_url: str, authority: str, now: dt.datetime
) -> dict[str, Any]:
    """The package, with absolute addresses (a portal harvests it from elsewhere)."""
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": gettext("Reports to %(authority)s", authority=authority),
        "description": gettext(
            "One row for each report sent to %(authority)s through Suara: its type, topic, "
            "area, agency, status, dates and the working days the agency took to answer. No "
            "personal data and no confidential reports.",
            authority=authority,
        ),
        "homepage": dictionary_url,
        "created": now.astimezone(dt.UTC).replace(microsecond=0).isoformat(),
        "keywords": ["pengaduan", "aspirasi", "SP4N-LAPOR", "pelayanan publik"],
        "licenses": [LICENCE],
        "sources": [{"title": f"Suara – {authority}", "path": site_url}],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": RESOURCE,
                "path": csv_url,
                "title": gettext("Reports"),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "licenses": [LICENCE],
                "schema": schema(),
            }
        ],
    }
