"""Shared fixtures. Helpers live in tests/support/; test modules never import each other."""
from __future__ import annotations

import pytest

from support.repos import Repo, make_repo


@pytest.fixture
def repo(tmp_path) -> Repo:
    """A small valid repository (QT.01, BM.01, KH.2026 and the sample's configuration), outside git."""
    return make_repo(tmp_path / "repo")
