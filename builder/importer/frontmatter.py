"""Writing the front matter as text, in the layout of the sample documents.

Written by hand rather than by a YAML library so that key order, flow style for sign-offs and
short lists, and block style for table-like keys (changes, records) match what document
controllers see in every other file. The result is parsed back by the project's loader before
anything is written (plan.py), so a quoting mistake can never reach the repository.
"""
from __future__ import annotations

import json
import re
from datetime import date

# Plain YAML scalars that read back as the same text: codes, ids, numbers, legal numbers.
_PLAIN = re.compile(r"[\wĐđ][\w.\-/]*")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def scalar(value) -> str:
    """A value as YAML text: plain when it reads back unchanged, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_map(values: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in values.items() if v is not None) + "}"


def flow_list(values: list) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def render(fields: list[tuple[str, object]], comment: str | None = None) -> str:
    """`fields` in order; dict → flow map, list of scalars → flow list, list of dicts → block
    list of maps; None values are left out."""
    lines = ["---"]
    if comment:
        lines.append(comment)
    for key, value in fields:
        if value is None:
            continue
        if isinstance(value, dict):
            lines.append(f"{key}: {flow_map(value)}")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{key}:")
            for item in value:
                first = True
                for k, v in item.items():
                    if v is None:
                        continue
                    lines.append(f"  {'- ' if first else '  '}{k}: {scalar(v)}")
                    first = False
        elif isinstance(value, list):
            lines.append(f"{key}: {flow_list(value)}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"
