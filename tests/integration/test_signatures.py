"""Signed sign-offs, in real git repositories with keys made at test time: each rule fails and
passes, the commands refuse what the build would reject, and ssh-keygen reaches our verdict."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from support import gitutil
from support.keys import make_key, signed_repo
from support.repos import Q, TODAY, add_step, set_signatures

pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen (openssh-client) missing")
SIG = "signatures/QT.01/02-approve.txt.sig"
TXT = "signatures/QT.01/02-approve.txt"


def rules(findings, rule):
    return [f for f in findings if f["rule"] == rule]


def line_of(repo, rel, start):
    return next(i for i, line in enumerate(repo.read(rel).split("\n"), 1) if line.startswith(start))


@pytest.fixture
def signed(tmp_path):
    return signed_repo(tmp_path)


def test_signed_repository_passes_and_ssh_keygen_agrees(signed, tmp_path):
    repo, keys = signed
    code, findings = repo.findings()
    assert code == 0 and not [f for f in findings if f["rule"].startswith("signature")], findings
    assert "fingerprint:" in repo.read(Q).split("prepared:")[1].split("\n")[0]   # a hand-typed sign-off got one
    allowed = tmp_path / "allowed_signers"
    assert repo.qms("keys", "allowed-signers", "--output", str(allowed)).exit_code == 0
    verify = ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-n", "qms-signoff", "-s", str(repo.root / SIG),
              f"-Overify-time={TODAY.replace('-', '')}"]
    good = subprocess.run(verify + ["-I", "ltminh"], input=(repo.root / TXT).read_bytes(), capture_output=True)
    assert good.returncode == 0, good.stderr
    other = subprocess.run(verify + ["-I", "nvhai"], input=(repo.root / TXT).read_bytes(), capture_output=True)
    assert other.returncode != 0


def test_missing_signature_required_warning_off(signed):
    repo, _ = signed
    (repo.root / SIG).unlink()
    code, findings = repo.findings()
    missing = rules(findings, "signature-missing")
    assert code == 1 and [(f["path"], f["line"], f["severity"]) for f in missing] == [
        (Q, line_of(repo, Q, "approved:"), "error")]
    assert "qms sign QT.01 --role approve" in missing[0]["message"]
    set_signatures(repo.root, "warning")
    code, findings = repo.findings()
    assert code == 0 and [f["severity"] for f in rules(findings, "signature-missing")] == ["warning"]
    set_signatures(repo.root, "off")
    code, findings = repo.findings()
    assert code == 0 and not [f for f in findings if f["rule"].startswith("signature")]


def test_a_bad_signature_is_an_error_even_while_adopting(signed):
    repo, _ = signed
    set_signatures(repo.root, "warning")
    (repo.root / TXT).write_bytes((repo.root / TXT).read_bytes().replace(b"date: 2026-01-26", b"date: 2026-01-25"))
    code, findings = repo.findings()
    assert code == 1 and [f["severity"] for f in rules(findings, "signature-invalid")] == ["error"]


def test_tampered_signature(signed):
    repo, _ = signed
    lines = (repo.root / SIG).read_text().split("\n")
    lines[3] = lines[3][:10] + ("A" if lines[3][10] != "A" else "B") + lines[3][11:]
    (repo.root / SIG).write_text("\n".join(lines))
    code, findings = repo.findings()
    bad = rules(findings, "signature-invalid")
    assert code == 1 and [(f["path"], f["line"]) for f in bad] == [(Q, line_of(repo, Q, "approved:"))]
    (repo.root / SIG).write_text("không phải chữ ký")
    assert "tệp chữ ký hỏng" in rules(repo.findings()[1], "signature-invalid")[0]["message"]


def test_signed_text_edited(signed):
    repo, _ = signed
    (repo.root / TXT).write_bytes((repo.root / TXT).read_bytes().replace(b"by: ltminh", b"by: nvhai"))
    assert [f["line"] for f in rules(repo.findings()[1], "signature-invalid")] == [line_of(repo, Q, "approved:")]


def test_approval_by_someone_else_with_their_key_is_refused(signed):
    repo, keys = signed
    before = repo.read(Q), (repo.root / SIG).read_bytes()
    result = repo.qms("approve", "QT.01", "--by", "ltminh", "--key", str(keys["nvhai"]))
    assert result.exit_code == 1
    assert "của Nguyễn Văn Hải, không phải khóa của Lê Thành Minh" in result.output
    assert (repo.read(Q), (repo.root / SIG).read_bytes()) == before     # nothing written


def test_signature_made_with_another_persons_key(signed, tmp_path):
    """nvhai signs the text of ltminh's approval with his own key and puts it in place."""
    repo, keys = signed
    sig = subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(keys["nvhai"]), "-n", "qms-signoff"],
                         input=(repo.root / TXT).read_bytes(), capture_output=True, check=True).stdout
    (repo.root / SIG).write_bytes(sig)
    owner = rules(repo.findings()[1], "signature-key-owner")
    assert [(f["path"], f["line"]) for f in owner] == [(Q, line_of(repo, Q, "approved:"))]
    assert "Nguyễn Văn Hải" in owner[0]["message"]
    stranger = make_key(tmp_path / "other", "stranger")
    sig = subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(stranger), "-n", "qms-signoff"],
                         input=(repo.root / TXT).read_bytes(), capture_output=True, check=True).stdout
    (repo.root / SIG).write_bytes(sig)
    assert "không có trong organisation.yml" in rules(repo.findings()[1], "signature-key-owner")[0]["message"]


