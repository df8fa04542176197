"""The CI files shipped for the agency's own repository are valid and call the documented commands."""

import yaml
from support.repos import REPO


def test_workflows_are_valid_yaml_and_run_the_gate():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for rel in (".github/workflows/qms.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        text = (REPO / rel).read_text(encoding="utf-8")
        assert isinstance(yaml.safe_load(text), dict), rel
        assert "qms check --base" in text, rel
    github = yaml.safe_load((REPO / ".github/workflows/qms.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["gate"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert any("make site" in str(s.get("run", "")) for s in github["jobs"]["publish"]["steps"])
    # a daily build switches pending issues on their day (README: scheduled issues)
    triggers = github.get("on", github.get(True))
    assert triggers["schedule"] and "schedule" in github["jobs"]["publish"]["if"]
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in gitlab["pages"]["rules"]
    for command in ("qms check --base", "make site", "qms approve", "qms codeowners"):
        assert command in readme, command


def test_codeowners_lists_each_units_documents_with_its_head(repo):
    result = repo.qms("codeowners", "--output", "-")
    assert result.exit_code == 0
    out = result.output
    assert "# VP - Văn phòng Sở - trưởng đơn vị: Phạm Hoài Thu" in out
    assert "/procedures/QT.01-kiem-soat-tai-lieu.md @skhcn-phthu" in out
    assert "/forms/BM.01-phieu-de-nghi.md @skhcn-phthu" in out
    assert "/site_config/ @skhcn-ltminh" in out
    assert repo.qms("codeowners").exit_code == 0
    assert (repo.root / "CODEOWNERS").read_text(encoding="utf-8") == out.rstrip("\n") + "\n" or \
        (repo.root / "CODEOWNERS").read_text(encoding="utf-8").strip() == out.strip()
