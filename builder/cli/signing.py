"""Signatures from the command line: the key option of `qms approve`, `qms sign` (sign a
sign-off already recorded) and `qms keys add` (a person's public key into organisation.yml) and
`qms keys allowed-signers` (the file ssh-keygen verifies with)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.catalog import load_catalog
from builder.cli.options import parse_day, root_option, today_option
from builder.documents.labels import did_you_mean
from builder.findings.finding import has_errors
from builder.findings.report import FORMATS
from builder.organisation.config_file import ORG_FILE
from builder.organisation.keys import (SigningKey, allowed_signers,
                                       parse_key_line)
from builder.organisation.keys_edit import KeyEditError, add_key
from builder.revisions.approve import (KEY_OF_ROLE, NO_KEY, ApprovalError,
                                       sign_recorded)
from builder.rules.runner import run_checks
from builder.signing import record
from builder.storage.atomic import atomic_write_text

key_option = click.option("--key", "key_file", type=click.Path(dir_okay=False, path_type=Path),
                          help="Tệp khóa ký SSH (mặc định: QMS_SIGNING_KEY, khóa ký của git, ~/.ssh/id_ed25519).")


def signing_key(catalog, key_file: Path | None):
    """The key to sign with: the one given, or (when the agency uses signatures) the person's
    usual key; without signatures and without --key, the sign-off is not signed."""
    if key_file is not None:
        return key_file
    mode = catalog.organisation.signatures
    found = record.default_key_file() if mode != "off" else None
    if found is None and mode != "required":
        if mode == "warning":
            click.echo("Chưa ký số: không tìm thấy khóa ký (--key, QMS_SIGNING_KEY, ~/.ssh/id_ed25519); "
                       "ký sau bằng 'qms sign'.", err=True)
        return NO_KEY
    return found


def signed_message(signature: record.Signature) -> str:
    return (f"Đã ký số bằng khóa {signature.key.fingerprint}: {signature.text_rel} và {signature.signature_rel}. "
            "Commit cả hai tệp cùng tài liệu.")


def report_after(root, today, rel: Path) -> None:
    """The document's findings after the change; exit 1 when any is an error."""
    after = [f for f in run_checks(load_catalog(root, today)) if f.path == str(rel)]
    if after:
        click.echo("Tài liệu còn các vấn đề sau:")
        click.echo(FORMATS["text"](after))
    sys.exit(1 if has_errors(after) else 0)


@click.command()
@click.argument("code")
@click.option("--role", type=click.Choice(list(KEY_OF_ROLE)), default="approve", show_default=True,
              help="Lần ký cần ký số: prepare (soạn thảo), review (xem xét), approve (phê duyệt).")
@key_option
@root_option
@today_option
def sign(code, role, key_file, root, today):
    """Ký số cho lần ký duyệt đã ghi của tài liệu MÃ_HIỆU (người có tên trong lần ký tự ký)."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    try:
        done = sign_recorded(catalog, code, KEY_OF_ROLE[role], key_file or record.default_key_file())
    except ApprovalError as exc:
        click.echo(f"LỖI: {exc.message}", err=True)
        sys.exit(1)
    click.echo(signed_message(done.signature))
    report_after(root, today, done.path.relative_to(catalog.root))


@click.group()
def keys():
    """Khóa ký của nhân sự: thêm khóa, xuất tệp allowed_signers."""


@keys.command("allowed-signers")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Ghi vào tệp này (mặc định: in ra màn hình).")
@root_option
@today_option
def allowed_signers_command(output, root, today):
    """Tệp allowed_signers (khóa ký của nhân sự) để kiểm tra chữ ký bằng ssh-keygen -Y verify."""
    catalog = load_catalog(root, None, base_ref=None, with_git=False)
    text = allowed_signers(catalog.organisation.signing_keys)
    if output:
        atomic_write_text(output, text)
        click.echo(f"Đã ghi {output} ({len(catalog.organisation.signing_keys)} khóa).")
    else:
        click.echo(text, nl=False)


@keys.command("add")
@click.argument("person")
@click.argument("public_key", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--from", "since", callback=lambda c, p, v: parse_day(v), help="Dùng từ ngày (mặc định: hôm nay).")
@root_option
@today_option
def add_key_command(person, public_key, since, root, today):
    """Khai báo khóa công khai TỆP_KHÓA (tệp .pub) cho nhân sự NHÂN_SỰ trong organisation.yml."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    org = catalog.organisation
    if person not in org.people:
        raise click.BadParameter(f"không có nhân sự '{person}'." + did_you_mean(person, list(org.people)),
                                 param_hint="PERSON")
    text = public_key.read_text(encoding="utf-8", errors="replace").strip()
    parsed = parse_key_line(text)
    if "PRIVATE KEY" in text:
        parsed = "đây là khóa bí mật: chỉ đưa tệp .pub, không bao giờ đưa khóa bí mật"
    if isinstance(parsed, str):
        raise click.BadParameter(f"{public_key} không phải khóa công khai SSH ({parsed}).", param_hint="PUBLIC_KEY")
    owner = org.key_owner(parsed[1])
    if owner is not None:
        click.echo(f"LỖI: khóa này đã khai báo cho '{owner.person}'.", err=True)
        sys.exit(1)
    path = catalog.root / ORG_FILE
    line = f"{parsed[0]} {text.split()[1]}"
    try:
        updated = add_key(path.read_text(encoding="utf-8"), person, line, since or catalog.today)
    except KeyEditError as exc:
        click.echo(f"LỖI: {exc}", err=True)
        sys.exit(1)
    atomic_write_text(path, updated)
    click.echo(f"Đã thêm khóa {SigningKey(person, parsed[0], parsed[1]).fingerprint} cho {org.person_name(person)} "
               f"vào {ORG_FILE}. Commit tệp này và gửi yêu cầu hợp nhất để thư ký ISO xác nhận.")
