"""A repository whose every text field holds script payloads: titles, task text, change rows,
sign-off decisions, records, the unit and agency names of the configuration, and the body.
Each payload would set window.__qms_pwned or open a dialog if it ever ran."""
from __future__ import annotations

import json
import re
from pathlib import Path

from support.repos import BASE_FILES, Repo, site_repo

MARK = "__qms_pwned"
PAYLOADS = [f"<script>window.{MARK}=1;alert(1)</script>",
            f"<img src=x onerror=\"window.{MARK}=2;alert(2)\">",
            f"\"><svg onload=window.{MARK}=3></svg>",
            f"</title><script>window.{MARK}=4</script>",
            f"'--><iframe srcdoc=\"<script>parent.{MARK}=5</script>\"></iframe>"]
PAYLOAD = " ".join(PAYLOADS)
# In the body, an image must exist for the print (a missing one is a pdf-render error): the
# event-handler payload goes on a paragraph there.
BODY_PAYLOAD = " ".join(p for p in PAYLOADS if "<img" not in p) + f' <p onmouseover="window.{MARK}=6">di chuột</p>'
TEXT_KEYS = ("title", "content", "period", "name", "retention", "section", "description")
_BLOCK = re.compile(rf"^(\s*(?:- )?)({'|'.join(TEXT_KEYS)}): (.+)$", re.M)
_FLOW = re.compile(rf"(\b(?:{'|'.join(TEXT_KEYS)}): )([^,}}\n]+)")


def poisoned(text: str) -> str:
    """Every text value of the front matter, and the body, with the payloads appended."""
    head, fm, body = text.split("---\n", 2)

    def block(m):
        value = m.group(3)
        if value.startswith("{") or value.startswith("["):
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}: {json.dumps(value.strip(chr(34)) + ' ' + PAYLOAD, ensure_ascii=False)}"

    lines = []
    for line in fm.split("\n"):
        if "{" in line:
            line = _FLOW.sub(lambda m: m.group(1) + json.dumps(m.group(2) + " " + PAYLOAD, ensure_ascii=False), line)
        else:
            line = _BLOCK.sub(block, line)
        lines.append(line)
    fm = "\n".join(lines)
    return (f"{head}---\n{fm}---\n{body}\n{BODY_PAYLOAD}\n\n| Cột | {BODY_PAYLOAD} |\n|---|---|\n"
            "| ô | [liên kết](javascript:alert(7)) |\n")


def payload_repo(root: Path) -> Repo:
    files = {path: poisoned(text) for path, text in BASE_FILES.items()}
    repo = site_repo(root, files)
    org = repo.root / "site_config" / "organisation.yml"
    text = org.read_text(encoding="utf-8")
    text = re.sub(r"^(\s+name: )(.+)$", lambda m: m.group(1) + json.dumps(m.group(2) + " " + PAYLOAD, ensure_ascii=False), text,
                  flags=re.M)
    org.write_text(text, encoding="utf-8")
    from support.repos import approve_all
    approve_all(repo.root)
    return repo
