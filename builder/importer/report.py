"""The import report: per file (captured, needs a person, findings), then a summary table.

Text lines for the per-file part (readable in a log, testable), a rich table for the summary.
"""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from builder.documents.placeholders import MARK
from builder.findings.finding import Severity
from builder.findings.rule_texts import PLACEHOLDER
from builder.importer import texts as T
from builder.importer.run import FileResult

MAX_FINDINGS = 15


def _counts(result: FileResult) -> tuple[int, int, int]:
    """(placeholders, errors, warnings) of an imported document."""
    placeholders = sum(f.rule == PLACEHOLDER.id for f in result.findings)
    errors = sum(f.severity is Severity.ERROR for f in result.findings)
    return placeholders, errors, len(result.findings) - errors


def _shown(source: Path, base: Path | None) -> str:
    try:
        return source.resolve().relative_to(base.resolve()).as_posix() if base else source.as_posix()
    except ValueError:
        return source.as_posix()


def file_report(result: FileResult, index: int, total: int, base: Path | None = None) -> str:
    """One file: where it went, what was captured, what is left, the findings."""
    lines = [T.REPORT_HEAD.format(index=index, total=total, source=_shown(result.source, base))]
    if result.skip:
        lines.append(T.REPORT_SKIPPED.format(reason=result.skip.message))
        return "\n".join(lines)
    plan = result.plan
    lines.append(T.REPORT_WRITTEN.format(path=plan.path, status=T.STATUS_WORDS[plan.status]))
    lines.append(T.REPORT_CAPTURED)
    lines += [f"    - {note}" for note in plan.captured]
    if plan.todo:
        lines.append(T.REPORT_TODO)
        lines += [f"    - {note}" for note in plan.todo]
    if result.findings:
        _, errors, warnings = _counts(result)
        lines.append(T.REPORT_FINDINGS.format(errors=errors, warnings=warnings))
        lines += ["    " + f.as_text() for f in result.findings[:MAX_FINDINGS]]
        if len(result.findings) > MAX_FINDINGS:
            lines.append(T.REPORT_MORE.format(count=len(result.findings) - MAX_FINDINGS))
    else:
        lines.append(T.REPORT_CLEAN)
    return "\n".join(lines)


def summary_table(results: list[FileResult], base: Path | None = None) -> Table:
    """One row per file: imported or skipped, placeholders, errors, warnings."""
    table = Table(title=T.SUMMARY_TITLE, show_lines=False)
    for column in T.SUMMARY_COLUMNS:
        table.add_column(column, overflow="fold")
    for result in results:
        if result.imported:
            placeholders, errors, warnings = _counts(result)
            table.add_row(_shown(result.source, base), T.SUMMARY_IMPORTED, result.plan.path,
                          str(placeholders), str(errors), str(warnings))
        else:
            table.add_row(_shown(result.source, base), T.SUMMARY_SKIPPED, result.skip.message, "", "", "")
    return table


def print_report(results: list[FileResult], console: Console, base: Path | None = None) -> None:
    """Every file report, then the summary table and what to do next."""
    total = len(results)
    for index, result in enumerate(results, 1):
        console.print(file_report(result, index, total, base), markup=False, highlight=False, soft_wrap=True)
        console.print()
    console.print(summary_table(results, base))
    done = sum(r.imported for r in results)
    console.print(T.SUMMARY_LINE.format(done=done, total=total, skipped=total - done), markup=False,
                  highlight=False)
    if any(r.imported and any(MARK in str(f.message) or f.rule == PLACEHOLDER.id for f in r.findings)
           for r in results):
        console.print(T.SUMMARY_NEXT, markup=False, highlight=False)
