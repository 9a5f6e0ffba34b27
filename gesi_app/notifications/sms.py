"""Sending SMS. A gateway adapter implements ``SmsSender``; the default only logs."""

from __future__ import annotations

import logging
from typing import Protocol

from gesi_app.notifications.mail import DeliveryError

log = logging.getLogger(__name__)

__all__ = ["DeliveryError", "LogOnlySms", "SmsSender", "masked_phone"]


class SmsSender(Protocol):
    async def send(self, phone: str, text: str) -> None:
        """Send ``text`` to an E.164 number; raise DeliveryError when the gateway refuses."""


def masked_phone(phone: str) -> str:
    """Enough to tell messages apart in a log, not enough to call anyone: +62…90."""
    return f"{phone[:3]}…{phone[-2:]}" if len(phone) > 6 else "…"


class LogOnlySms:
    """The default until a gateway is configured: logs that an SMS would go out (without
    the number or the text) and counts it as sent."""

    async def send(self, phone: str, text: str) -> None:
        log.info("SMS (log only) to %s: %d characters", masked_phone(phone), len(text))
