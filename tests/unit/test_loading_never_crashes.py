"""Whatever bytes a file holds, loading yields findings, never an exception."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from support.records import RECORDS
from support.repos import BM01, KH2026, QT01, TODAY, make_repo

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.documents.loader import parse_document
from builder.rules.runner import registered_rules, run_checks

FRONT = st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", ""])
YAMLISH = st.text(alphabet=st.sampled_from(list("abc:-[]{}'\"#&*!|>%@`, \n\t\u0300đĐ0123456789/.")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(raw):
    doc, findings = parse_document("procedures/x.md", raw)
    assert doc is not None or findings


@settings(max_examples=300, deadline=None)
@given(FRONT, YAMLISH, st.text(max_size=50))
def test_arbitrary_front_matter(start, yaml_text, body):
    raw = (start + yaml_text + "\n---\n" + body).encode("utf-8", errors="surrogatepass")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    doc, findings = parse_document("procedures/x.md", raw)
    assert doc is not None or findings
    if doc is not None:
        assert all(f.path == "procedures/x.md" and f.line >= 1 for f in findings)


def test_deeply_nested_yaml_is_a_finding():
    raw = ("---\ncode: " + "[" * 5000 + "]" * 5000 + "\n---\n").encode()
    doc, findings = parse_document("procedures/x.md", raw)
    assert doc is None
    assert [(f.rule, f.path) for f in findings] == [("yaml-limit", "procedures/x.md")]


# --- mutations of valid documents: never raise, answer in bounded time, never vanish silently ---

VALID = [QT01, BM01, KH2026]
MARKDOWN_NOISE = st.text(alphabet=st.sampled_from(list("`*_[]()<>!#|\\-+=~:&;/\"' \n\tabcđ0123456789")), max_size=300)


def mutate_bytes(raw: bytes, edits) -> bytes:
    data = bytearray(raw)
    for position, value, action in edits:
        if not data:
            break
        at = position % len(data)
        if action == 0:
            data[at] = value
        elif action == 1:
            data.insert(at, value)
        else:
            del data[at]
    return bytes(data)


def mutate_lines(text: str, ops) -> str:
    """YAML structure: lines swapped, repeated, re-indented or dropped."""
    lines = text.split("\n")
    for a, b, action in ops:
        i, j = a % len(lines), b % len(lines)
        if action == 0:
            lines[i], lines[j] = lines[j], lines[i]
        elif action == 1:
            lines.insert(i, lines[j])
        elif action == 2:
            lines[i] = " " * (b % 5) + lines[i].lstrip()
        elif len(lines) > 1:
            del lines[i]
    return "\n".join(lines)


def loads_or_says_why(root, rel: str, raw: bytes) -> None:
    """The whole check over a repository holding the file: no exception, and a file that does
    not become a document has an error naming it (it can never be published, nor vanish)."""
    (root / rel).write_bytes(raw)
    catalog = load_catalog(root, parse_date(TODAY), with_git=False)
    findings = run_checks(catalog)
    if not any(d.path == rel for d in catalog.documents):
        assert any(f.path == rel and f.severity.value == "error" for f in findings), findings


@pytest.fixture(scope="module")
def mutation_repo(tmp_path_factory):
    return make_repo(tmp_path_factory.mktemp("mutations") / "repo").root


EDIT = st.tuples(st.integers(0, 10**6), st.integers(0, 255), st.integers(0, 2))


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(VALID), st.lists(EDIT, min_size=1, max_size=8))
def test_byte_mutations(mutation_repo, text, edits):
    loads_or_says_why(mutation_repo, "procedures/QT.09-dot-bien.md", mutate_bytes(text.encode(), edits))


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(VALID), st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500), st.integers(0, 3)),
                                        min_size=1, max_size=6))
def test_yaml_structure_mutations(mutation_repo, text, ops):
    loads_or_says_why(mutation_repo, "procedures/QT.09-dot-bien.md", mutate_lines(text, ops).encode())


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(VALID), MARKDOWN_NOISE, st.integers(0, 10**6))
def test_markdown_mutations(mutation_repo, text, noise, position):
    head, fm, body = text.split("---\n", 2)
    at = position % (len(body) + 1)
    loads_or_says_why(mutation_repo, "procedures/QT.09-dot-bien.md",
                      f"{head}---\n{fm}---\n{body[:at]}{noise}{body[at:]}".encode())


def test_rules_run_on_partial_documents(repo):
    """Documents missing most fields still go through every rule without an exception."""
    repo.write("procedures/partial.md", "---\ncode: QT.05\nkind: procedure\nforms: [BM.77]\n---\n")
    repo.write("forms/partial.md", "---\nkind: form\nprocedure: \n---\n")
    code, findings = repo.findings()
    assert code == 1 and len(registered_rules()) > 20


# --- records: the same promise for records/<year>/*.md ----------------------------------------

def record_loads_or_says_why(root, rel: str, raw: bytes) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(raw)
    catalog = load_catalog(root, parse_date(TODAY), with_git=False)
    findings = run_checks(catalog)
    if not any(r.path == rel for r in catalog.records):
        assert any(f.path == rel and f.severity.value == "error" for f in findings), findings


@settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(RECORDS.values())), st.lists(EDIT, min_size=1, max_size=8))
def test_record_byte_mutations(mutation_repo, text, edits):
    record_loads_or_says_why(mutation_repo, "records/2026/KP-2026-09-dot-bien.md", mutate_bytes(text.encode(), edits))


@settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(RECORDS.values())),
       st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500), st.integers(0, 3)), min_size=1, max_size=6))
def test_record_yaml_structure_mutations(mutation_repo, text, ops):
    record_loads_or_says_why(mutation_repo, "records/2026/KP-2026-09-dot-bien.md", mutate_lines(text, ops).encode())


def test_rules_run_on_partial_records(repo):
    """Records missing most fields, or with fields of the wrong shape, go through every rule."""
    repo.write("records/2026/a.md", "---\nid: KP-2026-01\nkind: corrective_action\nsource: [1, 2]\nverification: x\n---\n")
    repo.write("records/2026/b.md", "---\nkind: audit\nfindings: {id: 1}\nauditors: [{units: 3}]\nstatus: closed\n---\n")
    repo.write("records/2026/c.md", "---\nkind: review\ninputs: [{input: nope}]\ndate: 2026-13-45\n---\n")
    repo.write("records/c.md", "---\nkind: risk\nlikelihood: 0\nimpact: -1\n---\n")
    code, findings = repo.findings()
    assert code == 1
    assert {f["path"] for f in findings} >= {"records/2026/a.md", "records/2026/b.md", "records/2026/c.md", "records/c.md"}
