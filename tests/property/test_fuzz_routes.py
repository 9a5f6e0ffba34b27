"""No input gives a 5xx: every route, every query parameter and every form field, attacked with
hostile values (unicode digits, huge numbers, control characters, invalid UTF-8, repeated keys).

Properties, for every exchange:
- the status is below 500;
- a 4xx answer is our translated page (Indonesian, no raw English exception text);
- a rejected input (4xx, or the form page again with its error summary) changes no table.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.routing import Route

from tests.property import hostile
from tests.property.world import (
    SKIP_POST,
    STREAMS,
    Reply,
    World,
    call_asgi,
    query_names,
    route_table,
)

ROUTES = route_table()
GETS = [r for r in ROUTES if "GET" in (r.methods or ())]
POSTS = [r for r in ROUTES if "POST" in (r.methods or ()) and r.name not in SKIP_POST]
WITH_PARAMS = [r for r in ROUTES if r.param_convertors]
QUERY_NAMES = query_names()
# Tables a rejected input may still touch (none today: a rejected input changes nothing).
MAY_CHANGE: set[str] = set()
ENGLISH = ("Traceback", "Internal Server Error", "Bad Request", "Not Found", "Error", "Exception")


def _ids(routes: list[Route]) -> list[str]:
    return [r.name for r in routes]


def _route(world: World, name: str) -> Route:
    return next(r for r in world.routes() if r.name == name)


def check(world: World, reply: Reply, before: dict[str, int], *, form: bool) -> None:
    assert reply.status < 500, f"{reply.status}: {reply.body[:300]!r}"
    rejected = reply.status >= 400 or (form and b'class="error-summary"' in reply.body)
    if 400 <= reply.status < 500 and reply.body:
        assert "text/html" in reply.headers.get("content-type", ""), reply.headers
        page = reply.body.decode()
        assert '<html lang="id"' in page, page[:300]
        title = page.split("<title>", 1)[1].split("</title>", 1)[0]
        assert not any(word in title for word in ENGLISH), title
        assert "Traceback" not in page
    if rejected:
        after = world.row_counts()
        changed = {t for t in after if after[t] != before.get(t) and t not in MAY_CHANGE}
        assert not changed, f"a rejected input changed {changed}"


def get(world: World, path: str, query: bytes, headers: list[tuple[bytes, bytes]]) -> Reply:
    return call_asgi(world.client, "GET", path, query=query, headers=headers)


def post(world: World, path: str, pairs: list[tuple[str, hostile.Value]], multipart: bool) -> Reply:
    pairs = [("csrftoken", world.token()), *pairs]
    if multipart:
        body, kind = hostile.multipart(pairs)
    else:
        body, kind = hostile.urlencoded(pairs), "application/x-www-form-urlencoded"
    headers = [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode())]
    return call_asgi(world.client, "POST", path, body=body, headers=headers)


@pytest.mark.parametrize("name", _ids(GETS))
def test_no_query_gives_a_5xx(world: World, name: str) -> None:
    route = _route(world, name)
    path = world.path(route)
    names = sorted(
        set(QUERY_NAMES)
        | {n for f in world.forms if f.method == "get" and f.action == path for n in f.fields}
    )

    @given(
        pairs=st.lists(st.tuples(st.sampled_from(names), hostile.values), max_size=6),
        event_id=st.none() | hostile.values,
    )
    def attack(pairs: list[tuple[str, hostile.Value]], event_id: hostile.Value | None) -> None:
        headers = []
        if event_id is not None and name in STREAMS:
            raw = event_id if isinstance(event_id, bytes) else event_id.encode()
            headers.append((b"last-event-id", raw.replace(b"\r", b"").replace(b"\n", b"")))
        before = world.row_counts()
        check(world, get(world, path, hostile.urlencoded(pairs), headers), before, form=False)

    attack()


@pytest.mark.parametrize("name", _ids(POSTS))
def test_no_form_gives_a_5xx(world: World, name: str) -> None:
    targets = world.targets(_route(world, name))

    @given(data=st.data(), path=st.sampled_from(sorted(targets)), multipart=st.booleans())
    def attack(data: st.DataObject, path: str, multipart: bool) -> None:
        pairs = data.draw(hostile.field_values(targets[path]))
        before = world.row_counts()
        check(world, post(world, path, pairs, multipart), before, form=True)

    attack()


@pytest.mark.parametrize("name", _ids(WITH_PARAMS))
def test_no_path_gives_a_5xx(world: World, name: str) -> None:
    route = _route(world, name)
    numbers = st.sampled_from(["9" * 30, "9" * 19, "2147483648", "0", "00000000001"])
    text = st.text(st.characters(codec="utf-8", exclude_characters="/?#"), min_size=1)

    @given(params=st.fixed_dictionaries({p: numbers | text for p in route.param_convertors}))
    def attack(params: dict[str, str]) -> None:
        if not route.path_regex.match(world.path(route, **params)):
            return  # a value the route cannot match: Starlette's own 404
        before = world.row_counts()
        method = "GET" if "GET" in (route.methods or ()) else "POST"
        if method == "GET":
            reply = get(world, world.path(route, **params), b"", [])
        else:
            reply = post(world, world.path(route, **params), [], False)
        check(world, reply, before, form=method == "POST")

    attack()


# Every field of every form and every query parameter at once, with each value that broke a
# route on the day this test was written: deterministic, whatever hypothesis draws.
KNOWN_BAD = ["²", "٣", "9" * 30, "9" * 5000, "-1", "\x00"]


@pytest.mark.parametrize("name", _ids(POSTS))
def test_known_bad_values_in_every_field(world: World, name: str) -> None:
    for path, fields in world.targets(_route(world, name)).items():
        for value in KNOWN_BAD:
            for multipart in (False, True):
                before = world.row_counts()
                reply = post(world, path, [(f, value) for f in sorted(fields)], multipart)
                check(world, reply, before, form=True)


@pytest.mark.parametrize("name", _ids(GETS))
def test_known_bad_values_in_every_query(world: World, name: str) -> None:
    route = _route(world, name)
    for value in KNOWN_BAD:
        before = world.row_counts()
        headers = [(b"last-event-id", value.encode())] if name in STREAMS else []
        query = hostile.urlencoded([(n, value) for n in QUERY_NAMES])
        check(world, get(world, world.path(route), query, headers), before, form=False)
