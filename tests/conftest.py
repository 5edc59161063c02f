"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import pytest
from spacy.language import Language

from newsroom.nlp.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()
