"""The mark left where a value still has to be filled in (by `qms new` or `qms import`)."""
from __future__ import annotations

MARK = "CẦN ĐIỀN"
