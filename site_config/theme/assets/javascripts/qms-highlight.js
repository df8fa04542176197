/*
 * Highlight on the opened page what a search typed without diacritics found.
 *
 * Material adds ?h=<query> to search results and marks the query's words on the page, but it
 * compares letters exactly: "kiem soat" finds "kiểm soát" (our search folds diacritics) and then
 * nothing is marked. This script marks the words that differ from the query only by diacritics
 * (and đ/d), with the same <mark data-md-highlight> Material uses, so they look the same. Words
 * Material already matches letter for letter are left to Material, so nothing is marked twice.
 */
(function () {
  "use strict"

  function foldChar(ch) {
    if (ch === "đ") return "d"
    if (ch === "Đ") return "D"
    var base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    return base.length === 1 ? base : ch
  }

  function fold(text) {
    var out = ""
    for (var i = 0; i < text.length; i++) out += foldChar(text[i])
    return out.toLowerCase()
  }

  function queryTerms() {
    var h = new URLSearchParams(window.location.search).get("h")
    if (!h) return []
    return h.normalize("NFC").split(/[\s*+\-:~^]+/)
      .filter(function (t) { return t.length > 1 && fold(t) === t.toLowerCase() })
      .map(function (t) { return t.toLowerCase() })
  }

  function isWordStart(text, index) {
    return index === 0 || !/[0-9A-Za-z\u00C0-\u1FFF]/.test(text[index - 1])
  }

  function ranges(text, terms) {
    var folded = fold(text), found = []
    terms.forEach(function (term) {
      for (var at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
        var original = text.slice(at, at + term.length)
        if (isWordStart(text, at) && original.toLowerCase() !== term) found.push([at, at + term.length])
      }
    })
    found.sort(function (a, b) { return a[0] - b[0] })
    return found.filter(function (r, i) { return i === 0 || r[0] >= found[i - 1][1] })
  }

  function mark(node, found) {
    var text = node.textContent, parts = document.createDocumentFragment(), last = 0
    found.forEach(function (r) {
      parts.appendChild(document.createTextNode(text.slice(last, r[0])))
      var m = document.createElement("mark")
      m.setAttribute("data-md-highlight", "")
      m.textContent = text.slice(r[0], r[1])
      parts.appendChild(m)
      last = r[1]
    })
    parts.appendChild(document.createTextNode(text.slice(last)))
    node.parentNode.replaceChild(parts, node)
  }

  function highlight() {
    var terms = queryTerms(), article = document.querySelector("article.md-content__inner")
    if (!terms.length || !article) return
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT), targets = []
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("mark, script, style, .headerlink")) continue
      var found = ranges(node.textContent.normalize("NFC"), terms)
      if (found.length && node.textContent === node.textContent.normalize("NFC")) targets.push([node, found])
    }
    targets.forEach(function (t) { mark(t[0], t[1]) })
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", highlight)
  else highlight()
})()
