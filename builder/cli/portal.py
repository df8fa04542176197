"""`qms portal`: the province portal, built from the files every agency's own CI publishes.

Reads portal.yml (its own folder, not an agency's repository), collects each agency's
status.json and manifest.json (or, with --offline, uses the last good copies), builds the
portal's site into a staging folder and swaps it in. Exit codes: 0 built (whatever some agencies
did: the portal never fails because of one), 1 configuration errors or the site could not be
written, 2 usage error.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from builder.cli.options import fail, today_option
from builder.documents.dates import vn_date
from builder.findings.finding import has_errors
from builder.findings.report import as_text
from builder.portal.collect import collect
from builder.portal.config import PORTAL_FILE, PortalConfig, load_portal_config
from builder.portal.model import Collected
from builder.portal.site import build_portal
from builder.portal.site.lights import problem_words
from builder.storage.lock import exclusive
from builder.storage.staging import discard_dir, publish_dir, staging_dir

# Marks a folder `qms portal` wrote: a folder without it is never replaced (it may be anything).
MARKER = ".qms-portal"
MARKER_TEXT = "Trang cổng tỉnh do lệnh 'qms portal' dựng; cả thư mục được thay mới mỗi lần dựng.\n"
LOCK = ".lock"


@click.command("portal")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=PORTAL_FILE,
              help="Tệp cấu hình của cổng tỉnh (mặc định: portal.yml ở thư mục hiện tại).")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục ghi trang của cổng (mặc định: site/ cạnh tệp cấu hình).")
@today_option
@click.option("--offline", is_flag=True,
              help="Không thu thập: dựng từ bản lưu gần nhất của mỗi cơ quan (thư mục .portal-cache/).")
def portal(config_path, output, today, offline):
    """Dựng cổng tỉnh: thu thập status.json và manifest.json mỗi cơ quan đã xuất bản, rồi dựng trang
    tổng hợp (bảng các cơ quan, trang từng cơ quan, tìm kiếm, báo cáo tổng hợp).

    Cơ quan không kết nối được, quá thời gian, tệp quá lớn hoặc sai lược đồ được dùng bản lưu tốt
    gần nhất và ghi rõ lỗi; không cơ quan nào làm hỏng cả cổng."""
    today = today or date.today()
    config, findings = load_portal_config(config_path)
    if findings:
        click.echo(as_text(findings))
    if has_errors(findings):
        sys.exit(1)
    out = Path(output) if output else config.folder / "site"
    _refuse_foreign(out)
    try:
        with exclusive(config.cache_dir / LOCK):       # two runs never write one cache or site at once
            collected = collect(config, today, offline, _progress(offline))
            written = _publish(config, collected, out, today)
    except OSError as exc:
        fail(f"không ghi được ({exc.strerror or type(exc).__name__}: {exc.filename or ''}).")
    click.echo(summary(config, collected, offline))
    click.echo(f"Đã ghi trang cổng tỉnh vào {out} ({len(written)} tệp).")


def _refuse_foreign(out: Path) -> None:
    """Only a folder this command made (or an empty one) is replaced: `-o .` or `-o docs` must not
    wipe what someone else put there."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        fail(f"'{out}' đã có nội dung không do 'qms portal' tạo (thiếu tệp {MARKER}): không ghi đè. "
             "Chọn thư mục khác bằng -o hoặc xóa thư mục này.")


def _publish(config: PortalConfig, collected: list[Collected], out: Path, today: date) -> list:
    """Build into a staging folder and swap it in: readers never see half a portal, and a failed
    build leaves the published one as it was."""
    staged = staging_dir(out)
    discard_dir(staged)
    staged.mkdir(parents=True)
    try:
        written = build_portal(config, collected, staged, today)
        (staged / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        publish_dir(staged, out)
    except BaseException:
        discard_dir(staged)
        raise
    return written


def _progress(offline: bool):
    """Progress on stderr: one updating line on a terminal, a line every tenth in a CI log."""
    verb = "Đọc bản lưu" if offline else "Thu thập"
    tty = sys.stderr.isatty()

    def report(done: int, total: int, _item: Collected) -> None:
        if tty:
            click.echo(f"\r{verb}: {done}/{total} cơ quan", err=True, nl=done == total)
        elif done == total or done % max(1, total // 10) == 0:
            click.echo(f"{verb}: {done}/{total} cơ quan", err=True)
    return report


def summary(config: PortalConfig, collected: list[Collected], offline: bool) -> str:
    """What the lead unit reads after a run: how many agencies are current, on a last good copy,
    never collected, and for each of the last two why (names from portal.yml, reasons written by
    the portal: nothing an agency sent reaches the terminal)."""
    fresh = [c for c in collected if c.status is not None and not c.stale_copy]
    stale = [c for c in collected if c.status is not None and c.stale_copy]
    never = [c for c in collected if c.status is None]
    got = "Có bản lưu (không thu thập lại)" if offline else "Thu thập được"
    lines = [f"{config.province}: {len(collected)} cơ quan trên cổng.",
             f"  - {got}: {len(fresh)}",
             f"  - Dùng bản lưu gần nhất (lần thu thập này lỗi): {len(stale)}",
             f"  - Chưa thu thập được lần nào: {len(never)}"]
    if stale:
        lines.append("Dùng bản lưu gần nhất:")
        lines += [f"  {c.entry.id} ({c.entry.name}): {problem_words(c.problems)}; bản lưu ngày {vn_date(c.fetched)}"
                  for c in stale]
    if never:
        lines.append("Chưa thu thập được:")
        lines += [f"  {c.entry.id} ({c.entry.name}): {problem_words(c.problems) or 'chưa có bản lưu'}"
                  for c in never]
    return "\n".join(lines)
