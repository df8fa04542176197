"""The SSH signature reader never crashes on what a pull request could put in a .sig file, and
agrees with ssh-keygen on real signatures (tests/integration/test_signatures.py)."""
from __future__ import annotations

import base64
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.organisation.keys import parse_key_line
from builder.signing import sshsig
from builder.signing.signoff import SignedText, parse_text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_armored_bytes_are_a_format_error_or_a_signature(blob):
    armored = f"{sshsig.BEGIN}\n{base64.b64encode(blob).decode()}\n{sshsig.END}\n"
    try:
        signature = sshsig.parse(armored)
    except sshsig.SignatureFormatError:
        return
    assert sshsig.verify(signature, b"text", "qms-signoff") in (True, False)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 40))
def test_a_real_signature_with_any_bytes_changed_never_crashes(noise, at):
    key = Ed25519PrivateKey.generate()
    armored = sshsig.sign_in_process(b"text", key, "qms-signoff")
    signature = sshsig.parse(armored)
    assert sshsig.verify(signature, b"text", "qms-signoff")
    assert not sshsig.verify(signature, b"text!", "qms-signoff")
    assert not sshsig.verify(signature, b"text", "git")
    lines = armored.split("\n")
    damaged = "\n".join(lines[:2] + [base64.b64encode(noise).decode()[:70] or "AAAA"] + lines[2 + 1:])
    try:
        sshsig.verify(sshsig.parse(damaged), b"text", "qms-signoff")
    except sshsig.SignatureFormatError:
        pass


@given(st.text(max_size=200))
def test_key_lines_and_signed_texts_never_crash(text):
    assert isinstance(parse_key_line(text), (str, tuple))
    parsed = parse_text(text.encode("utf-8"))
    assert parsed is None or isinstance(parsed, SignedText)


def test_signed_text_round_trips():
    signed = SignedText("QT.01", 3, "approve", "ltminh", date(2026, 1, 26), "sha256v2:ab", date(2026, 1, 27))
    assert parse_text(signed.render()) == signed
