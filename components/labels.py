"""How a person (or organisation) is named to an editor: the canonical name, and beside it the role
the article gives ("US Secretary of State"), when it gives one. Plain text: callers building HTML
escape it, since both the name and the role come from article text."""
from __future__ import annotations

SEPARATOR = " · "


def role_text(role: object) -> str | None:
    """A role worth showing, or None: missing values from a frame (None, NaN) and blanks are none.

    >>> role_text("  Danish foreign minister "), role_text(float("nan")), role_text("")
    ('Danish foreign minister', None, None)
    """
    return role.strip() or None if isinstance(role, str) else None


def person_label(name: object, role: object = None) -> str:
    """ "Greta Lund · Swedish foreign minister"; the name alone without a role; "" without a name.

    >>> person_label("Greta Lund", "Swedish foreign minister"), person_label("Greta Lund", None)
    ('Greta Lund · Swedish foreign minister', 'Greta Lund')
    """
    if not isinstance(name, str) or not name.strip():
        return ""
    shown = role_text(role)
    return name.strip() + (SEPARATOR + shown if shown else "")
