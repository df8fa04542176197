"""Reading the YAML files of site_config/ (organisation, legal register, activities) with findings for what is wrong."""
from __future__ import annotations

from pathlib import Path

from builder.documents import yaml_source as yamlsrc
from builder.documents.text import DecodeProblem, decode
from builder.findings.rule_texts import DUPLICATE_KEY, RuleText


def read_yaml_file(root: Path, rel: str, rule: RuleText, findings: list):
    """Read and parse a config file; a missing or unreadable file is reported under `rule`
    (its default wording and its 'unreadable' variant)."""
    path = root / rel
    if not path.is_file():
        findings.append(rule.finding(rel, 1, file=rel))
        return None
    text = decode(path.read_bytes())
    if isinstance(text, DecodeProblem):
        findings.append(rule.finding(rel, text.line, "unreadable", file=rel, problem=text.rule.id))
        return None
    located = yamlsrc.load_file_data(text)
    if isinstance(located, yamlsrc.YamlProblem):
        findings.append(located.finding(rel))
        return None
    for keys, line in located.duplicates:
        findings.append(DUPLICATE_KEY.finding(rel, line, key=keys[-1], first=located.line(*keys)))
    return located
