"""Forms on a page, as a browser without JavaScript would send them."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # defaults a browser would send
    names: list[str] = field(default_factory=list)  # every field name, in order
    options: dict[str, list[str]] = field(default_factory=dict)  # name -> values offered
    multipart: bool = False
    files: list[str] = field(default_factory=list)  # names of the file fields
    kinds: dict[str, str] = field(default_factory=dict)  # name -> input type, select, button


class _Forms(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self._select: str | None = None
        self._select_default: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = a.get("action") or self.page_path
            self.forms.append(
                Form(
                    action,
                    (a.get("method") or "get").lower(),
                    multipart="multipart" in a.get("enctype", ""),
                )
            )
            return
        if not self.forms or not a.get("name"):
            if tag == "option" and self._select is not None and self.forms:
                self._option(a)
            return
        form, name = self.forms[-1], a["name"]
        if name not in form.names:
            form.names.append(name)
        if tag == "input":
            kind = a.get("type", "text")
            form.kinds.setdefault(name, "button" if kind == "submit" else kind)
            if kind == "file":
                form.files.append(name)
            if kind in ("submit", "button", "image", "file", "reset"):
                if kind == "submit" and a.get("value"):
                    form.options.setdefault(name, []).append(a["value"])
                return
            if kind in ("radio", "checkbox"):
                form.options.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.fields.append((name, a.get("value", "on")))
                return
            form.fields.append((name, a.get("value", "")))
        elif tag == "button":
            form.kinds.setdefault(name, "button")
            if a.get("value"):
                form.options.setdefault(name, []).append(a["value"])
        elif tag == "select":
            form.kinds.setdefault(name, "select")
            self._select, self._select_default = name, None
            form.options.setdefault(name, [])
        elif tag == "textarea":
            form.kinds.setdefault(name, "textarea")
            self._textarea, self._text = name, ""

    def _option(self, a: dict[str, str]) -> None:
        assert self._select is not None
        value = a.get("value", "")
        self.forms[-1].options[self._select].append(value)
        if "selected" in a or self._select_default is None:
            self._select_default = value

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            self.forms[-1].fields.append((self._select, self._select_default or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1].fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def forms_of(page_path: str, html: str) -> list[Form]:
    parser = _Forms(page_path)
    parser.feed(html)
    return parser.forms
