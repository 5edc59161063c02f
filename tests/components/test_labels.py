"""A person named with the role their article gives them, and nothing beside the name without one."""
import pytest

from components.labels import person_label, role_text


@pytest.mark.parametrize("name, role, expected", [
    ("Greta Lund", "Swedish foreign minister", "Greta Lund · Swedish foreign minister"),
    ("Rosa Lindqvist", "US Secretary of State", "Rosa Lindqvist · US Secretary of State"),  # casing kept
    ("Greta Lund", None, "Greta Lund"),
    ("Greta Lund", float("nan"), "Greta Lund"),  # a frame's missing value
    ("Greta Lund", "  ", "Greta Lund"),
    (None, "spokesman", ""),  # no speaker, no label: the caller says "unknown speaker"
])
def test_person_label(name, role, expected):
    assert person_label(name, role) == expected


def test_role_text_trims_and_drops_blanks():
    assert (role_text(" police spokesman "), role_text(""), role_text(None)) == ("police spokesman", None, None)
