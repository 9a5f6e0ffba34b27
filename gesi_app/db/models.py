"""Imports every feature's models so that Base.metadata is complete (Alembic, tests)."""

from gesi_app.accounts import models as staff
from gesi_app.agencies import models as agencies
from gesi_app.calendar import models as calendar
from gesi_app.categories import models as categories
from gesi_app.db.base import Base
from gesi_app.escalations import models as escalations
from gesi_app.forums import document_models as forum_documents
from gesi_app.forums import models as forums
from gesi_app.forums import vote_models as forum_votes
from gesi_app.groups import models as groups
from gesi_app.limits import models as limits
from gesi_app.notifications import models as notifications
from gesi_app.regions import models as regions
from gesi_app.reports import models as reports
from gesi_app.stats import models as stats
from gesi_app.tracking import models as tracking

__all__ = [
    "Base",
    "agencies",
    "calendar",
    "categories",
    "escalations",
    "forum_documents",
    "forum_votes",
    "forums",
    "groups",
    "limits",
    "notifications",
    "regions",
    "reports",
    "staff",
    "stats",
    "tracking",
]
