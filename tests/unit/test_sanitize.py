"""Raw HTML that could run script never reaches a published page; clean pages are untouched."""
from __future__ import annotations

import re

import pytest

from builder.documents.html_safety import sanitize_html
from builder.markup.constructs import analyse

ATTACKS = [
    '<p>a</p><script>alert(1)</script><p>b</p>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<img src="x" onerror="alert(1)">',
    '<img src=x ONERROR=alert(1) />',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="jav&#9;ascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<details open ontoggle="alert(1)">x</details>',
    '<style>@import "https://evil.example/x.css";</style>',
]
FORBIDDEN = re.compile(r"<\s*(script|iframe|object|embed|meta|base|style)\b|\son\w+\s*=|javascript:|vbscript:|"
                       r"data:text/html|srcdoc|url\(", re.I)


@pytest.mark.parametrize("attack", ATTACKS)
def test_nothing_that_runs_survives(attack):
    clean = sanitize_html(f"<h2>Mục</h2>{attack}<p>Nội dung giữ nguyên.</p>")
    assert not FORBIDDEN.search(clean), clean
    assert "<h2>Mục</h2>" in clean and "<p>Nội dung giữ nguyên.</p>" in clean


def test_clean_page_is_returned_unchanged():
    page = ('<h1 id="qt01">QT.01 Quy trình</h1><table class="qms-control-header"><tr><td>Mã hiệu: '
            '<strong>QT.01</strong></td></tr></table><p>Xem <a href="../bm-01/">BM.01</a> &amp; '
            '<code>&lt;script&gt;</code></p><div class="qms-chart"><svg viewBox="0 0 10 10"><title>x</title>'
            '<circle r="1" fill="#2e7d32"/></svg></div>')
    assert sanitize_html(page) is page


def test_text_and_safe_markup_are_kept_when_a_page_is_cleaned():
    page = '<p title="a &quot;b&quot;">Tôi &lt;3 <em>ISO</em></p><img src="a.png" alt="ảnh" onerror="x()"><br>'
    clean = sanitize_html(page)
    assert clean == '<p title="a &quot;b&quot;">Tôi &lt;3 <em>ISO</em></p><img src="a.png" alt="ảnh"><br>'


def unsafe_parts(body: str) -> list[str]:
    return [what for _, what in analyse(body).unsafe]


def test_rule_names_what_it_found():
    assert unsafe_parts('<img src=x onerror="alert(1)">') == ["thuộc tính sự kiện onerror="]
    assert unsafe_parts("<script>alert(1)</script>") == ["thẻ <script>"]
    assert unsafe_parts("[x](javascript:alert(1))") == ["liên kết javascript:"]
    assert unsafe_parts("Dùng thẻ `<script>` là sai") == []
    assert unsafe_parts("Bảng | có | ô |") == []


@pytest.mark.parametrize("spelling", [
    "[x](JaVaScRiPt:alert(1))", "[x](java&#x09;script:alert(1))", "[x](jav&#97;script:alert(1))",
    "[x](&#106;avascript:alert(1))", '<a href="jav&#x61;script:alert(1)">x</a>', '<a href="java\tscript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>', '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "[x]: javascript:alert(1)\n\n[x]",
    '<img src="x" OnError="alert(1)">', "<ScRiPt>alert(1)</ScRiPt>", '<iframe srcdoc="&lt;script&gt;"></iframe>',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
])
def test_obfuscated_script_in_any_spelling(spelling):
    assert unsafe_parts(f"Đoạn văn.\n\n{spelling}\n"), spelling