def test_content_changed_after_a_valid_signature(signed):
    repo, _ = signed
    add_step(repo)
    code, findings = repo.findings()
    assert code == 1 and rules(findings, "approval-fingerprint")     # the content no longer matches
    assert not rules(findings, "signature-content")                  # the signature still covers the line
    # Someone then records the new fingerprint by hand: the signature covers another one.
    stale = next(f for f in rules(findings, "approval-fingerprint"))["message"].split("khác ")[1].split(")")[0]
    text = repo.read(Q)
    line = next(line for line in text.split("\n") if line.startswith("approved:"))
    old = line.split('fingerprint: "')[1].split('"')[0]
    repo.write(Q, text.replace(line, line.replace(old, stale)))
    code, findings = repo.findings()
    content = rules(findings, "signature-content")
    assert code == 1 and not rules(findings, "approval-fingerprint")
    assert [(f["path"], f["line"]) for f in content] == [(Q, line_of(repo, Q, "approved:"))]
    assert old in content[0]["message"]


def test_revoked_key(signed):
    repo, keys = signed
    org = repo.root / "site_config" / "organisation.yml"
    text = org.read_text(encoding="utf-8")
    ltminh = text.index("  - id: ltminh")
    at = text.index("        from: 2026-01-01", ltminh) + len("        from: 2026-01-01")
    org.write_text(text[:at] + "\n        revoked: 2026-11-01" + text[at:], encoding="utf-8")
    dated = rules(repo.findings()[1], "signature-key-date")
    assert len(dated) == 2 and "đã bị thu hồi từ 01/11/2026" in dated[0]["message"]   # ltminh approved QT.01, BM.01
    result = repo.qms("sign", "QT.01", "--role", "approve", "--key", str(keys["ltminh"]))
    assert result.exit_code == 1 and "thu hồi" in result.output
    org.write_text(text[:at] + "\n        revoked: 2026-12-01" + text[at:], encoding="utf-8")
    assert not rules(repo.findings()[1], "signature-key-date")     # signed before the revocation: still valid


def test_new_issue_signed_by_each_role_passes(signed):
    repo, keys = signed
    repo.write(Q, re.sub(r"^(prepared|reviewed): .*$", r"\1: {by: x, date: 2026-11-10}", repo.read(Q), flags=re.M))
    repo.edit(Q, "prepared: {by: x", "prepared: {by: ntkhanh")
    repo.edit(Q, "reviewed: {by: x", "reviewed: {by: phthu")
    repo.edit(Q, "revision: 2\n", "revision: 3\n")
    repo.edit(Q, "effective: 2026-02-02", "effective: 2026-11-20")
    repo.edit(Q, "    description: Cập nhật căn cứ pháp lý\n", "    description: Cập nhật căn cứ pháp lý\n"
              "  - revision: 3\n    date: 2026-11-20\n    section: Mục 5\n    description: Thêm bước B2\n")
    add_step(repo)
    for role, person in (("prepare", "ntkhanh"), ("review", "phthu"), ("approve", "ltminh")):
        result = repo.qms("approve", "QT.01", "--role", role, "--by", person, "--key", str(keys[person]),
                          "--date", "2026-11-14")
        assert "Đã ký số bằng khóa SHA256:" in result.output, result.output
    assert (repo.root / "signatures/QT.01/03-approve.txt.sig").is_file()
    assert (repo.root / SIG).is_file()                                 # issue 2's signature is kept
    code, findings = repo.findings()
    assert code == 0, findings


