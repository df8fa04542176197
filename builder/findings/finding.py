"""Findings: what the checks report, as values rather than exceptions."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """Vietnamese word shown to document controllers."""
        return {"error": "LỖI", "warning": "CẢNH BÁO"}[self.value]


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    rule: str
    severity: Severity
    message: str

    def as_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return {k: data[k] for k in ("rule", "severity", "path", "line", "message")}

    def as_text(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.label} [{self.rule}] {self.message}"


def has_errors(findings) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
