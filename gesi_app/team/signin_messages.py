"""The words of a sign-in link (email and SMS) and sending it.

A link is sent at once, after the answer to the person asking, and never queued in the
outbox: the outbox keeps a message's body until it is sent, and a sign-in token must not sit
anywhere in clear (only its SHA-256 is stored). A link lives 15 minutes, so a retry hours
later would be worthless anyway; a failure is logged without the address, and the person
asks again.
"""

from __future__ import annotations

import logging

from gesi_app.accounts.signin_links import EMAIL, VALID_FOR, LinkToSend
from gesi_app.i18n import gettext
from gesi_app.notifications.delivery import Senders
from gesi_app.notifications.mail import DeliveryError
from gesi_app.notifications.messages import SMS_LIMIT, Notice, in_language

log = logging.getLogger(__name__)


def compose_link(link: str, locale: str) -> Notice:
    """The email and the SMS that carry a sign-in link, in ``locale``."""
    minutes = int(VALID_FOR.total_seconds() // 60)
    with in_language(locale):
        subject = gettext("Your sign-in link for Suara")
        body = "\n\n".join(
            [
                gettext("Open this link to sign in to Suara:"),
                link,
                gettext(
                    "It works once, within %(minutes)s minutes. Then press the Sign in button "
                    "on the page it opens.",
                    minutes=minutes,
                ),
                gettext(
                    "Did you not ask for it? Then you can ignore this message. Nobody can sign "
                    "in without the link."
                ),
            ]
        )
        sms = gettext(
            "Suara sign-in link, works once within %(minutes)s minutes: %(link)s",
            minutes=minutes,
            link=link,
        )
    if len(sms) > SMS_LIMIT:  # a long site address: the link alone still works
        sms = link
    return Notice(subject=subject, body=body, sms=sms)


async def send_link(senders: Senders, to_send: LinkToSend, link: str, locale: str) -> None:
    """Send the link to the address it was asked for; a failure is logged, never raised (the
    person was already told to check their messages)."""
    notice = compose_link(link, locale)
    try:
        if to_send.address.channel == EMAIL:
            if senders.email is None:
                log.warning("sign-in link for account %s not sent: no mail server", to_send.user.id)
                return
            await senders.email.send(to_send.address.value, notice.subject, notice.body)
        else:
            if senders.sms is None:
                log.warning("sign-in link for account %s not sent: no SMS gateway", to_send.user.id)
                return
            await senders.sms.send(to_send.address.value, notice.sms, f"signin-{to_send.user.id}")
    except DeliveryError as error:
        log.warning("sign-in link for account %s not sent: %s", to_send.user.id, error.reason)
