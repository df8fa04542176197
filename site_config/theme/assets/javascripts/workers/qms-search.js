/*
 * Search worker of the intranet: Material's own search worker, with the query folded first.
 *
 * Why: the index is folded (diacritics removed, đ → d) by the Vietnamese pipeline in
 * ../lunr/min/lunr.vi.min.js. Material appends a trailing wildcard to every query term, and
 * lunr does not run its pipeline on wildcard terms, so a query typed with diacritics ("kiểm*")
 * would never meet the folded index ("kiem"). Folding the query here, before Material's worker
 * hands it to lunr, makes both ways of typing find the same documents.
 *
 * It also re-ranks the pages of each result (see rerank below), reads codes typed without their
 * dot ("QT04", "qt 04" for QT.04: codePattern below), and writes each result's title again from
 * the index with its own highlighting (cleanTitle): Material's highlighter, run with the custom
 * token separator of mkdocs.yml (which keeps "QT.04" and "19/2014/QĐ-TTg" whole), could nest its
 * own <mark> tags and left stray ">" in front of titles.
 *
 * main.html points Material at this file with ?material=<Material's worker file>; this file
 * registers its message listener first (so it sees each query before Material's listener in the
 * same event) and then loads Material's worker unchanged.
 */
(function () {
  "use strict"
  var QUERY = 2 // SearchMessageType.QUERY in Material 9 (SETUP 0, READY 1, QUERY 2, RESULT 3)

  function fold(text) {
    if (self.lunr && self.lunr.vi && self.lunr.vi.fold)
      return self.lunr.vi.fold(text)
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
  }

  var SETUP = 0, RESULT = 3
  var lastQuery = ""
  var titles = {}             // location -> title as written in the index (HTML-escaped text)
  var codePattern = null      // code prefixes of the site's documents: QT, BM, HD, KH...

  function learn(docs) {
    var prefixes = {}
    docs.forEach(function (doc) {
      titles[doc.location] = doc.title
      var m = /^([A-Za-z\u0110\u0111]{1,6})\.[0-9]/.exec(doc.title || "")
      if (m) prefixes[fold(m[1]).toLowerCase()] = true
    })
    var names = Object.keys(prefixes)
    codePattern = names.length ? new RegExp("(^|[^0-9a-z.])(" + names.join("|") + ")\\s*([0-9]{1,4})(?![0-9a-z])", "gi") : null
  }

  /* "qt04", "QT 04", "qt.04" all mean the code QT.04, as the index holds it. */
  function withCodes(query) {
    return codePattern ? query.replace(codePattern, function (_, before, prefix, number) {
      return before + prefix + "." + number
    }) : query
  }

  addEventListener("message", function (ev) {
    var message = ev.data
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs))
      learn(message.data.docs)
    if (message && message.type === QUERY && typeof message.data === "string")
      message.data = lastQuery = withCodes(fold(message.data))
  })

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'" }

  function unescape(html) {
    return String(html || "").replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (e) {
      return ENTITIES[e]
    })
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  }

  /*
   * The title with each query term marked where a word starts with it, compared without
   * diacritics and case, on the title's own text: every character of the title is folded on its
   * own, so positions in the folded text are positions in the title.
   */
  function cleanTitle(title, query) {
    var text = unescape(title)
    var folded = "", at = []
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]).toLowerCase()
      for (var k = 0; k < f.length; k++) { folded += f[k]; at.push(i) }
    }
    at.push(text.length)
    var marked = []
    plain(query).replace(/[*+~^:]/g, " ").split(" ").filter(Boolean).forEach(function (term) {
      var from = 0, hit
      while ((hit = folded.indexOf(term, from)) >= 0) {
        if (hit === 0 || !/[0-9a-z]/.test(folded[hit - 1]))
          for (var j = at[hit]; j < at[hit + term.length]; j++) marked[j] = true
        from = hit + 1
      }
    })
    var out = "", open = false
    for (var c = 0; c < text.length; c++) {
      if (marked[c] && !open) { out += "<mark data-md-highlight>"; open = true }
      if (!marked[c] && open) { out += "</mark>"; open = false }
      out += escape(text[c])
    }
    return out + (open ? "</mark>" : "")
  }

  function cleanTitles(result, query) {
    if (!result || !Array.isArray(result.items)) return
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        if (item && Object.prototype.hasOwnProperty.call(titles, item.location))
          item.title = cleanTitle(titles[item.location], query)
      })
    })
  }

  function plain(text) {
    return fold(String(text || "").replace(/<[^>]*>/g, "")).toLowerCase().replace(/\s+/g, " ").trim()
  }

  /*
   * Material orders pages by their best single match. Re-rank them: first a page whose title is
   * exactly the query (with or without its code: "QT.01 Quy trình ..."), then by its best match
   * plus half its second best, so that a procedure whose title and a section heading match
   * ("Kiểm soát tài liệu có nguồn gốc bên ngoài") beats a form that matches once, while a long
   * page with many weak matches does not climb on their number.
   */
  function rerank(result, query) {
    if (!result || !Array.isArray(result.items)) return
    var q = plain(query)
    var ranked = result.items.map(function (group, order) {
      var scores = [], exact = false
      group.forEach(function (item) {
        scores.push(item.score || 0)
        if (item.location.indexOf("#") < 0) {
          var title = plain(item.title)
          exact = exact || title === q || title.replace(/^\S+\s+/, "") === q
        }
      })
      scores.sort(function (x, y) { return y - x })
      return { group: group, exact: exact, total: (scores[0] || 0) + (scores[1] || 0) / 2, order: order }
    })
    ranked.sort(function (a, b) {
      return (b.exact - a.exact) || (b.total - a.total) || (a.order - b.order)
    })
    result.items = ranked.map(function (r) { return r.group })
  }

  var post = self.postMessage.bind(self)
  self.postMessage = function (message) {
    if (message && message.type === RESULT) {
      cleanTitles(message.data, lastQuery)
      rerank(message.data, lastQuery)
    }
    return post.apply(null, arguments)
  }

  var material = new URL(self.location.href).searchParams.get("material") || ""
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error("qms-search: unexpected Material worker " + material)
  importScripts(material)
})()
