"""A tiny typed-shape validator: raw YAML text values in, typed values and findings out.

The YAML is read as plain text (see yamlsrc); each shape turns text into its Python type or
reports why it cannot, with the line of the offending key.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from builder.documents.dates import parse_date
from builder.documents.placeholders import MARK
from builder.findings.rule_texts import (FIELD_TYPE, INVALID_DATE,
                                         INVALID_VALUE, REQUIRED_FIELD,
                                         REVISION_NUMBER, UNKNOWN_KEY,
                                         RuleText)

NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class Context:
    """Where the value comes from, and where findings go."""

    path: str
    located: object  # yamlsrc.Located
    findings: list = field(default_factory=list)

    def line(self, keys) -> int:
        return self.located.line(*keys)

    def report(self, rule: RuleText, keys, **values) -> None:
        self.findings.append(rule.finding(self.path, self.line(keys), **values))


def missing(raw) -> bool:
    """Null, empty and whitespace-only mean missing (YAML is read as text: 'null', '~', '')."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return raw.strip() in NULLS
    return isinstance(raw, (list, dict)) and not raw


def is_placeholder(raw) -> bool:
    """A text holding the 'CẦN ĐIỀN' mark left by `qms new` or `qms import`."""
    return isinstance(raw, str) and MARK in raw


def key_name(keys) -> str:
    """'approved.by' or 'changes[2].date' for messages."""
    out = ""
    for k in keys:
        out += f"[{k + 1}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out


def _describe(raw) -> str:
    if isinstance(raw, dict):
        return "một nhóm trường"
    if isinstance(raw, list):
        return "một danh sách"
    return f"'{raw}'"


class Shape:
    expected = "giá trị"

    def convert(self, raw, keys, ctx: Context):
        raise NotImplementedError

    def scalar(self, raw, keys, ctx: Context):
        """Return the text of a scalar, or report a type mismatch and return None. A 'CẦN ĐIỀN'
        placeholder is no value yet: the rule 'placeholder' reports it, once."""
        if is_placeholder(raw):
            return None
        if isinstance(raw, (dict, list)):
            ctx.report(FIELD_TYPE, keys, key=key_name(keys), expected=self.expected,
                       found=_describe(raw))
            return None
        return raw.strip()


class Text(Shape):
    expected = "một đoạn văn bản"

    def convert(self, raw, keys, ctx):
        text = self.scalar(raw, keys, ctx)
        return None if text is None or text in NULLS else text


@dataclass
class Int(Shape):
    """A positive whole number within a sane range (ASCII digits only: '０２' is not 2)."""
    low: int = 1
    high: int = 10_000
    expected = "một số nguyên dương"

    def convert(self, raw, keys, ctx):
        text = self.scalar(raw, keys, ctx)
        if text is None or text in NULLS:
            return None
        if re.fullmatch(r"[0-9]{1,9}", text) and self.low <= int(text) <= self.high:
            return int(text)
        self.reject(text, keys, ctx)
        return None

    def reject(self, text, keys, ctx):
        expected = f"{self.expected} từ {self.low} đến {self.high}"
        ctx.report(FIELD_TYPE, keys, key=key_name(keys), expected=expected, found=_describe(text[:40]))


@dataclass
class Revision(Int):
    """An issue number: its own rule id, because document controllers look it up."""
    high: int = 999

    def reject(self, text, keys, ctx):
        ctx.report(REVISION_NUMBER, keys, value=text[:40])


class Number(Shape):
    expected = "một số"

    def convert(self, raw, keys, ctx):
        text = self.scalar(raw, keys, ctx)
        if text is None or text in NULLS:
            return None
        if re.fullmatch(r"[+-]?(?:[0-9]{1,15}(?:[.,][0-9]{1,15})?|[.,][0-9]{1,15})", text):
            return float(text.replace(",", "."))
        # nan, inf, 1e400, full-width digits: no number a reader could check
        ctx.report(FIELD_TYPE, keys, key=key_name(keys), expected=self.expected, found=_describe(text[:40]))
        return None


class Date(Shape):
    expected = "một ngày"

    def convert(self, raw, keys, ctx):
        text = self.scalar(raw, keys, ctx)
        if text is None or text in NULLS:
            return None
        value = parse_date(text)
        if value is None:
            ctx.report(INVALID_DATE, keys, key=key_name(keys), value=text)
        return value


@dataclass
class Enum(Shape):
    values: tuple

    def convert(self, raw, keys, ctx):
        text = Text().convert(raw, keys, ctx)
        if text is None:
            return None
        if text not in self.values:
            ctx.report(INVALID_VALUE, keys, key=key_name(keys), value=text,
                       allowed=", ".join(self.values))
            return None
        return text


@dataclass
class ListOf(Shape):
    item: Shape
    expected = "một danh sách"

    def convert(self, raw, keys, ctx):
        if raw is None or is_placeholder(raw) or (isinstance(raw, str) and raw.strip() in NULLS):
            return []
        if isinstance(raw, str) and isinstance(self.item, (Text, Enum)):
            raw = [raw]  # a single value written without brackets
        if not isinstance(raw, list):
            ctx.report(FIELD_TYPE, keys, key=key_name(keys), expected=self.expected,
                       found=_describe(raw))
            return []
        out = []
        for index, item in enumerate(raw):
            value = self.item.convert(item, keys + (index,), ctx)
            if value is not None:
                out.append(value)
        return out


@dataclass
class Field:
    """One key of a group: its shape, Vietnamese label and documentation."""

    key: str
    shape: Shape
    label: str
    description: str = ""
    required: bool = False
    example: str = ""


@dataclass
class Struct(Shape):
    fields: list
    expected = "một nhóm trường"

    def by_key(self) -> dict:
        return {f.key: f for f in self.fields}

    def convert(self, raw, keys, ctx):
        if is_placeholder(raw):
            return None
        if not isinstance(raw, dict):
            ctx.report(FIELD_TYPE, keys, key=key_name(keys), expected=self.expected,
                       found=_describe(raw))
            return None
        known = self.by_key()
        out = {}
        for key, value in raw.items():
            spec = known.get(key)
            if spec is None:
                report_unknown(ctx, keys + (key,), known, where=key_name(keys))
                continue
            out[key] = spec.shape.convert(value, keys + (key,), ctx)
        for spec in self.fields:
            if spec.required and missing(raw.get(spec.key)):
                at = keys + (spec.key,) if spec.key in raw else keys
                ctx.report(REQUIRED_FIELD, at, key=key_name(keys + (spec.key,)), label=spec.label, why="")
        return out


def report_unknown(ctx: Context, keys, known, where: str = "") -> None:
    """Unknown key finding, suggesting the closest known key (a typo like 'revison')."""
    key = str(keys[-1])
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    hint = f" Có phải ý bạn là '{close[0]}'?" if close else " Xem trang 'Tra cứu trường khai báo'."
    ctx.report(UNKNOWN_KEY, keys, key=key, where=f" trong '{where}'" if where else "", hint=hint)
