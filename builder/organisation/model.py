"""The organisation: agency, units, people, positions, sign-off roles and code patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from builder.organisation.keys import SigningKey

_PLACEHOLDER = re.compile(r"\{(n)(?::(\d+))?\}|\{(year)\}|\{(unit)\}")
SIGNOFF_ACTIONS = {"prepared": "prepare", "reviewed": "review", "approved": "approve"}


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    parent: str | None = None
    head: str | None = None
    dissolved: date | None = None
    successor: str | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    position: str
    unit: str
    account: str | None = None   # user name on the git forge, for CODEOWNERS
    keys: tuple[SigningKey, ...] = ()   # public keys that sign this person's sign-offs


@dataclass(frozen=True)
class CodePattern:
    """A code template such as 'QT.{n:2}' turned into a regex and a generator."""

    template: str

    @property
    def regex(self) -> re.Pattern:
        return self._compile(None)

    def _compile(self, unit: str | None) -> re.Pattern:
        """Regex of the template; the number is the named group 'n'; `unit` pins {unit}."""
        out, pos, named = "", 0, False
        for m in _PLACEHOLDER.finditer(self.template):
            out += re.escape(self.template[pos:m.start()])
            if m.group(1):       # ASCII: '０２' is not 02; a second {n} (a typo) is a plain number
                out += rf"({'?:' if named else '?P<n>'}[0-9]{{{m.group(2) or 1},}})"
                named = True
            elif m.group(3):
                out += r"[0-9]{4}"
            else:
                out += re.escape(unit) if unit else r"[A-ZĐ0-9]+"
            pos = m.end()
        out += re.escape(self.template[pos:])
        return re.compile(f"^{out}$")

    def number_of(self, code: str, unit: str) -> int | None:
        """The sequence number of `code` when it belongs to this template (and unit)."""
        m = self._compile(unit).match(code)
        return int(m.group("n")) if m and m.groupdict().get("n") else None

    def make(self, n: int, year: int, unit: str) -> str:
        def repl(m):
            if m.group(1):
                return f"{n:0{int(m.group(2) or 1)}d}"
            return str(year) if m.group(3) else unit
        return _PLACEHOLDER.sub(repl, self.template)

    @property
    def numbered(self) -> bool:
        return "{n" in self.template


@dataclass(frozen=True)
class Certificate:
    """The agency's PKCS#12 file (kept outside git) and the environment variable that holds
    its password: the build signs published PDFs with it."""
    file: str
    password_env: str | None = None


@dataclass
class Organisation:
    agency_name: str = ""
    agency_short: str = ""
    agency_parent: str = ""
    logo: str | None = None
    base_url: str = "/"
    review_months: int = 12
    legal_update_months: int = 3   # Quyết định 19/2014/QĐ-TTg, Article 4(4)
    codes: dict[str, CodePattern] = field(default_factory=dict)
    positions: dict[str, str] = field(default_factory=dict)
    signoff_roles: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    path: str = "site_config/organisation.yml"
    signatures: str = "off"      # required | warning | off: how signed sign-offs are enforced
    required_signoffs: dict[str, tuple[str, ...]] = field(default_factory=dict)   # kind -> sign-offs
    certificate: Certificate | None = None   # the agency's certificate that signs published PDFs

    @property
    def signing_keys(self) -> list[SigningKey]:
        return [k for p in self.people.values() for k in p.keys]

    def key_owner(self, blob: bytes) -> SigningKey | None:
        """The listed key with this public blob (whoever holds it)."""
        return next((k for k in self.signing_keys if k.blob == blob), None)

    def may(self, person: Person, signoff: str) -> bool:
        """Whether the person's position allows this sign-off (prepared/reviewed/approved)."""
        return person.position in self.signoff_roles.get(SIGNOFF_ACTIONS[signoff], [])

    def position_name(self, position_id: str) -> str:
        return self.positions.get(position_id, position_id)

    def unit_name(self, unit_id: str | None) -> str:
        unit = self.units.get(unit_id or "")
        return unit.name if unit else (unit_id or "")

    def signoffs_required(self, kind: str) -> tuple[str, ...]:
        """The sign-offs an issue of this kind needs (all three unless organisation.yml says less)."""
        return self.required_signoffs.get(kind, ("prepared", "reviewed", "approved"))

    def unit_names(self, unit_ids) -> str:
        """'Văn phòng Sở, Phòng Kế hoạch - Tài chính' for a task several units are in charge of."""
        return ", ".join(self.unit_name(u) for u in unit_ids)

    def person_name(self, person_id: str | None) -> str:
        person = self.people.get(person_id or "")
        return person.name if person else (person_id or "")

    def code_pattern(self, kind: str) -> CodePattern | None:
        return self.codes.get(kind)
