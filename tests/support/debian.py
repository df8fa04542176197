"""Debian packages the tests need from the distribution (never downloaded by hand): installed
with apt-get when missing, as root, as in CI containers."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# package -> a file it installs
PACKAGES = {"chromium": Path("/usr/bin/chromium"),
            # Times-compatible faces with every Vietnamese letter in all four styles (builder/pdf/fonts.py)
            "fonts-liberation2": Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf"),
            # ssh-keygen makes and checks the sign-off signatures (qms approve signs with it)
            "openssh-client": Path("/usr/bin/ssh-keygen"),
            # pdfsig: a second verifier of the agency's signature on published PDFs
            "poppler-utils": Path("/usr/bin/pdfsig")}


def ensure(*packages: str) -> list[str]:
    """Install the missing packages; return those still missing afterwards."""
    missing = [p for p in packages if not PACKAGES[p].exists()]
    if missing and shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *missing]):
            subprocess.run(command, env=env, check=False, capture_output=True, timeout=1200)
    return [p for p in packages if not PACKAGES[p].exists()]
