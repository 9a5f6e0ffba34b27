"""Words for a group's kind, state and facts, translated when shown."""

from __future__ import annotations

from babel.support import LazyProxy

from gesi_app.groups.models import GroupKind
from gesi_app.i18n import lazy_gettext as _l

KIND_LABELS: dict[GroupKind, LazyProxy] = {
    GroupKind.DISABILITY: _l("Disability organisation"),
    GroupKind.WOMEN: _l("Women's group"),
    GroupKind.YOUTH: _l("Youth group"),
    GroupKind.OTHER: _l("Other community group"),
}

KIND_HINTS: dict[GroupKind, LazyProxy] = {
    GroupKind.DISABILITY: _l("A group run by and for people with disabilities."),
    GroupKind.WOMEN: _l("For example a women's cooperative or a PKK group."),
    GroupKind.YOUTH: _l("For example Karang Taruna or a student group."),
    GroupKind.OTHER: _l("For example a farmers' group or a group of older people."),
}
