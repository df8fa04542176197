"""The agencies as the portal's pages know them: the collected files, and the folder of the
agency's page, made from its id in the configuration (ASCII, unique even when two ids fold to the
same letters)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from builder.documents.text import fold, slug
from builder.portal.model import LEVELS, Collected
from builder.portal.site.lights import Light, has_problem, judge


@dataclass(frozen=True)
class Agency:
    collected: Collected
    folder: str            # co-quan/<folder>/index.html
    index: int             # position in the configuration (and in the search's agency list)
    lights: dict[str, Light] = field(default_factory=dict)    # by column key (lights.columns)

    @property
    def problem(self) -> bool:
        return has_problem(list(self.lights.values()))

    @property
    def name(self) -> str:
        return self.collected.entry.name

    @property
    def level_name(self) -> str:
        return LEVELS.get(self.collected.entry.level, self.collected.entry.level)

    @property
    def folded(self) -> str:
        """Name and id without diacritics, lower case: what the table's text filter matches."""
        return f"{fold(self.name).lower()} {fold(self.collected.entry.id).lower()}"

    @property
    def status(self) -> dict | None:
        return self.collected.status if isinstance(self.collected.status, dict) else None


def agency_list(collected: list[Collected], today: date, stale_days: int) -> list[Agency]:
    """Each agency with its page's folder and its lights, in the configuration's order."""
    used: set[str] = set()
    out = []
    for index, item in enumerate(collected):
        base = slug(item.entry.id or "")[:60].strip("-") or f"co-quan-{index + 1}"
        folder, n = base, 2
        while folder in used:
            folder, n = f"{base}-{n}", n + 1
        used.add(folder)
        out.append(Agency(item, folder, index, judge(item, today, stale_days)))
    return out
