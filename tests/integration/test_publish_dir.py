"""Publishing a built site: two renames, the previous copy removed by a process of its own
(the build returns at once), nothing of the old site left behind."""
from __future__ import annotations

import time

from builder.storage.staging import publish_dir, staging_dir


def _site(folder, text):
    (folder / "tai-lieu" / "qt-01").mkdir(parents=True)
    (folder / "tai-lieu" / "qt-01" / "index.html").write_text(text, encoding="utf-8")


def test_the_new_site_replaces_the_old_and_the_old_copy_goes(tmp_path):
    final = tmp_path / "site"
    _site(final, "cũ")
    staged = staging_dir(final)
    _site(staged, "mới")
    publish_dir(staged, final, remove_old_later=True)
    assert (final / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8") == "mới"
    assert not staged.exists()
    deadline = time.monotonic() + 30
    while list(tmp_path.glob("site.old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_copy_a_killed_removal_left_is_removed_at_the_next_publish(tmp_path):
    final = tmp_path / "site"
    _site(tmp_path / "site.old-deadbeef", "bỏ dở")
    staged = staging_dir(final)
    _site(staged, "mới")
    publish_dir(staged, final, remove_old_later=True)
    assert not (tmp_path / "site.old-deadbeef").exists()
    assert (final / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8") == "mới"


def test_inside_the_repository_the_old_copy_is_gone_when_publish_returns(tmp_path):
    final = tmp_path / "procedures" / "media" / "qt-10"
    _site(final, "cũ")
    staged = staging_dir(final)
    _site(staged, "mới")
    publish_dir(staged, final)
    assert sorted(p.name for p in final.parent.iterdir()) == ["qt-10"]
