"""`qms check` (the pull-request gate with --base) and `qms rules`."""
from __future__ import annotations

import sys

import click

from builder.catalog import load_catalog
from builder.cli.options import root_option, today_option
from builder.findings.finding import has_errors
from builder.findings.report import FORMATS
from builder.findings.rule_texts import RULES
from builder.revisions.gate import gate_findings, review_summary
from builder.revisions.git_source import GitSource
from builder.rules.runner import run_checks

NO_HISTORY = ("CẢNH BÁO: thư mục này không có lịch sử git (hoặc chưa có commit nào): các kiểm tra theo lịch sử "
              "(sửa nội dung không ban hành lần mới, dấu vân tay so với bản đã phê duyệt, tài liệu bị xóa...) "
              "không chạy. Dùng kho git để có đủ các kiểm tra.")


@click.command()
@root_option
@today_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Định dạng kết quả: text (đọc), json (máy), markdown (bình luận pull request).")
@click.option("--base", "base_ref", metavar="REF",
              help="So sánh với nhánh/commit NHÁNH (pull request): chỉ báo tài liệu thay đổi và kiểm tra toàn kho.")
def check(root, today, fmt, base_ref):
    """Kiểm tra mọi tài liệu; thoát với mã 1 khi có lỗi.

    Mặc định so sánh thư mục làm việc với commit HEAD; với --base NHÁNH so sánh với điểm rẽ nhánh
    của NHÁNH (như một pull request)."""
    git = GitSource(root)
    history = git.available and git.resolve("HEAD") is not None
    if base_ref and not history:
        raise click.BadParameter("kho chưa có lịch sử git (chưa 'git init' hoặc chưa có commit nào) nên không so "
                                 "sánh được với nhánh nào.", param_hint="--base")
    if base_ref and git.resolve(base_ref) is None:
        raise click.BadParameter(f"không tìm thấy nhánh hoặc commit '{base_ref}'.", param_hint="--base")
    if not history:
        click.echo(NO_HISTORY, err=True)
    catalog = load_catalog(root, today, base_ref=base_ref or "HEAD", merge_base=bool(base_ref))
    findings = run_checks(catalog)
    if base_ref:
        findings = gate_findings(findings, catalog)
    if fmt == "markdown" and base_ref and catalog.base is not None:
        click.echo(review_summary(catalog, findings))
    else:
        click.echo(FORMATS[fmt](findings))
    sys.exit(1 if has_errors(findings) else 0)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules(fmt):
    """Liệt kê mọi quy tắc kiểm tra: mã, mức độ, giải thích."""
    for rule in RULES.values():
        if fmt == "markdown":
            click.echo(f"- `{rule.id}` ({rule.severity.label}): **{rule.title}**. {rule.explanation}")
        else:
            click.echo(f"{rule.id:28} {rule.severity.label:9} {rule.title}")
            click.echo(f"{'':28} {rule.explanation}")
