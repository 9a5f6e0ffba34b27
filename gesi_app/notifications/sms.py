"""Sending SMS through an HTTP gateway (the contract: docs/sms-gateway.md).

One POST per message, JSON in and out, ``Authorization: Bearer <token>``. The body carries
only what the gateway needs to deliver the text: the number, the text, and the outbox id as a
reference (no name, no tracking code apart from the one in the text, nothing of the report).
A 2xx answer with ``{"id": ...}`` is delivered; 408, 429, 5xx, a timeout or no connection are
tried again later with the outbox's backoff (as for email); any other answer is permanent.

The standard library's ``urllib`` in a worker thread (``offload.run_blocking``), as email uses
``smtplib`` in a thread: one message at a time from a background job needs no HTTP client
dependency, and the event loop stays free while the gateway answers. Without a gateway
(``GESI_SMS_URL`` empty) there is no sender at all: delivery records SMS as not sent.
"""

from __future__ import annotations

import json
import logging
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from lokal import parse_phone

from gesi_app.notifications.mail import DeliveryError
from gesi_app.offload import run_blocking

log = logging.getLogger(__name__)

__all__ = ["DeliveryError", "HttpSms", "SmsConfig", "SmsSender", "gateway_number", "masked_phone"]

# A gateway answer larger than this is not the small JSON of the contract.
MAX_ANSWER_BYTES = 64 * 1024
# "Try later" answers among the 4xx: the gateway was busy, not the message wrong.
RETRY_4XX = frozenset({408, 429})


class SmsSender(Protocol):
    async def send(self, phone: str, text: str, reference: str) -> str:
        """Send ``text`` to a phone number and return the gateway's id for it; raise
        DeliveryError when it does not go out. ``reference`` is our id of the message."""


def masked_phone(phone: str) -> str:
    """Enough to tell messages apart in a log, not enough to call anyone: +62…90."""
    return f"{phone[:3]}…{phone[-2:]}" if len(phone) > 6 else "…"


def gateway_number(phone: str) -> str:
    """The number in E.164 (``+62…``) as lokal-id reads it; a number that cannot get an SMS
    (not a number, a landline) is a permanent failure, without asking the gateway."""
    info = parse_phone(phone)
    if not info.valid or info.e164 is None:
        raise DeliveryError("not a phone number", permanent=True)
    if info.type == "landline":
        raise DeliveryError("landline number, no SMS", permanent=True)
    return info.e164


@dataclass(frozen=True)
class SmsConfig:
    url: str
    token: str
    timeout: float
    sender: str = ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A gateway that redirects is misconfigured: the POST and its token stay where we sent them."""

    def redirect_request(self, *_args: object, **_kwargs: object) -> None:
        return None


def _status_error(status: int) -> DeliveryError:
    permanent = status < 500 and status not in RETRY_4XX
    reason = f"HTTP {status}"
    if status in (401, 403):
        reason += " (token refused: check GESI_SMS_TOKEN)"
    return DeliveryError(reason, permanent=permanent)


def _gateway_id(status: int, answer: bytes) -> str:
    """The gateway's id of the message from a 2xx answer. Without one we cannot tell whether
    it took the message: permanent, since sending again might deliver it twice."""
    try:
        data = json.loads(answer)
    except ValueError:
        raise DeliveryError(f"HTTP {status} without JSON", permanent=True) from None
    found = data.get("id") if isinstance(data, dict) else None
    if isinstance(found, bool) or not isinstance(found, str | int) or str(found) == "":
        raise DeliveryError(f"HTTP {status} without an id", permanent=True)
    return str(found)[:100]


class HttpSms:
    def __init__(self, config: SmsConfig) -> None:
        self.config = config
        self._opener = urllib.request.build_opener(_NoRedirects)

    def payload(self, phone: str, text: str, reference: str) -> bytes:
        body = {"to": gateway_number(phone), "message": text, "reference": reference}
        if self.config.sender:
            body["sender"] = self.config.sender
        return json.dumps(body, ensure_ascii=False).encode()

    def _post(self, data: bytes) -> str:
        request = urllib.request.Request(  # noqa: S310  # settings allow only http(s) URLs
            self.config.url,
            data=data,
            method="POST",
            headers={
                "Authorization": f"Bearer {self.config.token}",
                "Content-Type": "application/json; charset=utf-8",
                "Accept": "application/json",
            },
        )
        try:
            with self._opener.open(request, timeout=self.config.timeout) as answer:
                status = answer.status
                if not 200 <= status < 300:
                    raise _status_error(status)
                return _gateway_id(status, answer.read(MAX_ANSWER_BYTES))
        except urllib.error.HTTPError as exc:
            exc.close()
            raise _status_error(exc.code) from None
        except TimeoutError:
            raise DeliveryError("timeout") from None
        except urllib.error.URLError as exc:
            # The reason is an OSError (refused, unreachable, DNS) or a timeout: try later.
            inner = exc.reason
            if isinstance(inner, TimeoutError | socket.timeout):
                raise DeliveryError("timeout") from None
            name = inner.__class__.__name__ if isinstance(inner, BaseException) else "URLError"
            raise DeliveryError(name) from None
        except OSError as exc:  # the connection broke while the gateway answered
            raise DeliveryError(exc.__class__.__name__) from None

    async def send(self, phone: str, text: str, reference: str) -> str:
        data = self.payload(phone, text, reference)
        gateway_id = await run_blocking(self._post, data)
        log.info("SMS %s accepted by the gateway as %s", reference, gateway_id)
        return gateway_id
