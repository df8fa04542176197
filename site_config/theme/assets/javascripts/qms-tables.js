/*
 * Tables that read on a phone and on a desk (every table of an article: registers, lists,
 * plans, objectives, the step tables of procedures).
 *
 * - Each cell gets the title of its column (data-label). On a phone (below 45em), and on any
 *   screen where the table would not fit its column of the page, the table gets data-qms-cards
 *   and qms.css shows each row as a small card, "Column: value" line by line, so no column is
 *   ever pushed off the screen or hidden behind a scroll bar. Checked again when the window
 *   changes size (a phone turned sideways).
 * - Columns of long text (a legal document's summary, a task, a step) get a minimum width from
 *   their content, so that a desk-width table does not squeeze them into a tall narrow strip
 *   while a short column (a date, a status) takes room it does not need.
 * Without script, tables keep Material's horizontal scrolling.
 */
(function () {
  "use strict"

  function text(cell) {
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : ""
  }

  function setup(table) {
    if (!table.tHead || !table.tHead.rows.length || table.closest(".qms-control-header")) return
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, text)
    if (headers.length < 3) return
    var lengths = headers.map(function () { return 0 })
    var rows = table.tBodies.length ? Array.prototype.slice.call(table.tBodies[0].rows) : []
    rows.forEach(function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (headers[i]) cell.setAttribute("data-label", headers[i])
        lengths[i] = Math.max(lengths[i] || 0, text(cell).length)
      })
    })
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var longest = lengths[i] || 0
      if (longest > 80) th.style.minWidth = "16em"
      else if (longest > 40) th.style.minWidth = "10em"
    })
    table.setAttribute("data-qms-stack", "")
    layout(table)
  }

  var PHONE = window.matchMedia("(max-width: 44.9375em)")

  /* Material wraps tables in a scroll box later, from its own script: measure against the
     article's width, which does not depend on it. */
  function layout(table) {
    table.removeAttribute("data-qms-cards")
    var article = table.closest("article")
    var room = article ? article.clientWidth : window.innerWidth
    var box = table.closest(".md-typeset__scrollwrap")
    var wide = table.scrollWidth > room + 1 || table.scrollWidth > table.clientWidth + 1 ||
      (box && box.scrollWidth > box.clientWidth + 1)
    if (PHONE.matches || wide)
      table.setAttribute("data-qms-cards", "")
  }

  var tables = document.querySelectorAll("article table")
  tables.forEach(setup)
  function again() {
    document.querySelectorAll("article table[data-qms-stack]").forEach(layout)
  }
  var pending = null
  window.addEventListener("resize", function () {
    clearTimeout(pending)
    pending = setTimeout(again, 150)
  })
  window.addEventListener("load", again)
})()
