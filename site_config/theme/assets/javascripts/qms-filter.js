/*
 * Filters of the register tables (master list, documents by kind, forms index, legal register,
 * review list). builder/site_pages/common.py:filter_bar writes a placeholder
 *   <div class="qms-filter" data-columns="Loại|Đơn vị soạn thảo|Tình trạng" data-text="..." ...>
 * before a table; this script turns it into one drop-down per named column (values taken from
 * the table itself) and a text box that ignores diacritics. Labels come from the placeholder, so
 * the wording lives with the other Vietnamese labels in builder/labels.py. Without script, the
 * whole table is shown.
 */
(function () {
  "use strict"

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
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
    var controls = []

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
      select.addEventListener("change", apply)
      label.appendChild(select)
      bar.appendChild(label)
      controls.push({ index: index, select: select })
    })

    var input = null
    if (bar.dataset.text) {
      input = document.createElement("input")
      input.type = "search"
      input.placeholder = bar.dataset.text
      input.setAttribute("aria-label", bar.dataset.text)
      input.addEventListener("input", apply)
      bar.appendChild(input)
    }
    var count = document.createElement("output")
    bar.appendChild(count)

    function apply() {
      var query = input ? fold(input.value.trim()) : ""
      var shown = 0
      rows.forEach(function (row, i) {
        var visible = controls.every(function (c) {
          return !c.select.value || cellText(row.cells[c.index]) === c.select.value
        }) && (!query || texts[i].indexOf(query) >= 0)
        row.hidden = !visible
        if (visible) shown++
      })
      count.textContent = bar.dataset.count + " " + shown + "/" + rows.length
    }
    apply()
  }

  document.querySelectorAll(".qms-filter").forEach(setup)
})()
