"""The distribution register names real documents, issues and units, and parses cleanly."""
from __future__ import annotations

from builder.distribution.register import REGISTER, load
from builder.findings.rule_texts import DISTRIBUTION_INVALID
from builder.rules.registry import catalog_rule, problem


@catalog_rule(DISTRIBUTION_INVALID)
def distribution_register(catalog):
    """registers/distribution.csv is well-formed and every copy points at something that exists."""
    copies, problems = load(catalog.root)
    for p in problems:
        yield problem(REGISTER, p.line, detail=p.detail)
    units = catalog.organisation.units
    for c in copies:
        doc = catalog.get(c.code)
        if doc is None:
            detail = f"Không có tài liệu mã hiệu '{c.code}' (bản số {c.copy})."
        elif doc.revision and c.revision > doc.revision:
            detail = (f"Bản số {c.copy} của {c.code} ghi lần ban hành {c.revision:02d}, nhưng tài liệu mới "
                      f"ở lần ban hành {doc.revision:02d}.")
        elif c.unit not in units:
            detail = f"Không có đơn vị mã '{c.unit}' trong site_config/organisation.yml (bản số {c.copy} của {c.code})."
        else:
            continue
        yield problem(REGISTER, c.line, detail=detail)
