"""The CI templates an agency and the province portal copy: valid YAML, triggered on merge and on a
schedule, running the commands the README documents with options `qms` has."""
from __future__ import annotations

import shlex

import yaml
from support.repos import REPO

from builder.cli.portal import portal

TEMPLATES = REPO / "ci-templates"


def _load(rel: str) -> dict:
    data = yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))
    assert isinstance(data, dict), rel
    return data


def _triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))      # YAML 1.1 reads a bare `on` as true


def _runs(steps: list) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps)


def _portal_options(command_line: str) -> list[str]:
    words = shlex.split(command_line[command_line.index("qms portal"):])[2:]
    return [w for w in words if w.startswith("-")]


def test_the_agency_templates_gate_like_this_repository_and_publish_status_json():
    github = _load("ci-templates/agency/github-actions.yml")
    assert github["jobs"]["gate"] == _load(".github/workflows/qms.yml")["jobs"]["gate"]
    triggers = _triggers(github)
    assert triggers["schedule"] and "push" in triggers and "pull_request" in triggers
    publish = github["jobs"]["publish"]
    assert publish["if"] == "github.event_name != 'pull_request'"
    runs = _runs(publish["steps"])
    assert "make site" in runs and "test -s site/status.json && test -s site/manifest.json" in runs
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in publish["steps"])

    gitlab = _load("ci-templates/agency/gitlab-ci.yml")
    assert gitlab["gate"] == _load(".gitlab-ci.yml")["gate"] and gitlab["variables"]["GIT_DEPTH"] == "0"
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in gitlab["pages"]["rules"]
    assert {"if": '$CI_COMMIT_BRANCH == "main"'} in gitlab["pages"]["rules"]
    script = "\n".join(gitlab["pages"]["script"])
    assert "make site" in script and "test -s site/status.json" in script
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_the_portal_templates_build_nightly_and_keep_the_cache():
    known = {opt for param in portal.params for opt in param.opts}
    github = _load("ci-templates/portal/github-actions.yml")
    assert _triggers(github)["schedule"][0]["cron"] == "30 19 * * *"
    steps = github["jobs"]["portal"]["steps"]
    cached = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cached and cached[0]["with"]["path"] == ".portal-cache/"
    assert cached[0]["with"]["restore-keys"] == "portal-cache-"
    command = next(s["run"] for s in steps if "qms portal" in str(s.get("run", "")))
    assert set(_portal_options(command)) <= known and "-o site" in command
    assert next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))["with"]["path"] == "site/"
    assert "make -C qms-tool setup" in _runs(steps)

    gitlab = _load("ci-templates/portal/gitlab-ci.yml")
    job = gitlab["pages"]
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in job["rules"]
    assert job["cache"] == {"key": "portal-cache", "paths": [".portal-cache/"], "when": "always"}
    command = next(line for line in job["script"] if "qms portal" in line)
    assert set(_portal_options(command)) <= known and "-o public" in command
    assert job["artifacts"]["paths"] == ["public"]


def test_the_readme_points_to_the_templates():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for rel in ("ci-templates/agency/github-actions.yml", "ci-templates/agency/gitlab-ci.yml",
                "ci-templates/portal/github-actions.yml", "ci-templates/portal/gitlab-ci.yml", "qms portal"):
        assert rel in readme, rel
