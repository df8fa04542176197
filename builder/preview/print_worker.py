"""The preview's printer, in its own process so that rendering a PDF never holds up a page:
reads one JSON request per line on stdin, {"generation": n, "paths": [site paths]}, renders
those files into the folder given as the second argument and answers one JSON line per request,
{"paths": {path: file or null}, "findings": [text]}. The catalog is reloaded when the
generation grows (the preview saw a change)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from builder.catalog import load_catalog, published_view
from builder.documents.dates import parse_date
from builder.pdf.build import build_site_files, printed_paths


def main() -> None:
    root, out, today = Path(sys.argv[1]), Path(sys.argv[2]), parse_date(sys.argv[3]) if len(sys.argv) > 3 else None
    catalog, generation = None, -1
    for line in sys.stdin:
        request = json.loads(line)
        if catalog is None or request["generation"] > generation:
            catalog, generation = published_view(load_catalog(root, today)), request["generation"]
            printed = printed_paths(catalog)
        paths = set(request["paths"]) & printed    # the site's printed files only
        try:
            findings = [f.as_text() for f in build_site_files(catalog, out, only=paths)]
        except Exception as exc:  # one request's failure is reported, the printer goes on
            findings = [f"{type(exc).__name__}: {exc}"]
        done = {p: str(out / p) if p in paths and (out / p).is_file() else None for p in request["paths"]}
        sys.stdout.write(json.dumps({"paths": done, "findings": findings}, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
