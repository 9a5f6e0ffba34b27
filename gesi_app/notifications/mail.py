"""Sending email through SMTP with the standard library, in a worker thread.

(``smtplib`` rather than an async client: one message at a time from a background job needs
no new dependency, and a thread keeps the event loop free while the server answers.)
The module is not called ``email`` so that it never shadows the standard library package.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import Protocol

TIMEOUT_SECONDS = 30


class DeliveryError(Exception):
    """A message could not be handed over. ``reason`` is short and holds no personal data;
    ``permanent`` means trying again will not help (the server refused the address)."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class EmailSender(Protocol):
    async def send(self, recipient: str, subject: str, body: str) -> None:
        """Hand the message to the mail server; raise DeliveryError when that fails."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    user: str
    password: str
    starttls: bool
    mail_from: str


def build_message(config: SmtpConfig, recipient: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = config.mail_from
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    domain = parseaddr(config.mail_from)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body)
    return message


def _reason(exc: Exception) -> DeliveryError:
    """Name the failure without the text of the server's answer, which may quote the address."""
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [c for c, _ in exc.recipients.values()]
        code = codes[0] if codes else None
    reason = exc.__class__.__name__ + (f" {code}" if code else "")
    permanent = isinstance(code, int) and 500 <= code < 600
    return DeliveryError(reason, permanent=permanent)


class SmtpSender:
    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    def _send_now(self, message: EmailMessage) -> None:
        config = self.config
        with smtplib.SMTP(config.host, config.port, timeout=TIMEOUT_SECONDS) as smtp:
            if config.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if config.user:
                smtp.login(config.user, config.password)
            smtp.send_message(message)

    async def send(self, recipient: str, subject: str, body: str) -> None:
        message = build_message(self.config, recipient, subject, body)
        try:
            await asyncio.to_thread(self._send_now, message)
        except (smtplib.SMTPException, OSError) as exc:
            raise _reason(exc) from None
