"""Files the commands write are readable as the user's umask says (not mkstemp's 0600)."""
import os
import stat

from builder.storage.atomic import atomic_write_bytes


def test_written_files_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "manifest.json", b"{}")
        assert stat.S_IMODE((tmp_path / "manifest.json").stat().st_mode) == 0o644
        os.umask(0o077)
        atomic_write_bytes(tmp_path / "riêng.json", b"{}")
        assert stat.S_IMODE((tmp_path / "riêng.json").stat().st_mode) == 0o600
    finally:
        os.umask(old)
