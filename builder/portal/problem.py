"""Why one file of one agency could not be used, as a value the collection records beside the agency
(and never as a failure of the whole portal)."""
from __future__ import annotations


class Problem(Exception):
    """A key of builder.portal.model.PROBLEMS and a short detail written by the portal itself,
    never text an agency's server or file supplied."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(f"{key}:{detail}" if detail else key)
        self.key, self.detail = key, detail

    @property
    def text(self) -> str:
        """The form Collected.problems holds: 'key:detail'."""
        return str(self)
