/*
 * The agencies' table of the portal's home page: sort by any column (click its heading, again to
 * reverse; lights by their badge's data-sort, missing values always last) and filter by level, by
 * name typed with or without diacritics, and "only agencies needing attention". The state is kept
 * in the address (?cap=so&q=...&van-de=1&cot=3&chieu=giam). On a phone each row reads as a card.
 * Without script the page is the plain table, in the configuration's order (scrolling sideways on
 * a phone).
 */
(function () {
  "use strict"

  var table = document.getElementById("pt-agencies")
  var bar = document.getElementById("pt-filter")
  if (!table || !bar || !table.tBodies.length) return
  var tbody = table.tBodies[0]
  var rows = Array.prototype.slice.call(tbody.rows)
  var titles = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim() })
  /* Each cell gets its column's name: on a phone each row is a card, "Column: value" per line. */
  rows.forEach(function (row, i) {
    row.setAttribute("data-order", i)
    Array.prototype.forEach.call(row.cells, function (cell, j) { cell.setAttribute("data-label", titles[j] || "") })
  })
  table.classList.add("pt-cards")
  var level = bar.querySelector("select[name=cap]")
  var sortColumn = bar.querySelector("select[name=cot]")
  var sortDirection = bar.querySelector("select[name=chieu]")
  var text = bar.querySelector("input[type=search]")
  var only = bar.querySelector("input[type=checkbox]")
  var count = bar.querySelector("output")
  var empty = document.querySelector(".pt-empty")
  var sorted = { column: -1, down: false }
  var params = new URLSearchParams(location.search)

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().replace(/\s+/g, " ").trim()
  }

  /* A light's sort value (its badge's data-sort: a number, or empty when there is no data), else
     the cell's text. */
  function key(row, column) {
    var cell = row.cells[column]
    if (!cell) return null
    var badge = cell.querySelector("[data-sort]")
    if (!badge) return cell.textContent.trim() || null
    var value = badge.getAttribute("data-sort")
    if (value === "") return null
    var n = Number(value)
    return isNaN(n) ? value : n
  }

  function compare(column, down) {
    return function (a, b) {
      var x = key(a, column), y = key(b, column)
      if (x === null || y === null) {
        if (x === y) return a.getAttribute("data-order") - b.getAttribute("data-order")
        return x === null ? 1 : -1                       /* missing values last, either way */
      }
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi")
      if (down) order = -order
      return order || a.getAttribute("data-order") - b.getAttribute("data-order")
    }
  }

  var buttons = Array.prototype.map.call(table.tHead.rows[0].cells, function (th, column) {
    var button = document.createElement("button")
    button.type = "button"
    button.className = "pt-sort"
    button.title = bar.getAttribute("data-sort-hint")
    while (th.firstChild) button.appendChild(th.firstChild)
    th.appendChild(button)
    button.addEventListener("click", function () {
      sort(column, sorted.column === column ? !sorted.down : false)
      remember()
    })
    return button
  })

  function sort(column, down) {
    sorted = { column: column, down: down }
    var order = column >= 0 ? rows.slice().sort(compare(column, down)) : rows
    order.forEach(function (row) { tbody.appendChild(row) })
    sortColumn.value = column >= 0 ? String(column) : ""
    sortDirection.value = down ? "giam" : ""
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === column) th.setAttribute("aria-sort", down ? "descending" : "ascending")
      else th.removeAttribute("aria-sort")
    })
  }

  function apply() {
    var query = fold(text.value)
    var shown = 0
    rows.forEach(function (row) {
      var visible = (!level.value || row.getAttribute("data-cap") === level.value) &&
        (!query || row.getAttribute("data-text").indexOf(query) >= 0) &&
        (!only.checked || row.getAttribute("data-problem") === "1")
      row.hidden = !visible
      if (visible) shown++
    })
    count.textContent = bar.getAttribute("data-count") + " " + shown + "/" + rows.length
    if (empty) empty.hidden = shown > 0
  }

  function remember() {
    var next = new URLSearchParams(location.search)
    var set = function (name, value) { if (value) next.set(name, value); else next.delete(name) }
    set("cap", level.value)
    set("q", text.value.trim())
    set("van-de", only.checked ? "1" : "")
    set("cot", sorted.column >= 0 ? String(sorted.column) : "")
    set("chieu", sorted.column >= 0 && sorted.down ? "giam" : "")
    var search = next.toString()
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash)
  }

  if (params.get("cap")) level.value = params.get("cap")
  text.value = params.get("q") || ""
  only.checked = params.get("van-de") === "1"
  var column = parseInt(params.get("cot"), 10)
  if (column >= 0 && column < buttons.length) sort(column, params.get("chieu") === "giam")
  ;[level, only].forEach(function (control) { control.addEventListener("change", function () { apply(); remember() }) })
  ;[sortColumn, sortDirection].forEach(function (control) {
    control.addEventListener("change", function () {
      sort(sortColumn.value === "" ? -1 : parseInt(sortColumn.value, 10), sortDirection.value === "giam")
      remember()
    })
  })
  text.addEventListener("input", function () { apply(); remember() })
  bar.hidden = false
  apply()
})()
