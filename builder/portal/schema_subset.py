"""A fast reader of a small subset of JSON Schema, for files checked a thousand times per run.

The jsonschema package checks a manifest of 300 documents in about 30 ms; this reader turns the
schema into plain Python checks once and takes a few milliseconds. It knows only the keywords
below and refuses a schema using any other when it is built, so the schema file stays the one
statement of the contract: a keyword added there that this reader would ignore fails at once
(tests also compare its verdicts with jsonschema's on good and broken files).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

KEYWORDS = {"$schema", "$id", "title", "description", "$defs", "$ref", "type", "required", "properties",
            "items", "maxItems", "minLength", "maxLength", "pattern", "minimum", "maximum"}
# JSON types as Python types; true and false are never numbers (bool is an int in Python).
_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
          "object": (dict,), "array": (list,), "null": (type(None),)}


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this reader does not know."""


@dataclass(frozen=True)
class Fault:
    """The first place a value breaks the schema: its path, the keyword, and for 'required' the
    missing key (a name from the schema, never from the file)."""
    path: tuple
    keyword: str
    missing: str = ""


Check = Callable[[object, tuple], "Fault | None"]


class SubsetValidator:
    def __init__(self, schema: dict):
        self.schema = schema
        self._check = self._compile(schema)

    def first_fault(self, value) -> Fault | None:
        return self._check(value, ())

    def _resolve(self, ref: str) -> dict:
        """Only local definitions: '#/$defs/name'."""
        prefix, defs = "#/$defs/", self.schema.get("$defs", {})
        if not ref.startswith(prefix) or ref[len(prefix):] not in defs:
            raise UnsupportedSchema(ref)
        return defs[ref[len(prefix):]]

    def _compile(self, schema: dict) -> Check:
        """One function checking a value against `schema`: the type first, then what the type has."""
        unknown = set(schema) - KEYWORDS
        if unknown:
            raise UnsupportedSchema(", ".join(sorted(unknown)))
        if "$ref" in schema:
            return self._compile(self._resolve(schema["$ref"]))
        for sub in schema.get("$defs", {}).values():
            self._compile(sub)
        names = schema.get("type")
        names = [names] if isinstance(names, str) else list(names or [])
        allowed = tuple(t for name in names for t in _TYPES[name])
        bools = "boolean" in names
        parts = [self._string(schema), self._number(schema), self._array(schema), self._object(schema)]
        parts = [p for p in parts if p is not None]

        def check(value, path):
            if allowed and (not isinstance(value, allowed) or (isinstance(value, bool) and not bools)):
                return Fault(path, "type")
            for part in parts:
                fault = part(value, path)
                if fault is not None:
                    return fault
            return None
        return check

    def _string(self, schema: dict) -> Check | None:
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
        if not low and high is None and pattern is None:
            return None

        def check(value, path):
            if not isinstance(value, str):
                return None
            if len(value) < low:
                return Fault(path, "minLength")
            if high is not None and len(value) > high:
                return Fault(path, "maxLength")
            if pattern is not None and not pattern.search(value):
                return Fault(path, "pattern")
            return None
        return check

    def _number(self, schema: dict) -> Check | None:
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is None and high is None:
            return None

        def check(value, path):
            if not _is_number(value):
                return None
            if low is not None and value < low:
                return Fault(path, "minimum")
            if high is not None and value > high:
                return Fault(path, "maximum")
            return None
        return check

    def _array(self, schema: dict) -> Check | None:
        most = schema.get("maxItems")
        items = self._compile(schema["items"]) if isinstance(schema.get("items"), dict) else None
        if most is None and items is None:
            return None

        def check(value, path):
            if not isinstance(value, list):
                return None
            if most is not None and len(value) > most:
                return Fault(path, "maxItems")
            for index, item in enumerate(value if items is not None else ()):
                fault = items(item, path + (index,))
                if fault is not None:
                    return fault
            return None
        return check

    def _object(self, schema: dict) -> Check | None:
        required = tuple(schema.get("required", ()))
        properties = [(key, self._compile(sub)) for key, sub in schema.get("properties", {}).items()]
        if not required and not properties:
            return None

        def check(value, path):
            if not isinstance(value, dict):
                return None
            for key in required:
                if key not in value:
                    return Fault(path, "required", key)
            for key, sub in properties:
                if key in value:
                    fault = sub(value[key], path + (key,))
                    if fault is not None:
                        return fault
            return None
        return check
