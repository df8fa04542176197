"""`qms serve`: the preview for editing. Pages are rendered when they are looked at and refreshed
in the browser on every save; drafts and documents with errors show under a banner with their
findings; PDFs are made by a separate process. See builder/preview/ and plugins/preview.py."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import click

from builder.catalog import SOURCE_FOLDERS
from builder.cli.options import fail, root_option, today_option
from builder.documents import labels as L
from builder.preview.printing import Printer
from builder.preview.server import Versions, make_server
from builder.preview.watch import Watcher
from plugins.preview import SitePreview


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Cổng của bản xem trước (0: chọn cổng trống).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Địa chỉ lắng nghe; 0.0.0.0 để máy khác trong mạng nội bộ cùng xem.")
@root_option
@today_option
def serve(port, host, root, today):
    """Xem trước trang web khi sửa tài liệu: trang tự cập nhật mỗi khi lưu tệp. Dự thảo và tài
    liệu còn lỗi vẫn hiển thị, kèm dải «BẢN XEM TRƯỚC — CHƯA ĐƯỢC PHÉP BAN HÀNH» và danh sách lỗi;
    bản chính thức (make site) vẫn từ chối xuất bản khi còn lỗi."""
    if today:
        os.environ["QMS_TODAY"] = today.isoformat()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    config = root / "mkdocs.yml"
    if not config.is_file():
        fail(f"không thấy {config}: bản xem trước dựng trang theo mkdocs.yml của kho.", 2)
    with tempfile.TemporaryDirectory(prefix="qms-preview-") as tmp:
        printer = Printer(root, Path(tmp) / "print", today)
        site = SitePreview(config, Path(tmp) / "site", printer)
        printer.today = site.plugin.today       # mkdocs.yml may fix the day too: pages and PDFs agree
        versions = Versions()
        watcher = Watcher(root, lambda paths: _take(site, versions, paths), ignored=[Path(tmp), root / "site"],
                          folders=SOURCE_FOLDERS)
        server = make_server(site, versions, host, port)
        watcher.start()
        click.echo(L.PREVIEW_READY.format(url=f"http://{host}:{server.server_port}/"), err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            watcher.stop()
            server.server_close()
            printer.close()


def _take(site: SitePreview, versions: Versions, paths: list[str]) -> None:
    """One saved change: the site takes it in, then every open page reloads. A failure is shown
    in the console and the previous pages stay: the preview never stops on a bad file."""
    start = time.perf_counter()
    try:
        if site.refresh(paths):
            versions.bump()             # the new text first...
            if site.recheck():
                versions.bump()         # ...then its findings
        else:
            versions.bump()
    except Exception as exc:  # the preview must survive anything a half-saved file can cause
        click.echo(f"LỖI: không cập nhật được bản xem trước ({type(exc).__name__}: {exc}).", err=True)
        return
    shown = ", ".join(paths[:3]) + (f" (+{len(paths) - 3})" if len(paths) > 3 else "")
    click.echo(L.PREVIEW_REFRESHED.format(seconds=time.perf_counter() - start, files=shown), err=True)
