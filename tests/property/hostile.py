"""What an outsider types: hypothesis strategies for hostile values, and the raw bodies and
query strings they go in (built by hand, so invalid UTF-8 and repeated keys get through)."""

from __future__ import annotations

import secrets
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

# Values that broke the app at least once, or that a number parser must refuse.
KNOWN = [
    "",
    "²",
    "٣",
    "१२",
    "０",
    "-1",
    "+1",
    " 1",
    "1.5",
    "1e3",
    "0x10",
    "9" * 30,
    "9" * 5000,
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "\x00",
    "\r\n",
    "\u202e",
    "a" * 20000,
    "%ff",
    "<script>",
    "all",
]
INVALID_UTF8 = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80abc", b"\xf8\x88\x80\x80\x80"]

Value = str | bytes  # bytes go into the body raw: invalid UTF-8 reaches the parser as it is

unicode_digits = st.text(
    alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=6
).filter(lambda s: not s.isascii())
numbers = st.integers(min_value=-(10**40), max_value=10**40).map(str)
control = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs"]), max_size=10)
anything = st.text(max_size=200)
values: st.SearchStrategy[Value] = st.one_of(
    st.sampled_from(KNOWN),
    unicode_digits,
    numbers,
    control,
    anything,
    st.sampled_from(INVALID_UTF8),
    st.binary(max_size=20),
)


@st.composite
def field_values(draw: st.DrawFn, fields: dict[str, list[str]]) -> list[tuple[str, Value]]:
    """A form as sent: each field either a value the page offered or a hostile one, sometimes
    repeated, sometimes missing; plus now and then a field no page has."""
    sent: list[tuple[str, Value]] = []
    for name, offered in sorted(fields.items()):
        how = draw(st.sampled_from(["offered", "hostile", "hostile", "missing", "repeated"]))
        if how == "offered":
            sent.append((name, draw(st.sampled_from(offered or [""]))))
        elif how == "hostile":
            sent.append((name, draw(values)))
        elif how == "repeated":
            sent.extend((name, draw(values)) for _ in range(draw(st.integers(2, 4))))
    if draw(st.booleans()):
        sent.append((draw(st.sampled_from(["id", "page", "x", "agency"])), draw(values)))
    return sent


def _raw(value: Value) -> bytes:
    return value if isinstance(value, bytes) else quote_from_bytes(value.encode()).encode()


def urlencoded(pairs: list[tuple[str, Value]]) -> bytes:
    """name=value&... with str values percent-encoded and bytes values left raw."""
    return b"&".join(_raw(name) + b"=" + _raw(value) for name, value in pairs)


def multipart(pairs: list[tuple[str, Value]]) -> tuple[bytes, str]:
    """A multipart/form-data body (bytes values raw) and its content type."""
    boundary = secrets.token_hex(12)
    parts = []
    for name, value in pairs:
        data = value if isinstance(value, bytes) else value.encode()
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}"
    )