def test_approve_without_a_key_when_required(signed, monkeypatch, tmp_path):
    repo, _ = signed
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QMS_SIGNING_KEY", raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    before = repo.read(Q)
    result = repo.qms("approve", "QT.01", "--by", "ltminh")
    assert result.exit_code == 1 and "Không tìm thấy khóa ký" in result.output
    assert repo.read(Q) == before
    set_signatures(repo.root, "warning")          # while adopting, an approval without a key is recorded
    result = repo.qms("approve", "QT.01", "--by", "ltminh")
    assert "Chưa ký số" in result.output and "Đã ghi vào" in result.output


def test_gate_summary_shows_who_signed(signed):
    repo, keys = signed
    base = gitutil.git(repo.root, "rev-parse", "HEAD")
    (repo.root / SIG).write_text((repo.root / SIG).read_text().replace("U1NIU0lH", "U1NIU0lI"))
    gitutil.commit_all(repo.root, "Sửa chữ ký")
    result = repo.qms("check", "--base", base, "--format", "markdown")
    assert "### Chữ ký số" in result.output, result.output
    row = next(line for line in result.output.split("\n") if line.startswith("| QT.01 | Phê duyệt"))
    assert "Lê Thành Minh" in row and "Không hợp lệ" in row
    assert "| QT.01 | Xem xét | Phạm Hoài Thu | ✓ Hợp lệ" in result.output
    assert any("signature-invalid" in line for line in result.output.split("\n"))   # a .sig-only change is gated


def test_keys_add_refuses_a_private_key_and_a_shared_key(signed, tmp_path):
    repo, keys = signed
    result = repo.qms("keys", "add", "hmduc", str(keys["nvhai"]))
    assert result.exit_code == 2 and "khóa bí mật" in result.output
    result = repo.qms("keys", "add", "hmduc", str(keys["nvhai"]) + ".pub")
    assert result.exit_code == 1 and "nvhai" in result.output


def test_private_keys_outside_tests_are_refused(signed, tmp_path):
    repo, keys = signed
    shutil.copy(keys["ltminh"], repo.root / "site_config" / "id_ed25519")
    (repo.root / "tests").mkdir()
    shutil.copy(keys["nvhai"], repo.root / "tests" / "khoa-mau")
    (repo.root / "ky-so.p12").write_bytes(b"\x30\x82\x01\x00")
    note = repo.root / "procedures" / "ghi-chu.txt"
    note.write_text("Khóa PEM mở đầu bằng dòng -----BEGIN PRIVATE KEY----- (chỉ là lời giải thích).\n")
    secrets = rules(repo.findings()[1], "secret-file")
    assert sorted((f["path"], f["line"]) for f in secrets) == [("ky-so.p12", 1), ("site_config/id_ed25519", 1)]
    assert "khóa bí mật SSH" in next(f for f in secrets if f["path"].endswith("id_ed25519"))["message"]


def test_other_key_types_verify(tmp_path):
    repo, _ = signed_repo(tmp_path, kinds={"ltminh": "rsa", "phthu": "ecdsa"})
    code, findings = repo.findings()
    assert code == 0, findings


def armored(blob: bytes) -> str:
    import base64
    return "-----BEGIN SSH SIGNATURE-----\n" + base64.b64encode(blob).decode() + "\n-----END SSH SIGNATURE-----\n"


def test_crafted_signature_files_are_findings_never_a_crash(signed, tmp_path):
    """An unknown key type, trailing bytes, a revision written '²': each is a finding."""
    import struct

    from builder.signing import sshsig

    repo, keys = signed

    def string(b):
        return struct.pack(">I", len(b)) + b
    key = string(b"ssh-foo") + string(b"x" * 32)
    blob = (b"SSHSIG" + struct.pack(">I", 1) + string(key) + string(b"qms-signoff") + string(b"")
            + string(b"sha512") + string(string(b"ssh-foo") + string(b"y" * 64)))
    (repo.root / SIG).write_text(armored(blob))
    code, findings = repo.findings()
    assert code == 1 and [f["line"] for f in rules(findings, "signature-invalid")] == [line_of(repo, Q, "approved:")]
    # A genuine signature with bytes appended verifies nowhere (ssh-keygen refuses it too).
    good = sshsig.sign((repo.root / TXT).read_bytes(), keys["ltminh"], "qms-signoff")
    import base64
    raw = base64.b64decode("".join(good.strip().splitlines()[1:-1]))
    (repo.root / SIG).write_text(armored(raw + b"JUNK"))
    assert rules(repo.findings()[1], "signature-invalid")
    # A throwaway key signing a text whose revision is '²' (isdigit, but not a number).
    stranger = make_key(tmp_path / "other", "stranger")
    text = (repo.root / TXT).read_text(encoding="utf-8").replace("revision: 2", "revision: ²")
    (repo.root / TXT).write_text(text, encoding="utf-8")
    (repo.root / SIG).write_bytes(subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-f", str(stranger), "-n", "qms-signoff"], input=text.encode(),
        capture_output=True, check=True).stdout)
    code, findings = repo.findings()
    assert code == 1 and rules(findings, "signature-key-owner")


