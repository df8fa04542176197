"""Generate a realistic corpus: N Vietnamese documents with K commits of history.

Procedures with the seven usual sections, step tables, lists and legal citations from the
register; forms tied to procedures; every effective document approved with its fingerprint;
then K-1 commits that each reissue a few documents (issue +1, change row, later effective date,
fresh approval), as document controllers do through the year.

Usage: python bench/corpus.py DIR --n 1000 --commits 10 [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cryptography.hazmat.primitives.serialization import \
    load_ssh_private_key  # noqa: E402

from builder.documents.loader import parse_document  # noqa: E402
from builder.organisation.config_file import load_organisation  # noqa: E402
from builder.organisation.keys import NAMESPACE  # noqa: E402
from builder.revisions.fingerprint import fingerprint  # noqa: E402
from builder.signing.signoff import (ROLES, SignedText,  # noqa: E402
                                     signature_path, text_path)
from builder.signing.sshsig import sign_in_process  # noqa: E402

SAMPLE_KEYS = REPO / "tests" / "keys" / "sample"

UNITS = ["VP", "KHTC", "QLKH", "CNCDS", "TĐC", "TTRA"]
PREPARERS = {"VP": "ntkhanh", "KHTC": "ltnga", "QLKH": "tvquang", "CNCDS": "hmduc", "TĐC": "ptyen", "TTRA": "hmduc"}
LEGAL = [("Quyết định", "19/2014/QĐ-TTg", "05/3/2014", "Thủ tướng Chính phủ"),
         ("Quyết định", "101/QĐ-BKHCN", "21/01/2019", "Bộ Khoa học và Công nghệ"),
         ("Nghị định", "30/2020/NĐ-CP", "05/3/2020", "Chính phủ"),
         ("Nghị định", "118/2025/NĐ-CP", "09/6/2025", "Chính phủ"),
         ("Thông tư", "26/2014/TT-BKHCN", "10/10/2014", "Bộ Khoa học và Công nghệ"),
         ("Luật", "05/2007/QH12", "21/11/2007", "Quốc hội"),
         ("Thông tư", "03/2014/TT-BKHCN", "31/3/2014", "Bộ Khoa học và Công nghệ")]
SUBJECTS = ["tiếp nhận hồ sơ", "thẩm định hồ sơ", "cấp giấy chứng nhận", "kiểm tra chất lượng hàng hóa",
            "đăng ký hoạt động", "quản lý đề tài khoa học", "xử lý phản ánh, kiến nghị", "lưu trữ hồ sơ",
            "mua sắm tài sản công", "thanh tra chuyên ngành", "chuyển đổi số", "đo lường phương tiện đo",
            "công bố hợp chuẩn", "đánh giá sự phù hợp", "quản lý văn bản đến", "quản lý văn bản đi"]
WORDS = ("cán bộ công chức thực hiện kiểm tra tính đầy đủ hợp lệ của hồ sơ theo quy định trường hợp "
         "chưa đầy đủ hướng dẫn tổ chức cá nhân bổ sung hoàn thiện trong thời hạn lãnh đạo phòng xem xét "
         "trình ký kết quả giải quyết được chuyển bộ phận một cửa để trả cho người nộp đúng hẹn đồng thời "
         "cập nhật trạng thái trên hệ thống thông tin giải quyết thủ tục hành chính của tỉnh").split()


def sentence(rng: random.Random, words: int = 18) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def citation(rng: random.Random) -> tuple[str, str]:
    kind, number, day, issuer = rng.choice(LEGAL)
    return number, f"{kind} số {number} ngày {day} của {issuer}"


def procedure_body(rng, title, forms, cites) -> str:
    steps = "\n".join(f"| B{i} | {sentence(rng, 10)} | {rng.choice(['Văn thư', 'Chuyên viên', 'Lãnh đạo phòng', 'Bộ phận Một cửa'])} "
                      f"| {rng.randint(1, 5):02d} ngày | {rng.choice(forms) if forms else 'Kết quả'} |"
                      for i in range(1, rng.randint(5, 9)))
    bullets = "\n".join(f"- {sentence(rng, 8)}" for _ in range(rng.randint(3, 6)))
    legal = "\n".join(f"- {text};" for _, text in cites)
    form_rows = "\n".join(f"| {i} | {code} | Biểu mẫu {code} |" for i, code in enumerate(forms, 1))
    return f"""## 1. Mục đích

