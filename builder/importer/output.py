"""Writing a Plan: images, the kept Word original, then the Markdown file, each atomically.

Order matters: the Markdown file is written last, so an interruption can leave at most an
image folder or an attachment no document points to yet, never a document pointing at
missing files. The image folder of a document is replaced as a whole (built aside, then
swapped in), which is what makes a second import leave no stray or duplicate image.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from builder.importer.plan import Plan
from builder.storage.atomic import atomic_write_bytes, atomic_write_text
from builder.storage.staging import discard_dir, publish_dir, staging_dir


def write_plan(root: Path, plan: Plan) -> None:
    """Raises OSError when the disk refuses; the caller reports it."""
    media = root / plan.media_dir
    if plan.media:
        staged = staging_dir(media)
        discard_dir(staged)
        staged.mkdir(parents=True)
        for name, data in sorted(plan.media.items()):
            (staged / name).write_bytes(data)
        publish_dir(staged, media)
    elif media.exists():
        shutil.rmtree(media)
    if plan.attachment:
        atomic_write_bytes(root / plan.attachment[0], plan.attachment[1])
    atomic_write_text(root / plan.path, plan.text)
    for rel in plan.stale:
        stale = root / rel
        if stale.is_file() and rel != plan.path:
            stale.unlink()