def test_a_revoked_key_cannot_sign_again_by_writing_an_earlier_day(signed):
    """In a change (against the base commit), a signature file added or replaced now is judged
    on today's date, whatever day its text claims."""
    repo, keys = signed
    org = repo.root / "site_config" / "organisation.yml"
    text = org.read_text(encoding="utf-8")
    at = text.index("        from: 2026-01-01", text.index("  - id: ltminh")) + len("        from: 2026-01-01")
    org.write_text(text[:at] + "\n        revoked: 2026-11-01" + text[at:], encoding="utf-8")
    gitutil.commit_all(repo.root, "Thu hồi khóa của ltminh")
    base = gitutil.git(repo.root, "rev-parse", "HEAD")
    old = (repo.root / TXT).read_text(encoding="utf-8")          # signed: 2026-11-21, after the revocation
    backdated = old.replace("signed: 2026-11-21", "signed: 2026-10-01")
    (repo.root / TXT).write_text(backdated, encoding="utf-8")
    (repo.root / SIG).write_bytes(subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-f", str(keys["ltminh"]), "-n", "qms-signoff"],
        input=backdated.encode(), capture_output=True, check=True).stdout)
    findings = rules(json.loads(repo.qms("check", "--base", base, "--format", "json").stdout)["findings"],
                     "signature-key-date")
    assert [f["path"] for f in findings] == [Q], findings


def test_gate_warns_when_the_keys_change(signed, tmp_path):
    repo, _ = signed
    base = gitutil.git(repo.root, "rev-parse", "HEAD")
    extra = make_key(tmp_path / "more", "extra")
    assert repo.qms("keys", "add", "hmduc", str(extra) + ".pub").exit_code == 0
    result = repo.qms("check", "--base", base, "--format", "markdown")
    assert "yêu cầu này sửa site_config/organisation.yml" in result.output, result.output


def test_a_key_listed_twice_is_a_configuration_error(signed):
    repo, keys = signed
    org = repo.root / "site_config" / "organisation.yml"
    line = next(line for line in org.read_text(encoding="utf-8").split("\n") if "- key: " in line)
    text = org.read_text(encoding="utf-8")
    at = text.index("  - id: ltminh")
    at = text.index("    keys:\n", at) + len("    keys:\n")
    org.write_text(text[:at] + line + "\n" + text[at:], encoding="utf-8")
    findings = [f for f in repo.findings()[1] if f["rule"] == "config-invalid"]
    assert findings and "chỉ ghi một lần" in findings[0]["message"]


def test_a_save_elsewhere_does_not_judge_every_signature_again(signed, monkeypatch):
    """The preview reloads the catalog on every save, and each save adds a changed file against
    the base commit: only signatures whose own inputs changed are judged again (all of them
    were, 0.5 s per save at 1,000 documents)."""
    from builder.catalog import load_catalog
    from builder.documents.dates import parse_date
    from builder.rules.runner import run_checks
    from builder.signing import status

    repo, _ = signed
    run_checks(load_catalog(repo.root, parse_date(TODAY)))
    judged = []
    real = status._verdict
    monkeypatch.setattr(status, "_verdict", lambda doc, key, *rest: judged.append((doc.code, key)) or real(doc, key, *rest))
    form = sorted((repo.root / "forms").glob("*.md"))[0]
    form.write_text(form.read_text(encoding="utf-8") + "\nDòng mới.\n", encoding="utf-8")
    findings = run_checks(load_catalog(repo.root, parse_date(TODAY)))
    assert judged == [] and not [f for f in findings if f.rule.startswith("signature")]
