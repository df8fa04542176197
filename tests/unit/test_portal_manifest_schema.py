"""manifest-1.schema.json, what the portal reads of an agency's manifest: a valid schema, the
sample's manifest follows it, and the portal's fast reader of it (schema_subset.py) gives the same
verdict as the jsonschema package on good and broken files."""
from __future__ import annotations

import json

import jsonschema
import pytest
from support.jsondata import changed
from support.repos import TODAY, make_repo

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.portal.problem import Problem
from builder.portal.schema_subset import SubsetValidator, UnsupportedSchema
from builder.portal.validation import (DOCUMENT_FIELDS, manifest_schema,
                                       parse_json, read_manifest)
from builder.site.manifest import manifest


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("manifest") / "repo").root
    return manifest(load_catalog(root, parse_date(TODAY), with_git=False))


BROKEN = [
    (("documents",), KeyError), (("agency",), 7), (("generated",), "21/11/2026"),
    (("documents", 0, "code"), ""), (("documents", 0, "code"), None), (("documents", 0, "title"), "x" * 501),
    (("documents", 0, "title"), KeyError), (("documents", 0, "revision"), "2"), (("documents", 0, "revision"), True),
    (("documents", 0, "revision"), 1000), (("documents", 0, "url"), "javascript:alert(1)"),
    (("documents", 0, "url"), "//evil.example/x"), (("documents", 0, "pdf"), " javascript:x"),
    (("documents", 0, "docx"), "a\\b"), (("documents", 0, "effective"), "2026-1-1"), (("records",), {}),
    (("documents", 0), "QT.01"), (("documents",), [{}] * 2),
]
FINE = [(("surprise",), "kept apart"), (("documents", 0, "url"), "tai-lieu/qt-01/"), (("documents", 0, "pdf"), None),
        (("documents", 0, "extra"), {"nested": [1, 2]}), (("records",), [])]


def test_the_schema_is_valid_and_the_sample_follows_it(sample):
    jsonschema.Draft202012Validator.check_schema(manifest_schema())
    jsonschema.validate(sample, manifest_schema())
    assert SubsetValidator(manifest_schema()).first_fault(sample) is None


@pytest.mark.parametrize("path, value", BROKEN + FINE)
def test_the_fast_reader_agrees_with_jsonschema(sample, path, value):
    data = changed(sample, path, value)
    expected = jsonschema.Draft202012Validator(manifest_schema()).is_valid(data)
    assert (SubsetValidator(manifest_schema()).first_fault(data) is None) == expected
    assert expected == ((path, value) in FINE)


def test_a_fault_names_its_place_never_its_text(sample):
    data = changed(sample, ("documents", 1, "title"), "<script>" * 100)
    with pytest.raises(Problem) as caught:
        read_manifest(json.dumps(data).encode())
    assert caught.value.text == "invalid_manifest:manifest.json: documents[1].title quá dài"
    kept = read_manifest(json.dumps(sample).encode())
    assert set(kept) == {"agency", "generated", "documents"} and set(kept["documents"][0]) == set(DOCUMENT_FIELDS)


def test_a_keyword_the_reader_does_not_know_is_refused():
    with pytest.raises(UnsupportedSchema):
        SubsetValidator({"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}]}}})
    with pytest.raises(UnsupportedSchema):
        SubsetValidator({"$ref": "https://example.org/other.json"})


@pytest.mark.parametrize("data, says", [
    (b"\xff\xfe{}", "không phải UTF-8"), (b"{\n\"a\": }", "lỗi ở dòng 2"), (b"[" * 100_000, "không đọc được"),
    (b"{\"a\": NaN}", "không đọc được"), (b"1" * 5000, "không đọc được"),
])
def test_what_is_not_json_is_a_problem(data, says):
    with pytest.raises(Problem) as caught:
        parse_json(data, "manifest.json")
    assert caught.value.key == "not_json" and says in caught.value.detail
