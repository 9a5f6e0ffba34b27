"""The address a request came from, read one way everywhere (rate limits, audit log)."""

from __future__ import annotations

from starlette.requests import Request


def client_address(request: Request) -> str:
    """The client's IP address, or "unknown" when the server gives none.

    Behind a proxy, Uvicorn has already replaced it with the forwarded address, but only for
    the proxies listed in GESI_TRUSTED_PROXIES (see ``gesi-app serve``), so a client cannot
    choose its own address by sending X-Forwarded-For.
    """
    return request.client.host if request.client else "unknown"
