"""The baseline repository of the tests is valid: every rule passes on it."""
import pytest

from builder.findings.rule_texts import RULES


def test_baseline_has_no_findings(repo):
    code, findings = repo.findings()
    assert findings == []
    assert code == 0


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_passes_on_valid_documents(repo, rule):
    """The passing side of every rule: well-formed documents that exercise it give no finding."""
    _, findings = repo.findings()
    assert [f for f in findings if f["rule"] == rule] == []
