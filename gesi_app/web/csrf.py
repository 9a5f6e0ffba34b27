"""CSRF for multipart (file upload) forms.

asgi-csrf checks every other POST. Its multipart check is broken with python-multipart 0.0.26
and later (upstream simonw/asgi-csrf#38), and we will not hold python-multipart back: those
releases fix security bugs. So asgi-csrf skips multipart bodies, and handlers read them only
through ``multipart_form``, which checks the same signed double-submit token.
"""

from __future__ import annotations

import secrets

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Scope

from gesi_app.web.security import CSRF_COOKIE, CSRF_FIELD

SIGNING_NAMESPACE = "csrftoken"  # asgi-csrf's default, so both accept the same cookie


def is_multipart(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return bool(value.split(b";", 1)[0].strip().lower() == b"multipart/form-data")
    return False


async def multipart_form(request: Request, *, max_files: int, max_fields: int = 50) -> FormData:
    """Parse a multipart body and check its CSRF token; 403 when it does not match."""
    form = await request.form(max_files=max_files, max_fields=max_fields)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD)
    signer = URLSafeSerializer(request.app.state.settings.secret_key)
    try:
        signer.loads(cookie, salt=SIGNING_NAMESPACE)
    except BadSignature:
        raise HTTPException(403) from None
    if not isinstance(sent, str) or not secrets.compare_digest(sent, cookie):
        raise HTTPException(403)
    return form
