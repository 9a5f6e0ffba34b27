"""Queueing notifications is a property of one app's session factory, not of the process."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from gesi_app.db.engine import create_engine, session_factory
from gesi_app.notifications import service
from gesi_app.reports.deadlines import STANDARD


def test_install_listens_on_the_factorys_own_session_class_only() -> None:
    engine = create_engine("sqlite+aiosqlite://")
    notifying, plain = session_factory(engine), session_factory(engine)
    service.install(notifying, "https://a.example", STANDARD)
    own = notifying.kw["sync_session_class"]
    assert own is not Session and issubclass(own, Session)
    assert event.contains(own, "before_flush", service._queue_on_flush)
    # SQLAlchemy's Session (every other factory's, every other app's) has no listener.
    assert not event.contains(Session, "before_flush", service._queue_on_flush)
    assert plain.kw.get("sync_session_class", Session) is Session
