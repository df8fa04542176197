/*
 * Search worker of the intranet: Material's own search worker, with the query folded first.
 *
 * Why: the index is folded (diacritics removed, đ → d) by the Vietnamese pipeline in
 * ../lunr/min/lunr.vi.min.js. Material appends a trailing wildcard to every query term, and
 * lunr does not run its pipeline on wildcard terms, so a query typed with diacritics ("kiểm*")
 * would never meet the folded index ("kiem"). Folding the query here, before Material's worker
 * hands it to lunr, makes both ways of typing find the same documents.
 *
 * It also re-ranks the pages of each result (see rerank below).
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

  var RESULT = 3
  var lastQuery = ""

  addEventListener("message", function (ev) {
    var message = ev.data
    if (message && message.type === QUERY && typeof message.data === "string")
      message.data = lastQuery = fold(message.data)
  })

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
    if (message && message.type === RESULT)
      rerank(message.data, lastQuery)
    return post.apply(null, arguments)
  }

  var material = new URL(self.location.href).searchParams.get("material") || ""
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error("qms-search: unexpected Material worker " + material)
  importScripts(material)
})()
