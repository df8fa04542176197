"""The baseline repository of the tests is valid: every rule passes on it."""


def test_baseline_has_no_findings(repo):
    code, findings = repo.findings()
    assert findings == []
    assert code == 0
