"""The site's name and logo, from the organisation."""
from __future__ import annotations

from builder.documents import labels as L


def site_identity(organisation) -> dict:
    """Site name and logo from site_config/organisation.yml, so that one file names the agency
    everywhere (header, window title, printed pages); empty when not configured."""
    out = {}
    if organisation.agency_name:
        out["site_name"] = f"{L.SITE_NAME} - {organisation.agency_name}"
    if organisation.logo:
        out["logo"] = organisation.logo
    return out