{sentence(rng)} {sentence(rng)}

## 2. Phạm vi áp dụng

{sentence(rng)}

## 3. Tài liệu viện dẫn

{legal}

## 4. Định nghĩa và từ viết tắt

{bullets}

## 5. Nội dung quy trình

### 5.1. Lưu đồ và các bước thực hiện

| Bước | Nội dung công việc | Trách nhiệm | Thời gian | Biểu mẫu/Kết quả |
|---|---|---|---|---|
{steps}

### 5.2. Diễn giải

{sentence(rng, 30)} {sentence(rng, 25)}

{sentence(rng, 30)}

## 6. Biểu mẫu

| STT | Mã hiệu | Tên biểu mẫu |
|---|---|---|
{form_rows}

## 7. Hồ sơ cần lưu

| STT | Hồ sơ | Trách nhiệm lưu | Thời gian lưu |
|---|---|---|---|
| 1 | Hồ sơ {title.lower()} | Chuyên viên | 05 năm |
"""


def form_body(rng, title) -> str:
    rows = "\n".join("| | | | |" for _ in range(6))
    fields = "\n".join(f"{i}. {sentence(rng, 6)[:-1]}: ........................................" for i in range(1, 7))
    return f"""**{title.upper()}**

{fields}

| STT | Nội dung | Số lượng | Ghi chú |
|---|---|---|---|
{rows}

*{sentence(rng, 10)}*
"""


def front_matter(doc: dict) -> str:
    lines = ["---", f"code: {doc['code']}", f"kind: {doc['kind']}", f'title: "{doc["title"]}"', f"unit: {doc['unit']}",
             f"revision: {doc['revision']}", "status: effective", f"effective: {doc['effective']}",
             "review_months: 120",
             f"prepared: {{by: {PREPARERS[doc['unit']]}, date: {doc['effective'] - timedelta(days=20)}}}",
             f"reviewed: {{by: phthu, date: {doc['effective'] - timedelta(days=15)}}}"]
    if doc["kind"] == "procedure":
        lines.append("legal_basis: [" + ", ".join(n for n, _ in doc["cites"]) + "]")
        lines.append("forms: [" + ", ".join(doc["forms"]) + "]")
    else:
        lines.append(f"procedure: {doc['parent']}")
    lines.append("changes:")
    for rev, when, what in doc["changes"]:
        lines.append(f'  - {{revision: {rev}, date: {when}, section: "Mục 5", description: "{what}"}}')
    lines.append("---")
    return "\n".join(lines) + "\n"


def render(doc: dict) -> str:
    """The file text, its sign-offs recorded with the fingerprint of its controlled content."""
    text = front_matter(doc) + doc["body"]
    parsed, _ = parse_document("procedures/x.md", text.encode("utf-8"))
    print_ = fingerprint(parsed)
    approval = f"approved: {{by: ltminh, date: {doc['effective'] - timedelta(days=10)}, fingerprint: \"{print_}\"}}"
    text = re.sub(r"^((?:prepared|reviewed): \{by: \w+, date: [0-9-]+)\}$", rf'\1, fingerprint: "{print_}"}}',
                  text, count=2, flags=re.M)
    return text.replace("\nchanges:\n", f"\n{approval}\nchanges:\n", 1)


def write(base: Path, doc: dict, signed: bool) -> None:
    """The document's file and, as its signers would with `qms approve`, its signatures."""
    text = render(doc)
    (base / doc["path"]).write_text(text, encoding="utf-8")
    if not signed:
        return
    parsed, _ = parse_document(doc["path"], text.encode("utf-8"))
    for key, role in ROLES.items():
        s = parsed.signoffs[key]
        signed_text = SignedText(parsed.code, parsed.revision, role, s.by, s.date, s.fingerprint,
                                 max(s.date, KEY_SINCE.get(s.by, s.date)))
        target = base / text_path(parsed.code, parsed.revision, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(signed_text.render())
        (base / signature_path(parsed.code, parsed.revision, key)).write_text(
            sign_in_process(signed_text.render(), private_key(s.by), NAMESPACE), encoding="ascii")


def private_key(person: str):
    if person not in _KEYS:
        _KEYS[person] = load_ssh_private_key((SAMPLE_KEYS / person).read_bytes(), None)
    return _KEYS[person]


_KEYS: dict = {}
_ORG, _ = load_organisation(REPO)
KEY_SINCE = {p: min((k.since for k in person.keys if k.since), default=date(2000, 1, 1))
             for p, person in _ORG.people.items()}


def plan(n: int, rng: random.Random) -> list[dict]:
    """About 35 % procedures, each with a few forms."""
    docs, p, f = [], 0, 0
    while len(docs) < n:
        p += 1
        unit = rng.choice(UNITS)
        title = f"Quy trình {rng.choice(SUBJECTS)} số {p}"
        count = min(rng.randint(1, 3), max(0, n - len(docs) - 1))
        forms = [f"BM.{f + i + 1:02d}" for i in range(count)]
        f += count
        # First issues in 2020, so that five years of records (bench/records.py) find a form issue in force.
        start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 300))
        cites = rng.sample([c for c in (citation(rng) for _ in range(6))], 3)
        cites = list(dict(cites).items())
        body = procedure_body(rng, title, forms, cites)
        docs.append(dict(code=f"QT.{p:02d}", kind="procedure", title=title, unit=unit, revision=1, effective=start,
                         cites=cites, forms=forms, body=body, changes=[(1, start, "Ban hành lần đầu")],
                         path=f"procedures/QT.{p:02d}.md"))
        for code in forms:
            ftitle = f"Phiếu {rng.choice(SUBJECTS)} ({code})"
            docs.append(dict(code=code, kind="form", title=ftitle, unit=unit, revision=1, effective=start,
                             parent=f"QT.{p:02d}", body=form_body(rng, ftitle),
                             changes=[(1, start, "Ban hành lần đầu")], path=f"forms/{code}.md"))
    return docs[:n]


