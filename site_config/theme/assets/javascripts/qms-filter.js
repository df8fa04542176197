/*
 * Filters of the register tables (master list, documents by kind, forms index, legal register,
 * review list). builder/site_pages/common.py:filter_bar writes a placeholder
 *   <div class="qms-filter" data-columns="Loại|Đơn vị soạn thảo|Tình trạng" data-text="..." ...>
 * before a table; this script turns it into one drop-down per named column (values taken from
 * the table itself) and a text box that ignores diacritics. Labels come from the placeholder, so
 * the wording lives with the other Vietnamese labels in builder/labels.py. Without script, the
 * whole table is shown.
 *
 * Codes match with or without their dot ("qt04", "QT 04" find QT.04). The state of the filter is
 * kept in the page address (?loai=...&q=...), so a filtered list can be bookmarked or sent; a
 * filter that leaves no row says so under the table.
 */
(function () {
  "use strict"

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
  }

  /* "qt.04", "qt 04" and "qt04" compare equal: letters then digits, without what is between. */
  function compact(text) {
    return text.replace(/([a-z])[.\s]+(?=[0-9])/g, "$1")
  }

  function key(name) {
    return fold(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
  }

  function cellText(cell) {
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : ""
  }

  function tableAfter(element) {
    var tables = document.querySelectorAll("article table")
    for (var i = 0; i < tables.length; i++)
      if (element.compareDocumentPosition(tables[i]) & Node.DOCUMENT_POSITION_FOLLOWING)
        return tables[i]
    return null
  }

  function setup(bar) {
    var table = tableAfter(bar)
    if (!table || !table.tHead || !table.tBodies.length) return
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, cellText)
    var rows = Array.prototype.slice.call(table.tBodies[0].rows)
    var texts = rows.map(function (row) { return fold(row.textContent) })
    var compacts = texts.map(compact)
    var controls = []
    var params = new URLSearchParams(location.search)

    bar.dataset.columns.split("|").forEach(function (name) {
      var index = headers.indexOf(name)
      if (index < 0) return
      var values = {}
      rows.forEach(function (row) { var v = cellText(row.cells[index]); if (v) values[v] = true })
      var label = document.createElement("label")
      label.textContent = name + " "
      var select = document.createElement("select")
      select.dataset.column = name
      select.add(new Option(bar.dataset.all, ""))
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "vi") }).forEach(function (v) {
        select.add(new Option(v, v))
      })
      if (params.has(key(name)) && values[params.get(key(name))]) select.value = params.get(key(name))
      select.addEventListener("change", apply)
      label.appendChild(select)
      bar.appendChild(label)
      controls.push({ index: index, select: select, key: key(name) })
    })

    var input = null
    if (bar.dataset.text) {
      input = document.createElement("input")
      input.type = "search"
      input.placeholder = bar.dataset.text
      input.setAttribute("aria-label", bar.dataset.text)
      if (bar.dataset.hint) input.title = bar.dataset.hint
      input.style.minWidth = "min(100%, " + (bar.dataset.text.length + 4) + "ch)"
      input.value = params.get("q") || ""
      input.addEventListener("input", apply)
      bar.appendChild(input)
    }
    var count = document.createElement("output")
    bar.appendChild(count)
    var empty = document.createElement("p")
    empty.className = "qms-filter-empty"
    empty.textContent = bar.dataset.empty || ""
    empty.hidden = true
    table.parentNode.insertBefore(empty, table.nextSibling)

    function remember(query) {
      var next = new URLSearchParams(location.search)
      controls.forEach(function (c) { if (c.select.value) next.set(c.key, c.select.value); else next.delete(c.key) })
      if (query) next.set("q", query); else next.delete("q")
      var search = next.toString()
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash)
    }

    function apply() {
      var typed = input ? input.value.trim() : ""
      var query = fold(typed), short = compact(query)
      var shown = 0
      rows.forEach(function (row, i) {
        var visible = controls.every(function (c) {
          return !c.select.value || cellText(row.cells[c.index]) === c.select.value
        }) && (!query || texts[i].indexOf(query) >= 0 || compacts[i].indexOf(short) >= 0)
        row.hidden = !visible
        if (visible) shown++
      })
      count.textContent = bar.dataset.count + " " + shown + "/" + rows.length
      empty.hidden = shown > 0
      remember(typed)
    }
    apply()
  }

  document.querySelectorAll(".qms-filter").forEach(setup)
})()
