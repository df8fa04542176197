/*
 * The province-wide search (builder/portal/site/search_index.py writes the files it reads).
 *
 * The query is folded as the index was (no diacritics, lower case, letters and digits), each word
 * is looked up in the file of its first two letters (the last word, while it is being typed, as a
 * prefix), the lists are intersected, and the documents of the hits shown are loaded from the
 * document files. Everything shown comes from agencies: it is written with textContent and
 * setAttribute only, and a link is made only from an http(s) URL (documents) or an agency folder
 * of letters, digits and dashes (portal pages). The query is kept in the address (?q=...).
 */
(function () {
  "use strict"

  var form = document.getElementById("pt-search")
  if (!form || !window.fetch) return
  var input = document.getElementById("pt-q")
  var status = document.getElementById("pt-search-status")
  var table = document.getElementById("pt-hits")
  var body = table.tBodies[0]
  var more = document.getElementById("pt-more")
  var W = JSON.parse(form.getAttribute("data-words"))
  var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent })
  table.classList.add("pt-cards")
  var PAGE = 50
  var files = {}
  var generation = 0
  var hits = [], shown = 0

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
  }

  function words(text) {
    return (fold(text).match(/[a-z0-9]+/g) || []).filter(function (w) { return w.length <= 40 })
  }

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(path, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status)
        return r.json()
      })
      files[path].catch(function () { delete files[path] })
    }
    return files[path]
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key)
  }

  function decode(text) {
    var ids = [], previous = -1
    if (typeof text !== "string") return ids
    text.split(",").forEach(function (run) {
      if (!run) return
      var parts = run.split("+")
      var start = previous + 1 + parseInt(parts[0], 36)
      var end = start + (parts.length > 1 ? parseInt(parts[1], 36) : 0)
      for (var i = start; i <= end; i++) ids.push(i)
      previous = end
    })
    return ids
  }

  /* The documents holding one word; for the word being typed (`prefix`), any word it begins once
     it has meta.prefix letters (a shorter one must be a whole word). */
  function postings(meta, word, prefix) {
    var key = word.slice(0, meta.prefix)
    if (meta.shards.indexOf(key) < 0) return Promise.resolve([])
    return load("tu/" + key + ".json").then(function (shard) {
      if (!prefix || word.length < meta.prefix) return own(shard, word) ? decode(shard[word]) : []
      var seen = new Uint8Array(meta.documents), out = []
      Object.keys(shard).forEach(function (w) {
        if (w.lastIndexOf(word, 0) !== 0) return
        decode(shard[w]).forEach(function (id) { if (id < seen.length && !seen[id]) { seen[id] = 1; out.push(id) } })
      })
      return out.sort(function (a, b) { return a - b })
    })
  }

  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length })
    return lists.slice(1).reduce(function (acc, list) {
      var set = new Set(list)
      return acc.filter(function (id) { return set.has(id) })
    }, lists[0])
  }

  function union(a, b) {
    var set = new Set(a)
    b.forEach(function (id) { set.add(id) })
    return Array.from(set).sort(function (x, y) { return x - y })
  }

  /* Documents holding every word of `list` (the last one as a prefix while typing). A last word
     still too short to be a prefix, and found as no whole word, is left out until it grows. */
  function matching(meta, list, typing) {
    return Promise.all(list.map(function (w, i) { return postings(meta, w, typing && i === list.length - 1) }))
      .then(function (lists) {
        var last = list[list.length - 1]
        if (typing && lists.length > 1 && last.length < meta.prefix && !lists[lists.length - 1].length) lists.pop()
        return intersect(lists)
      })
  }

  function cell(row, label) {
    var td = row.insertCell()
    td.setAttribute("data-label", label)
    return td
  }

  function anchor(parent, text, href) {
    var a = document.createElement("a")
    a.textContent = text
    a.setAttribute("href", href)
    parent.appendChild(a)
    return a
  }

  /* A document's address: an http(s) URL as stored, or a plain path on its agency's site. */
  function address(url, agency) {
    if (typeof url !== "string") return null
    if (/^https?:\/\/[^\s]+$/i.test(url)) return url
    var base = agency && agency[2]
    if (typeof base === "string" && /^https?:\/\/[^\s]+\/$/i.test(base) && /^(?!\/)[A-Za-z0-9._~\/%-]*$/.test(url))
      return base + url
    return null
  }

  function render(agencies, rows) {
    rows.forEach(function (doc) {
      var row = body.insertRow()
      var title = cell(row, headers[0]), code = cell(row, headers[1]), agency = cell(row, headers[2])
      var who = agencies[doc.agency]
      var name = String(doc.title || doc.code || "")
      var href = address(doc.url, who)
      if (href) {
        var a = anchor(title, name, href)
        a.setAttribute("rel", "noopener noreferrer")
        a.className = "pt-hit"
      } else {
        title.textContent = name
      }
      code.textContent = String(doc.code || "")
      if (who && /^[a-z0-9-]+$/.test(String(who[0]))) {
        anchor(agency, String(who[1]), "../co-quan/" + who[0] + "/index.html").title = W.agency_page
      } else if (who) {
        agency.textContent = String(who[1])
      }
    })
  }

  function showMore(meta, run) {
    var next = hits.slice(shown, shown + PAGE)
    var parts = {}
    next.forEach(function (id) { parts[Math.floor(id / meta.per_file)] = true })
    var numbers = Object.keys(parts)
    var needed = numbers.map(function (n) { return load("tl/" + n + ".json") })
    return Promise.all([load("co-quan.json"), Promise.all(needed)]).then(function (loaded) {
      if (run !== generation) return
      var byFile = {}
      numbers.forEach(function (n, i) { byFile[n] = loaded[1][i] })
      render(loaded[0], next.map(function (id) {
        var file = byFile[Math.floor(id / meta.per_file)] || { t: [], d: [] }
        var doc = (file.d || [])[id % meta.per_file] || []
        return { agency: doc[0], code: doc[1], title: (file.t || [])[doc[2]], url: doc[3] }
      }))
      shown += next.length
      more.hidden = shown >= hits.length
    })
  }

  function remember(query) {
    var params = new URLSearchParams(location.search)
    if (query) params.set("q", query); else params.delete("q")
    var search = params.toString()
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : ""))
  }

  function search() {
    var query = input.value
    var list = words(query)
    var run = ++generation
    remember(query.trim())
    body.textContent = ""
    hits = []; shown = 0
    more.hidden = true
    if (!list.length || (list.length === 1 && list[0].length < 2 && !/\s$/.test(query))) {
      table.hidden = true
      status.textContent = query.trim() ? W.short : ""
      return
    }
    status.textContent = W.loading
    var typing = !/\s$/.test(query)
    load("chi-muc.json").then(function (meta) {
      /* A code may be typed with its dot or a space ("QT.01", "qt 01"): it is indexed as one word. */
      var joined = list.length > 1 && /[0-9]/.test(query) ? [list.join("")] : null
      return Promise.all([matching(meta, list, typing), joined ? matching(meta, joined, typing) : []])
        .then(function (found) {
          if (run !== generation) return
          hits = union(found[0], found[1])
          if (!hits.length) {
            table.hidden = true
            status.textContent = W.none
            return
          }
          return showMore(meta, run).then(function () {
            if (run !== generation) return
            table.hidden = false
            status.textContent = W.found.replace("{hits}", hits.length)
          })
        })
    }).catch(function () {
      if (run === generation) status.textContent = W.error
    })
  }

  var pending = null
  input.addEventListener("input", function () {
    clearTimeout(pending)
    pending = setTimeout(search, 150)
  })
  form.addEventListener("submit", function (event) {
    event.preventDefault()
    clearTimeout(pending)
    search()
  })
  more.addEventListener("click", function () {
    var run = generation
    more.disabled = true
    load("chi-muc.json").then(function (meta) { return showMore(meta, run) })
      .catch(function () { status.textContent = W.error })
      .then(function () { more.disabled = false })
  })
  var initial = new URLSearchParams(location.search).get("q")
  if (initial) {
    input.value = initial
    search()
  }
})()