def reissue(base: Path, doc: dict, day: date, rng: random.Random, signed: bool) -> None:
    """A new issue of one document: changed text, issue +1, change row, later date, fresh approval."""
    doc["revision"] += 1
    doc["effective"] = day
    doc["body"] += f"\n{sentence(rng)}\n"
    doc["changes"].append((doc["revision"], day, f"Sửa đổi lần {doc['revision']}"))
    write(base, doc, signed)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


PLAIN_MKDOCS = """site_name: Hệ thống quản lý chất lượng (MkDocs thuần)
docs_dir: docs
theme:
  name: material
  language: vi
  features: [navigation.prune]
plugins:
  - search:
      lang: vi
markdown_extensions: [tables, attr_list, md_in_html, admonition]
"""


def generate(root: Path, n: int, commits: int, seed: int = 1, plain: bool = False) -> list[dict]:
    """The product's layout, or (plain=True) the same Markdown and history under docs/ for
    plain MkDocs and its git plugins."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    base = root / "docs" if plain else root
    (base / "procedures").mkdir(parents=True)
    (base / "forms").mkdir()
    if plain:
        (root / "mkdocs.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
        (base / "index.md").write_text("# Hệ thống quản lý chất lượng\n", encoding="utf-8")
    else:
        shutil.copytree(REPO / "site_config", root / "site_config", ignore=shutil.ignore_patterns("activities.yml"))
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    docs = plan(n, rng)
    for doc in docs:
        write(base, doc, not plain)
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=Bench", "-c", "user.email=b@example.invalid", "add", "-A")
    git(root, "-c", "user.name=Bench", "-c", "user.email=b@example.invalid", "commit", "-q", "-m", "Ban hành")
    day = date(2025, 1, 1)
    for k in range(1, commits):
        day += timedelta(days=20)
        for doc in rng.sample(docs, max(1, len(docs) // 50)):
            reissue(base, doc, day, rng, not plain)
        git(root, "-c", "user.name=Bench", "-c", "user.email=b@example.invalid", "commit", "-q", "-a",
            "-m", f"Ban hành lần mới đợt {k}")
    return docs


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plain", action="store_true", help="plain MkDocs layout (docs/)")
    args = parser.parse_args()
    generate(args.dir, args.n, args.commits, args.seed, args.plain)


if __name__ == "__main__":
    main()
