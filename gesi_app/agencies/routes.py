"""Agency pages for admins: list, add, rename, deactivate or reactivate."""

from __future__ import annotations

from starlette.routing import Route

from gesi_app.agencies import admin
from gesi_app.agencies.forms import agency_error_message, parse_agency
from gesi_app.agencies.models import Agency
from gesi_app.backoffice.settings_pages import EditableSetting, form_pages, list_page


def _current(agency: Agency) -> dict[str, str]:
    return {
        "name_id": agency.name_id,
        "name_en": agency.name_en,
        "active": "yes" if agency.active else "no",
    }


AGENCY = EditableSetting(
    form_template="staff/agency_form.html",
    list_route="staff_agencies",
    saved_query="saved=1",
    context_key="agency",
    id_param="agency_id",
    get=admin.get_agency,
    add=admin.add_agency,
    change=admin.change_agency,
    parse=parse_agency,
    error=admin.AgencyError,
    error_message=agency_error_message,
    not_found=admin.AgencyNotFound,
    current=_current,
)
agency_new, agency_edit = form_pages(AGENCY)

routes = [
    Route(
        "/staff/agencies",
        list_page("staff/agencies.html", admin.list_agencies),
        name="staff_agencies",
    ),
    Route("/staff/agencies/new", agency_new, methods=["GET", "POST"], name="staff_agency_new"),
    Route(
        "/staff/agencies/{agency_id:int}",
        agency_edit,
        methods=["GET", "POST"],
        name="staff_agency",
    ),
]
