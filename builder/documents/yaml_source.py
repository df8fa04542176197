"""YAML parsing that keeps the line of every key and never guesses types.

Everything is read as text (PyYAML's BaseLoader): "010" stays "010" instead of becoming the
octal number 8, and "2026-02-31" stays text so the checks can say it is not a real date
instead of the YAML library raising. The schema decides the types.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from builder.findings.rule_texts import YAML_SYNTAX

Path_ = tuple  # a key path such as ("approved", "by") or ("changes", 2, "date")
# libyaml's parser is about ten times faster than the pure-Python one and gives the same marks.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass
class YamlProblem:
    rule: str
    line: int
    detail: str = ""


@dataclass
class Located:
    """Parsed YAML data plus the 1-based line of each key path."""

    data: object
    lines: dict = field(default_factory=dict)
    duplicates: list = field(default_factory=list)  # (path, line) of repeated keys

    def line(self, *path, default: int = 1) -> int:
        """Line of the deepest known prefix of `path`, so a finding always has a line."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return default


def parse(text: str, first_line: int = 1) -> Located | YamlProblem:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        return YamlProblem(YAML_SYNTAX, line, exc.problem or str(exc))
    except yaml.YAMLError as exc:
        return YamlProblem(YAML_SYNTAX, first_line, str(exc))
    except RecursionError:
        return YamlProblem(YAML_SYNTAX, first_line, "lồng nhau quá sâu")
    located = Located(data=None)
    if node is None:
        located.data = {}
        return located
    try:
        located.data = _build(node, (), located, first_line)
    except RecursionError:
        return YamlProblem(YAML_SYNTAX, first_line, "lồng nhau quá sâu")
    return located


def _build(node, path, located: Located, offset: int):
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = offset + key_node.start_mark.line
            if key in result:
                located.duplicates.append((path + (key,), line))
            located.lines[path + (key,)] = line
            result[key] = _build(value_node, path + (key,), located, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            located.lines[path + (index,)] = offset + item.start_mark.line
            items.append(_build(item, path + (index,), located, offset))
        return items
    return node.value


def load_file_data(text: str) -> Located | YamlProblem:
    """Parse a whole YAML file (configuration) rather than front matter."""
    return parse(text, 1)
