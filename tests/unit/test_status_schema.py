"""status.json follows its versioned schema: what a build writes validates, and what breaks the
contract (a missing part, a negative count, an unknown key, a wrong date) does not."""

import jsonschema
import pytest
from support.jsondata import changed
from support.repos import TODAY, make_repo

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.reporting.status import SCHEMA_FILE, status, status_schema


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("status") / "repo").root
    return status(load_catalog(root, parse_date(TODAY), with_git=False))


def test_the_schema_is_a_valid_versioned_schema():
    jsonschema.Draft202012Validator.check_schema(status_schema())
    assert SCHEMA_FILE.name == "status-1.schema.json" and status_schema()["properties"]["schema_version"]["const"] == "1"


def test_a_small_repository_status_validates(small):
    jsonschema.validate(small, status_schema())
    assert small["now"]["internal_audit"]["overdue"] is False and small["year"] == 2026
    assert small["figures"]["audit.held"] == 1


@pytest.mark.parametrize("path, value", [
    (("agency",), KeyError),
    (("now", "actions_overdue"), -1),
    (("now", "internal_audit", "last"), "21/11/2026"),
    (("schema_version",), "2"),
    (("surprise",), "x"),
    (("now", "plan", "completion"), 130),
    (("sections", 0, "figures", 0, "key"), "khóa lạ"),
])
def test_what_breaks_the_contract_is_rejected(small, path, value):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(changed(small, path, value), status_schema())
