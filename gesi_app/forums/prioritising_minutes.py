"""What the minutes (berita acara) show of prioritising: every dot vote's results in the order
they were held, then the agree / disagree / pass statements. Kept apart from minutes.py."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.forums import dot_votes, statements
from gesi_app.forums.models import Forum
from gesi_app.forums.voice import with_transcripts
from gesi_app.forums.vote_models import DotVote


async def prioritising_minutes(session: AsyncSession, forum: Forum) -> dict[str, Any]:
    votes = await dot_votes.votes_of(session, forum)
    sections = [(vote, await dot_votes.results(session, vote)) for vote in votes]
    await with_transcripts(session, forum, [r.input for _, rows in sections for r in rows])
    return {
        "dot_sections": sections,
        "statement_results": await statements.results(session, forum),
        "agenda_titles": {item.id: item.title for item in forum.agenda},
    }


def prioritising_csv(
    dot_sections: Sequence[tuple[DotVote, Sequence[dot_votes.DotResult]]],
    statement_results: Sequence[statements.StatementResult],
    headers: Sequence[str],
    labels: Mapping[str, str],
    agenda_titles: Mapping[int, str],
) -> str:
    """One row per input of each dot vote (round number, agenda item or all, text, dots, dots
    counted in the room), then one per statement (agree, disagree, pass).

    Totals only: like the inputs file, no segment columns in a file that travels.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for number, (vote, rows) in enumerate(dot_sections, start=1):
        on = agenda_titles.get(vote.agenda_item_id or 0, labels["all"])
        for r in rows:
            text = _safe(r.input.text or labels["voice"])
            writer.writerow([labels["dots"], number, on, text, r.total, r.room, "", "", ""])
    for s in statement_results:
        e = s.everyone
        counts = [c.count or 0 for c in (e.agree, e.disagree, e.passed)]
        writer.writerow([labels["statement"], "", "", _safe(s.statement.text), "", "", *counts])
    return out.getvalue()


def _safe(text: str) -> str:
    """A spreadsheet must not run a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
