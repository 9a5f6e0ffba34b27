"""unique_slug: the slug or key a new agency, topic or response template gets from its name."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import ResponseTemplate
from gesi_app.agencies.models import Agency
from gesi_app.backoffice.slugs import unique_slug
from tests import factories


@pytest.mark.parametrize(
    ("taken", "name", "expected"),
    [
        ((), "Social Affairs Agency", "social-affairs-agency"),
        ((), "  Health & Safety!! ", "health-safety"),
        ((), "Dinas Pekerjaan Umum dan Penataan Ruang", "dinas-pekerjaan-umum-dan-pena"),
        ((), "!!!", "agency"),
        (("health",), "Health", "health-2"),
        (("health", "health-2"), "Health", "health-3"),
        (("health-care",), "Health", "health"),  # another slug that only starts alike
    ],
)
def test_an_agency_slug(
    database_url: str, taken: tuple[str, ...], name: str, expected: str
) -> None:
    async def work(session: AsyncSession) -> str:
        session.add_all(Agency(slug=s, name_id=s, name_en=s) for s in taken)
        await session.flush()
        return await unique_slug(session, Agency.slug, name, max_length=29, fallback="agency")

    assert factories.run(database_url, work) == expected


def test_a_template_key_uses_its_own_separator(database_url: str) -> None:
    async def work(session: AsyncSession) -> str:
        session.add(
            ResponseTemplate(
                key="thanks_for_waiting", label_id="a", label_en="a", text_id="a", text_en="a"
            )
        )
        await session.flush()
        return await unique_slug(
            session,
            ResponseTemplate.key,
            "Thanks for waiting",
            max_length=50,
            fallback="template",
            separator="_",
        )

    assert factories.run(database_url, work) == "thanks_for_waiting_2"
