"""Generate the records of several yearly cycles beside a generated corpus (bench/corpus.py):
per year one internal audit with its findings, the corrective actions they raise, risks, surveys,
one management review with every input, trainings, inspections and read-and-understood
confirmations, each made on a form issue in force on its date and closed with its fingerprint,
as an agency's ISO secretary would over the years.

Usage: python bench/records.py DIR --years 5 --per-year 1000 [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from builder.documents.loader import parse_document  # noqa: E402
from builder.records.fingerprint import record_fingerprint  # noqa: E402
from builder.records.kinds import REVIEW_INPUTS  # noqa: E402
from builder.records.loader import parse_record  # noqa: E402

TODAY = date(2026, 11, 21)
CLAUSES = ["4.4", "6.1", "7.1.6", "7.2", "7.5.3", "8.2.1", "8.5.1", "8.7", "9.1.2", "9.1.3", "10.2"]
AUDITED = ["KHTC", "QLKH"]
AUDITORS = "  - {person: hmduc, units: [KHTC]}\n  - {person: ltnga, units: [QLKH]}\n"
WORDS = ("hồ sơ được cập nhật theo dõi kiểm tra định kỳ đơn vị thực hiện đúng quy trình báo cáo kết quả lãnh đạo "
         "phòng phân công chuyên viên rà soát sổ sách biểu mẫu lưu trữ theo thời hạn quy định").split()


def sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def forms_in(root: Path) -> list:
    """(code, procedure, [(revision, effective)]) of every form of the corpus, from its file."""
    out = []
    for path in sorted((root / "forms").glob("*.md")):
        doc, _ = parse_document(path.relative_to(root).as_posix(), path.read_bytes())
        if doc and doc.kind == "form":
            issues = sorted((row.revision, row.date) for row in doc.changes if row.revision and row.date)
            out.append((doc.code, doc.procedure, issues))
    return out


def issue_on(issues, day: date) -> int | None:
    found = [rev for rev, start in issues if start <= day]
    return found[-1] if found else None


class Writer:
    """Numbers, dates and closes records of one year."""

    def __init__(self, root: Path, year: int, forms: list, rng: random.Random):
        self.root, self.year, self.forms, self.rng = root, year, forms, rng
        self.counts: dict[str, int] = {}
        self.last = min(date(year, 12, 20), TODAY - timedelta(days=6))

    def day(self, low: date | None = None) -> date:
        low = low or date(self.year, 1, 5)
        return low + timedelta(days=self.rng.randint(0, max(0, (self.last - low).days)))

    def write(self, prefix: str, kind: str, title: str, made: date, fields: str, closer: str = "ltminh") -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        record_id = f"{prefix}-{self.year}-{self.counts[prefix]:03d}"
        code, procedure, issues = self.rng.choice(self.forms)
        head = (f"---\nid: {record_id}\nkind: {kind}\ntitle: \"{title}\"\nunit: VP\ndate: {made}\n"
                f"form: {{code: {code}, revision: {issue_on(issues, made)}}}\nprocedure: {procedure}\nstatus: open\n")
        text = head + fields + "---\n" + "\n\n".join(sentence(self.rng, 30) for _ in range(3)) + "\n"
        rel = f"records/{self.year}/{record_id}.md"
        record, _ = parse_record(rel, text.encode("utf-8"))
        closed = min(made + timedelta(days=3), TODAY)
        text = text.replace("status: open\n", f"status: closed\nclosed: {{by: {closer}, date: {closed}, "
                            f"fingerprint: \"{record_fingerprint(record)}\"}}\n", 1)
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return record_id


def year_of_records(w: Writer, per_year: int) -> None:
    rng, year = w.rng, w.year
    audit_day = date(year, 10, 15) if date(year, 10, 15) < TODAY else TODAY - timedelta(days=30)
    findings = [(i, "nonconformity" if i <= 4 else rng.choice(["observation", "opportunity"])) for i in range(1, 11)]
    lines = "".join(f"  - {{id: {i}, type: {t}, clause: {rng.choice(CLAUSES)}, unit: {rng.choice(AUDITED)}, "
                    f"text: \"{sentence(rng)}\"}}\n" for i, t in findings)
    audit = w.write("DGNB", "audit", f"Báo cáo đánh giá nội bộ năm {year}", audit_day,
                    f"dates: {{from: {audit_day - timedelta(days=10)}, to: {audit_day - timedelta(days=2)}}}\n"
                    f"scope: {{units: [{', '.join(AUDITED)}]}}\nauditors:\n{AUDITORS}findings:\n{lines}")
    review_day = audit_day + timedelta(days=5)
    inputs = "".join(f"  - {{input: {key}, summary: \"{sentence(rng, 8)}\", evidence: [{audit}]}}\n" for key in REVIEW_INPUTS)
    w.write("XXLD", "review", f"Biên bản họp xem xét của lãnh đạo năm {year}", review_day,
            f"chair: ltminh\nattendees: [nvhai, phthu]\ninputs:\n{inputs}")
    plan = [("KP", 0.15), ("RR", 0.4), ("KS", 0.04), ("DT", 0.1), ("KT", 0.01)]
    budget = per_year - 2
    for prefix, share in plan:
        for n in range(int(per_year * share)):
            budget -= 1
            made = w.day()
            if prefix == "KP":
                item = f"{audit}, item: {n % 4 + 1}" if n < 4 else None
                source = f"{{type: audit, record: {item}}}" if item else "{type: monitoring}"
                verified = min(made + timedelta(days=2), TODAY)
                w.write("KP", "corrective_action", f"Khắc phục: {sentence(rng, 6)}", made,
                        f"source: {source}\ndescription: \"{sentence(rng)}\"\ncause: \"{sentence(rng)}\"\n"
                        f"action: \"{sentence(rng)}\"\nresponsible: {rng.choice(AUDITED)}\ndue: {made + timedelta(days=30)}\n"
                        f"verification: {{by: phthu, date: {verified}, result: effective}}\n")
            elif prefix == "RR":
                evaluation = (f"evaluation: {{by: phthu, date: {min(date(year, 12, 10), TODAY)}, result: effective}}\n"
                              if year < TODAY.year else "")
                w.write("RR", "risk", f"Rủi ro: {sentence(rng, 6)}", made,
                        f"type: {rng.choice(['risk', 'opportunity'])}\ndescription: \"{sentence(rng)}\"\n"
                        f"likelihood: {rng.randint(1, 3)}\nimpact: {rng.randint(1, 3)}\ntreatment: \"{sentence(rng)}\"\n"
                        f"owner: dvlong\ndue: {made + timedelta(days=90)}\n{evaluation}")
            elif prefix == "KS":
                start = made - timedelta(days=40)
                groups = "".join(f"  - {{group: Nhóm câu hỏi {g}, rate: {rng.uniform(95, 100):.1f}}}\n" for g in range(1, 5))
                w.write("KS", "survey", f"Khảo sát sự hài lòng đợt {n + 1}", made,
                        f"period: {{from: {start}, to: {made - timedelta(days=1)}}}\nservice: Nhóm thủ tục {n + 1}\n"
                        f"sample: {rng.randint(50, 400)}\nmethod: Phiếu khảo sát tại Bộ phận Một cửa\nresults:\n{groups}")
            elif prefix == "DT":
                w.write("DT", "training", f"Tập huấn {sentence(rng, 5)}", made,
                        f"course: \"{sentence(rng, 6)}\"\ndates: {{from: {made - timedelta(days=1)}, to: {made}}}\n"
                        f"organiser: Văn phòng Sở\nattendees: [ntkhanh, hmduc]\n")
            else:
                letter_day = made - timedelta(days=3)
                w.write("KT", "inspection", f"Kiểm tra năm {year} đợt {n + 1}", made,
                        f"inspector: Sở Khoa học và Công nghệ\nletter: {100 + n}/SKHCN-TĐC\nletter_date: {letter_day}\n"
                        f"recommendations:\n  - {{id: 1, text: \"{sentence(rng)}\", follow_up: \"{sentence(rng)}\"}}\n")
    for n in range(budget):
        made = w.day()
        code, _, issues = rng.choice(w.forms)
        w.write("TN", "acknowledgement", f"Tiếp nhận tài liệu đợt {n + 1}", made,
                f"documents:\n  - {{code: {code}, revision: {issue_on(issues, made) or 1}}}\nunits: [VP, KHTC]\n"
                f"confirmations:\n  - {{unit: VP, by: phthu, date: {made}}}\n  - {{unit: KHTC, by: dvlong, date: {made}}}\n")


def generate(root: Path, years: int = 5, per_year: int = 1000, seed: int = 1) -> int:
    """Write `years` cycles of records ending this year and commit them; the number written."""
    rng = random.Random(seed)
    forms = [f for f in forms_in(root) if f[2]]
    for year in range(TODAY.year - years + 1, TODAY.year + 1):
        year_of_records(Writer(root, year, [f for f in forms if issue_on(f[2], date(year, 1, 5))], rng), per_year)
    git = ["git", "-c", "user.name=Bench", "-c", "user.email=b@example.invalid"]
    subprocess.run([*git, "add", "-A", "records"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Hồ sơ các năm"], cwd=root, check=True)
    return sum(1 for _ in (root / "records").rglob("*.md"))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--per-year", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.dir, args.years, args.per_year, args.seed))


if __name__ == "__main__":
    main()
