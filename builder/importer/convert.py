"""Word → pandoc JSON AST (plus the embedded images), many files per pandoc process.

The AST is the robust way to read Word tables: pandoc resolves row and column spans into
explicit cells. Starting pandoc costs ~40 ms, so files are converted in chunks by one
`pandoc lua` process that reads a list file (DESIGN.md: passing ~100 paths as arguments crashed
that runtime, a list file works); reading a .docx is ~90 ms of work, so chunks run in parallel,
one process per processor. A file pandoc cannot read fails alone; if the process itself
dies, the chunk is retried one file per process so a single bad file never sinks the batch.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

CHUNK = 25
MAX_WORKERS = 8
SECONDS_PER_FILE = 30

# Reads each listed .docx, writes <n>/ast.json, the media bag (<n>/media-<k> with its name in
# <n>/media-<k>.name) or <n>/error.txt when pandoc cannot read the file.
LUA = r"""
local list, outdir = arg[1], arg[2]
local i = 0
for path in io.lines(list) do
  i = i + 1
  local dir = outdir .. "/" .. i
  pandoc.system.make_directory(dir, true)
  local ok, err = pcall(function()
    local fh = assert(io.open(path, "rb"))
    local data = fh:read("a")
    fh:close()
    pandoc.mediabag.empty()
    local doc = pandoc.read(data, "docx")
    local n = 0
    for name, _, contents in pandoc.mediabag.items() do
      n = n + 1
      local m = assert(io.open(dir .. "/media-" .. n, "wb"))
      m:write(contents)
      m:close()
      local f = assert(io.open(dir .. "/media-" .. n .. ".name", "wb"))
      f:write(name)
      f:close()
    end
    local out = assert(io.open(dir .. "/ast.tmp", "wb"))
    out:write(pandoc.write(doc, "json"))
    out:close()
    assert(os.rename(dir .. "/ast.tmp", dir .. "/ast.json"))
  end)
  if not ok then
    local e = assert(io.open(dir .. "/error.txt", "wb"))
    e:write(tostring(err))
    e:close()
  end
end
"""


@dataclass
class Converted:
    """A Word file as pandoc read it: the AST and the images by their name in the AST."""

    ast: dict
    media: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class ConvertError:
    detail: str


def pandoc_path() -> str:
    import pypandoc  # start-up cost: ~40 ms, paid only by an import that converts

    return pypandoc.get_pandoc_path()


def convert_all(paths: list[Path], done: Callable[[int], None] | None = None
                ) -> dict[Path, Converted | ConvertError]:
    """Convert every path, chunks in parallel (one pandoc per processor); `done(n)` is called as
    chunks finish (for a progress bar)."""
    workers = max(1, min(os.cpu_count() or 1, MAX_WORKERS))
    size = max(1, min(CHUNK, math.ceil(len(paths) / workers)))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    results: dict[Path, Converted | ConvertError] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for chunk, got in zip(chunks, pool.map(_convert_chunk, chunks)):
            results.update(got)
            if done:
                done(len(chunk))
    return results


def _convert_chunk(chunk: list[Path]) -> dict[Path, Converted | ConvertError]:
    got = _run_chunk(chunk)
    if got is None:                       # the process died: isolate the culprit
        got = {}
        for path in chunk:
            single = _run_chunk([path]) if len(chunk) > 1 else None
            got[path] = single[path] if single else ConvertError("pandoc dừng bất thường")
    return got


def _run_chunk(paths: list[Path]) -> dict[Path, Converted | ConvertError] | None:
    """One pandoc process over copies with ASCII names (file names may be Vietnamese)."""
    with tempfile.TemporaryDirectory(prefix="qms-import-") as tmp:
        work = Path(tmp)
        (work / "read.lua").write_text(LUA, encoding="utf-8")
        listed = []
        for n, path in enumerate(paths, 1):
            copy = work / f"in-{n}.docx"
            shutil.copyfile(path, copy)
            listed.append(str(copy))
        (work / "list.txt").write_text("\n".join(listed) + "\n", encoding="utf-8")
        (work / "out").mkdir()
        try:
            proc = subprocess.run([pandoc_path(), "lua", str(work / "read.lua"), str(work / "list.txt"),
                                   str(work / "out")], capture_output=True,
                                  timeout=SECONDS_PER_FILE * len(paths) + 30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        results = {path: _collect(work / "out" / str(n)) for n, path in enumerate(paths, 1)}
        if proc.returncode != 0 and any(r is None for r in results.values()):
            return None
        return {p: r if r is not None else ConvertError("pandoc không trả kết quả") for p, r in results.items()}


def _collect(folder: Path) -> Converted | ConvertError | None:
    """Read what the Lua script left for one file (None when it left nothing)."""
    if (folder / "error.txt").is_file():
        return ConvertError(_short(folder / "error.txt"))
    if not (folder / "ast.json").is_file():
        return None
    try:
        ast = json.loads((folder / "ast.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return ConvertError(str(exc))
    media = {}
    for name_file in sorted(folder.glob("media-*.name")):
        data_file = folder / name_file.name[: -len(".name")]
        media[name_file.read_text(encoding="utf-8")] = data_file.read_bytes()
    return Converted(ast, media)


def _short(path: Path) -> str:
    """First line of pandoc's message, without the Lua traceback."""
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    return (text.splitlines() or ["?"])[0][:300]
