"""Shared fixtures. Helpers live in tests/support/; test modules never import each other."""
from __future__ import annotations

import pytest

from support import debian
from support.repos import Repo, make_repo


def pytest_sessionstart(session):
    """Printed copies are compared word for word: they need fonts with every Vietnamese letter
    in every style (Debian's fonts-liberation2), installed before any PDF is rendered. Sign-offs
    are signed with ssh-keygen (openssh-client); signed PDFs are also checked with poppler's pdfsig."""
    missing = debian.ensure("fonts-liberation2", "openssh-client", "poppler-utils")
    if missing:
        pytest.exit(f"Missing Debian packages: {', '.join(missing)} (apt-get install them as root).", 1)


@pytest.fixture
def repo(tmp_path) -> Repo:
    """A small valid repository (QT.01, BM.01, KH.2026 and the sample's configuration), outside git."""
    return make_repo(tmp_path / "repo")
