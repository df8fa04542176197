"""YAML parsing that keeps the line of every key and never guesses types.

Everything is read as text (PyYAML's BaseLoader): "010" stays "010" instead of becoming the
octal number 8, and "2026-02-31" stays text so the checks can say it is not a real date
instead of the YAML library raising. The schema decides the types.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from builder.findings.limits import (MAX_FRONT_MATTER_KB, MAX_YAML_DEPTH,
                                     MAX_YAML_NODES)
from builder.findings.rule_texts import YAML_LIMIT, YAML_SYNTAX

Path_ = tuple  # a key path such as ("approved", "by") or ("changes", 2, "date")
# libyaml's parser is about ten times faster than the pure-Python one and gives the same marks.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass
class YamlProblem:
    rule: str
    line: int
    detail: str = ""
    variant: str | None = None      # a wording of YAML_LIMIT

    def finding(self, path: str):
        if self.rule is YAML_LIMIT:
            return YAML_LIMIT.finding(path, self.line, self.variant, depth=MAX_YAML_DEPTH,
                                      nodes=MAX_YAML_NODES, size=MAX_FRONT_MATTER_KB)
        return YAML_SYNTAX.finding(path, self.line, detail=self.detail)


# YAML refuses these characters; found here first, so that the finding is on their own line.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Errors whose context mark is where the cause opened (an unclosed quote or bracket), not
# where the scanner gave up (the end of the front matter).
_OPENED_AT = ("quoted scalar", "flow sequence", "flow mapping", "block scalar")


class _Limit(Exception):
    def __init__(self, variant: str | None, line: int):
        super().__init__(variant)
        self.variant, self.line = variant, line


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
    """Parse one YAML document; `first_line` is the file line where `text` starts. Work is
    bounded by the size of `text`: no alias is expanded, nesting and node count are capped."""
    if len(text) > MAX_FRONT_MATTER_KB * 1024:
        return YamlProblem(YAML_LIMIT, first_line, variant="size")
    control = _CONTROL.search(text)
    if control:
        return YamlProblem(YAML_SYNTAX, first_line + text.count("\n", 0, control.start()),
                           f"ký tự điều khiển U+{ord(control.group()):04X} không được phép")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        opened = exc.context_mark and any(what in (exc.context or "") for what in _OPENED_AT)
        mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
        at = mark.line if mark else 0
        if "nesting depth" in (exc.problem or ""):          # libyaml's own bound
            return YamlProblem(YAML_LIMIT, first_line + at, variant="depth")
        quote = None if opened else _open_quote_line(text, at)
        line = first_line + (quote if quote is not None else at)
        return YamlProblem(YAML_SYNTAX, line, vietnamese(exc.problem or str(exc), exc.context or ""))
    except yaml.YAMLError as exc:
        return YamlProblem(YAML_SYNTAX, first_line, str(exc))
    except RecursionError:
        return YamlProblem(YAML_LIMIT, first_line, variant="depth")
    located = Located(data=None)
    if node is None:
        located.data = {}
        return located
    try:
        located.data = _Builder(located, first_line).build(node, ())
    except _Limit as limit:
        line = _alias_line(text, first_line) if limit.variant is None else limit.line
        return YamlProblem(YAML_LIMIT, line, variant=limit.variant)
    return located


# PyYAML's words for the usual mistakes, said in Vietnamese (the finding is read by document
# controllers); anything else keeps the library's words.
_PROBLEMS = [
    ("found unexpected end of stream", "dấu nháy mở ở dòng này chưa được đóng"),
    ("did not find expected ',' or ']'", "danh sách mở bằng '[' ở dòng này chưa có ']' đóng"),
    ("did not find expected ',' or '}'", "nhóm mở bằng '{' ở dòng này chưa có '}' đóng"),
    ("mapping values are not allowed here", "có dấu ':' không đúng chỗ; giá trị chứa ':' phải đặt trong dấu nháy"),
    ("did not find expected key", "thụt lề không thẳng hàng với các trường cùng cấp"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    ("found character '\\t' that cannot start any token", "có ký tự Tab; chỉ thụt lề bằng dấu cách"),
    ("found undefined alias", "dùng bí danh (*tên) chưa được khai báo"),
    ("did not find expected node content", "thiếu giá trị"),
    ("found a tab character", "có ký tự Tab; chỉ thụt lề bằng dấu cách"),
    ("did not find expected '-' indicator", "dòng danh sách thiếu dấu '-' hoặc thụt lề sai"),
    ("expected <block end>, but found", "thụt lề sai so với dòng trên"),
]


def vietnamese(problem: str, context: str = "") -> str:
    for words, said in _PROBLEMS:
        if problem.startswith(words):
            return said
    return problem


_DOUBLE = re.compile(r'(?<!\\)"')
_SINGLE_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:'\"#][^:#]*:\s+'")


def _open_quote_line(text: str, before: int) -> int | None:
    """The first line, above the error, that opens a quote it does not close: the quote then
    ran on until some later quote, and the parser failed far below the cause."""
    for number, line in enumerate(text.split("\n")[:before]):
        if len(_DOUBLE.findall(line)) % 2:
            return number
        if _SINGLE_VALUE.match(line) and line.replace("''", "").count("'") % 2:
            return number
    return None


def _alias_line(text: str, first_line: int) -> int:
    """The line of the first alias (*name) in the text, from the event stream."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return first_line + event.start_mark.line
    except yaml.YAMLError:
        pass
    return first_line


class _Builder:
    """Plain data from the node graph, once per node: an alias (a node met twice) stops the
    build, since expanding nested aliases grows exponentially (a 'billion laughs')."""

    def __init__(self, located: Located, offset: int):
        self.located, self.offset = located, offset
        self.seen: set[int] = set()

    def build(self, node, path):
        if id(node) in self.seen:
            raise _Limit(None, 0)
        self.seen.add(id(node))
        if len(self.seen) > MAX_YAML_NODES:
            raise _Limit("nodes", self.offset + node.start_mark.line)
        if len(path) > MAX_YAML_DEPTH:
            raise _Limit("depth", self.offset + node.start_mark.line)
        located, offset = self.located, self.offset
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                line = offset + key_node.start_mark.line
                if key in result:
                    located.duplicates.append((path + (key,), line))
                located.lines[path + (key,)] = line
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                located.lines[path + (index,)] = offset + item.start_mark.line
                items.append(self.build(item, path + (index,)))
            return items
        return node.value


def load_file_data(text: str) -> Located | YamlProblem:
    """Parse a whole YAML file (configuration) rather than front matter."""
    return parse(text, 1)
