"""Everything the `qms` command prints about itself is Vietnamese: click's usage line, option
list, help and error messages, and the placeholders of the options."""
from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from builder.cli.main import main

# English words click (or a careless help text) would show a user.
ENGLISH = re.compile(r"Usage|Options|Commands|Show this message|Error|Try '|Invalid value|Missing|No such|"
                     r"Did you mean|\brequired\b|default:|\[OPTIONS\]|\bCOMMAND\b|\bARGS\b|\bTEXT\b|\bINTEGER\b|"
                     r"\bDIRECTORY\b|\bFILE\b|\bPATH\b|\bCODE\b|\bNUMBERS?\b|\bUNIT\b|\bPERSON\b|\bREF\b|\bDIR\b")


def commands(group: click.Group, path=()):
    for name, command in group.commands.items():
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def english(text: str) -> list[str]:
    return ENGLISH.findall(text)


@pytest.mark.parametrize("path", [(), *commands(main)], ids=lambda p: " ".join(p) or "qms")
def test_help_is_vietnamese(path):
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="qms")
    assert result.exit_code == 0
    assert "Cách dùng: qms" in result.output and "Hiện hướng dẫn này rồi thoát." in result.output
    assert english(result.output) == [], result.output


@pytest.mark.parametrize("args, says", [
    (["approve"], "Thiếu đối số 'MÃ_HIỆU'"),
    (["approve", "QT.01"], "Thiếu tùy chọn '--by'"),
    (["check", "--format", "xml"], "Giá trị không hợp lệ cho '--format'"),
    (["approv"], "Có phải ý bạn là 'approve'?"),
    (["check", "--nope"], "Không có tùy chọn '--nope'"),
    (["issue-copy", "QT.01", "--to", "VP", "--by", "x", "--copies", "hai"], "không phải số nguyên hợp lệ"),
    (["rules", "thua"], "Thừa đối số"),
])
def test_usage_errors_are_vietnamese(args, says):
    result = CliRunner().invoke(main, args, prog_name="qms")
    assert result.exit_code == 2
    assert says in result.output and "Lỗi:" in result.output and "Xem hướng dẫn:" in result.output, result.output
    assert english(result.output) == [], result.output
