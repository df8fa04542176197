"""The qms command's contract: rules listing, help on every subcommand, json format."""
import json

import pytest
from click.testing import CliRunner

from builder.cli.main import main
from builder.findings.rule_texts import RULES


def test_rules_lists_every_rule():
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    for rule in RULES.values():
        assert rule.id in result.output and rule.title in result.output


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["new"]])
def test_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Cách dùng:" in result.output


def test_json_contract(repo):
    repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "unit: VP\n", "unit: XX\n")
    result = repo.qms("check", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert set(data) == {"findings"}
    assert set(data["findings"][0]) == {"rule", "severity", "path", "line", "message"}


def test_markdown_format(repo):
    repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "unit: VP\n", "unit: XX\n")
    result = repo.qms("check", "--format", "markdown")
    assert result.exit_code == 1
    assert "| LỖI | `unit-unknown` | `procedures/QT.01-kiem-soat-tai-lieu.md` | 5 |" in result.output
