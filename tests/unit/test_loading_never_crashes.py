"""Whatever bytes a file holds, loading yields findings, never an exception."""
from hypothesis import given, settings, strategies as st

from builder.documents.loader import parse_document
from builder.rules.runner import registered_rules

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
    assert [(f.rule, f.path) for f in findings] == [("yaml-syntax", "procedures/x.md")]


def test_rules_run_on_partial_documents(repo):
    """Documents missing most fields still go through every rule without an exception."""
    repo.write("procedures/partial.md", "---\ncode: QT.05\nkind: procedure\nforms: [BM.77]\n---\n")
    repo.write("forms/partial.md", "---\nkind: form\nprocedure: \n---\n")
    code, findings = repo.findings()
    assert code == 1 and len(registered_rules()) > 20
