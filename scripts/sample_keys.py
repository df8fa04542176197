"""Give the sample system its signing keys and signatures (run: `make sample-keys`).

SAMPLE KEYS, NOT REAL ONES. For every person of site_config/organisation.yml this makes an
Ed25519 key pair with ssh-keygen under tests/keys/sample/ (the private halves the sample's own
tests sign with; the only private keys the repository may hold), writes the public halves into
organisation.yml, sets `signatures: required`, and signs every sign-off of every document whose
content still matches its fingerprint, as that person would with `qms sign`.

Running it again keeps the existing keys and re-signs only what is unsigned or no longer verifies.
A signature is dated the day of its sign-off (never before the keys' first day, 2026-01-01).
"""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.catalog import load_catalog                      # noqa: E402
from builder.organisation.config_file import ORG_FILE          # noqa: E402
from builder.organisation.keys_edit import add_key             # noqa: E402
from builder.revisions.approve import ApprovalError, sign_recorded   # noqa: E402
from builder.signing import status                             # noqa: E402
from builder.signing.signoff import ROLES                      # noqa: E402

KEYS = ROOT / "tests" / "keys" / "sample"
MARK = "KHOA MAU - chi dung cho he thong mau va kiem thu"
SINCE = date(2026, 1, 1)   # the sample's keys are valid from the start of its year: fixed, so reruns agree


def key_file(person: str) -> Path:
    """The person's sample key, readable by its owner only (git checks files out 644, and
    ssh-keygen refuses a private key that others can read)."""
    path = KEYS / person
    if path.is_file():
        path.chmod(0o600)
    return path


def make_keys(people: list[str]) -> None:
    KEYS.mkdir(parents=True, exist_ok=True)
    for person in people:
        if not key_file(person).is_file():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{person} {MARK}",
                            "-f", str(key_file(person))], check=True)


def require_signatures(text: str) -> str:
    if re.search(r"^signatures:", text, re.M):
        return re.sub(r"^signatures:.*$", "signatures: required", text, flags=re.M)
    block = ("\n# Chữ ký số trên ký duyệt: required (bắt buộc), warning (thiếu chữ ký chỉ cảnh báo), off.\n"
             "signatures: required\n")
    return text.replace("\n# Mẫu mã hiệu", block + "\n# Mẫu mã hiệu", 1)


def main() -> int:
    today = SINCE
    catalog = load_catalog(ROOT, today, with_git=False)
    people = list(catalog.organisation.people)
    make_keys(people)
    org_path = ROOT / ORG_FILE
    text = org_path.read_text(encoding="utf-8")
    for person, known in catalog.organisation.people.items():
        if not known.keys:
            public = key_file(person).with_suffix(".pub").read_text().split()
            text = add_key(text, person, f"{public[0]} {public[1]}", today, "KHÓA MẪU, không dùng cho cơ quan thật")
    org_path.write_text(require_signatures(text), encoding="utf-8")
    signed = 0
    for doc in load_catalog(ROOT, today, with_git=False).documents:
        for key in ROLES:
            catalog = load_catalog(ROOT, today, with_git=False)
            current = catalog.get(doc.code)
            if current is None or key not in current.signoffs:
                continue
            if status.verdict(current, key, catalog).ok:
                continue
            day = max(today, current.signoffs[key].date or today)
            catalog.today = day
            try:
                sign_recorded(catalog, doc.code, key, key_file(current.signoffs[key].by))
                signed += 1
            except ApprovalError as exc:
                print(f"{doc.code} {key}: {exc.message}", file=sys.stderr)
    print(f"Đã ký {signed} lần ký duyệt bằng khóa mẫu.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
