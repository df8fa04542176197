-- Batch conversion of document bodies in ONE pandoc process (`pandoc lua markdown.lua JOBS OUT`).
-- A body arrives as the HTML that builder/markup rendered from its Markdown (the same HTML the
-- site shows), so pandoc never parses Markdown itself: one meaning for the site and the print.
-- JOBS is a JSON object {marker, jobs = [{id, html, dir, to = "typst"|"docx"|"html", out?,
-- reference_doc?}]}; OUT receives a JSON object id -> {typst?, columns, error?, combined?, part?}.
-- A failing document is reported, never fatal for the batch: one bad document must not stop the
-- others.
--
-- DOCX: pandoc's docx writer costs ~22 ms a call whatever the size (it rebuilds the package
-- around the body), so the forms of a batch that share a reference document are written as ONE
-- docx, each form after a marker heading; builder/pdf/docx_batch.py then cuts that package into
-- one file per form (job result {combined = path, part = i}). The marker is a heading because
-- pandoc styles the paragraph after a heading as it styles the first of a document.

local json = pandoc.json
local READER = "html-auto_identifiers"

-- Typst markup shorthands that pandoc leaves alone: "..." becomes an ellipsis (forms use runs of
-- dots as fill-in lines) and "-", "+", "=" opening a line (after a <br> in a table cell) start a
-- list or a heading. Escape them so that the text prints as written.
local function literal(el)
  local out, rest = pandoc.List(), el.text
  local lead = rest:match("^[-+=]")
  if not lead and not rest:find("...", 1, true) then return nil end
  if lead then
    out:insert(pandoc.RawInline("typst", "\\" .. lead))
    rest = rest:sub(2)
  end
  while #rest > 0 do
    local s, e = rest:find("%.%.%.+")
    if not s then out:insert(pandoc.Str(rest)); break end
    if s > 1 then out:insert(pandoc.Str(rest:sub(1, s - 1))) end
    out:insert(pandoc.RawInline("typst", string.rep("\\.", e - s + 1)))
    rest = rest:sub(e + 1)
  end
  return out
end

-- Every identifier in the document, so that a link to a missing anchor prints as its text
-- (typst refuses a link to a label that does not exist, and one with an empty URL).
local function identifiers(doc)
  local ids = {}
  local function keep(el) if el.identifier and el.identifier ~= "" then ids[el.identifier] = true end end
  doc:walk({Header = keep, Div = keep, Span = keep, Table = keep, CodeBlock = keep, Link = keep, Image = keep})
  return ids
end

local function links(ids)
  return {
    Link = function(el)
      local anchor = el.target:match("^#(.*)$")
      if el.target == "" or (anchor and not ids[anchor]) then return el.content end
    end,
  }
end

-- Images written inline as data: URIs (an <svg> in the HTML, a pasted picture): pandoc's typst
-- writer emits image.decode, which typst no longer has. They go to typst as bytes instead.
local B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function unbase64(data)
  data = data:gsub("[^" .. B64 .. "=]", "")
  return (data:gsub(".", function(x)
    if x == "=" then return "" end
    local r, f = "", (B64:find(x, 1, true) - 1)
    for i = 6, 1, -1 do r = r .. (f % 2 ^ i - f % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end):gsub("%d%d%d?%d?%d?%d?%d?%d?", function(x)
    if #x ~= 8 then return "" end
    local c = 0
    for i = 1, 8 do c = c + (x:sub(i, i) == "1" and 2 ^ (8 - i) or 0) end
    return string.char(c)
  end))
end

local function data_image(el)
  local mime, encoding, payload = el.src:match("^data:([%w%+%-%.]+/[%w%+%-%.]+)[^,]-(;?[%w]*),(.*)$")
  if not mime then return nil end
  local raw = encoding == ";base64" and unbase64(payload) or payload
  local codes = {}
  for i = 1, #raw do codes[#codes + 1] = tostring(raw:byte(i)) end
  local format = mime:match("svg") and "svg" or (mime:match("png") and "png" or (mime:match("jpe?g") and "jpg" or "gif"))
  return pandoc.RawInline("typst", "#box(image(bytes((" .. table.concat(codes, ",") .. ",)), format: \"" .. format .. "\"))")
end

-- Each top-level table goes through the template's wide-table(columns)[...], which turns the
-- pages of a table too wide for portrait to landscape (only those pages). Nested tables stay
-- as they are: a page cannot start inside a list or a quote. A heading right above the table
-- goes with it, so it is never left alone at the foot of the previous page.
-- `blocks` with each block that `opening(block, out)` names (a Typst call such as
-- "#block(sticky: true)[") placed inside that call; `opening` may take the block before it
-- along (returned second), as a table takes its heading.
local function wrap_blocks(blocks, opening)
  local out = pandoc.Blocks({})
  for _, block in ipairs(blocks) do
    local call, before = opening(block, out)
    if call then
      out:insert(pandoc.RawBlock("typst", call))
      if before then out:insert(before) end
      out:insert(block)
      out:insert(pandoc.RawBlock("typst", "]"))
    else
      out:insert(block)
    end
  end
  return out
end

local function mark_wide_tables(blocks)
  return wrap_blocks(blocks, function(block, out)
    if block.t ~= "Table" then return nil end
    local heading = (#out > 0 and out[#out].t == "Header") and table.remove(out) or nil
    return "#wide-table(" .. #block.colspecs .. ")[", heading
  end)
end

-- Column alignment for print: a column whose filled cells are all numbers (counts, amounts,
-- percentages) is right-aligned, every other column left-aligned. Pandoc reads HTML tables
-- without alignment, and its Typst table inherits the centring of the figure around it, which
-- centred long step descriptions too.
local function is_number(text)
  return text:match("^[%d%s%.,%%‰+%-]+$") ~= nil and text:match("%d") ~= nil
end

-- Column widths follow the content: each column's share of the width grows with its longest
-- text (capped, so one long cell does not take the page) and is never less than its longest
-- word; an empty column of a form to fill in keeps room for handwriting.
local WIDTH_CAP, EMPTY_WIDTH = 48, 14
local CHARS_PER_LINE = 75     -- about what a portrait A4 line holds in 12 pt Times

local function longest_word(text)
  local best = 0
  for word in text:gmatch("%S+") do best = math.max(best, utf8.len(word) or #word) end
  return best
end

local function align_columns(tbl)
  local numeric, filled, longest, word = {}, {}, {}, {}
  for i = 1, #tbl.colspecs do numeric[i], filled[i], longest[i], word[i] = true, false, 0, 0 end
  local function measure(i, text, header)
    if i > #numeric or text == "" then return end
    longest[i] = math.max(longest[i], utf8.len(text) or #text)
    word[i] = math.max(word[i], longest_word(text))
    if not header then
      filled[i] = true
      if not is_number(text) then numeric[i] = false end
    end
  end
  local function cells(rows, header)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        measure(i, (pandoc.utils.stringify(cell.contents):gsub("^%s+", ""):gsub("%s+$", "")), header)
      end
    end
  end
  cells(tbl.head.rows, true)
  for _, body in ipairs(tbl.bodies) do cells(body.body, false) end
  local weights, total = {}, 0
  for i = 1, #tbl.colspecs do
    local w = filled[i] and math.min(longest[i], WIDTH_CAP) or math.max(longest[i], EMPTY_WIDTH)
    weights[i] = math.max(w, word[i] + 1, 4)
    total = total + weights[i]
  end
  -- a column is at least as wide as its longest word (a header such as "Bước" never breaks)
  local shares, sum = {}, 0
  for i = 1, #tbl.colspecs do
    shares[i] = math.max(weights[i] / total, (word[i] + 2) / CHARS_PER_LINE)
    sum = sum + shares[i]
  end
  for i, spec in ipairs(tbl.colspecs) do
    local align = (numeric[i] and filled[i]) and "AlignRight" or "AlignLeft"
    tbl.colspecs[i] = {pandoc[align] or align, shares[i] / sum}
  end
  return tbl
end

local function filters(job, stats)
  local prefix = job.dir ~= "" and (job.dir .. "/") or ""
  return {
    Str = job.to == "typst" and literal or nil,
    Image = function(el)
      if job.to == "typst" and el.src:match("^data:") then return data_image(el) end
      -- Paths in a document are relative to its file; typst and docx resolve from the repository root.
      if not el.src:match("^%a[%w+.-]*:") and not el.src:match("^/") then
        el.src = (job.to == "typst" and "/" or "") .. prefix .. el.src
      end
      return el
    end,
    Table = function(tbl)
      -- Let the renderer size columns from their content instead of the dash counts.
      stats.columns = math.max(stats.columns, #tbl.colspecs)
      for i, spec in ipairs(tbl.colspecs) do tbl.colspecs[i] = {spec[1], pandoc.ColWidthDefault} end
      for _, row in ipairs(tbl.head.rows) do
        for _, cell in ipairs(row.cells) do
          cell.contents = pandoc.Blocks(cell.contents):walk({
            Plain = function(p) return pandoc.Plain({pandoc.Strong(p.content)}) end})
        end
      end
      -- in the same walk: handing a table to Lua costs more than the work done on it
      return job.to == "typst" and align_columns(tbl) or tbl
    end,
  }
end

-- Forms write their part titles as bold capitals ("**PHẦN C. XÁC NHẬN HIỆU LỰC** (do ...)"), not
-- as headings: such a paragraph is kept with what follows, like a heading, so it never stands
-- alone at the foot of a page.
local function is_title(block)
  if block.t ~= "Para" or #block.content == 0 or block.content[1].t ~= "Strong" then return false end
  local text = pandoc.utils.stringify(block.content[1])
  return text:match("%a") ~= nil and pandoc.text.upper(text) == text and utf8.len(text) >= 4
end

local function keep_titles_with_next(blocks)
  return wrap_blocks(blocks, function(block) return is_title(block) and "#block(sticky: true)[" or nil end)
end

-- Each walk hands every element of its kinds to Lua, which costs more than reading the HTML:
-- a walk runs only when the HTML holds what it looks for.
local function convert(job)
  local stats = {columns = 0}
  local html = job.html
  local doc = pandoc.read(html, READER)
  local has_table = html:find("<table", 1, true)
  -- pandoc makes an Image of <img>, of an inline <svg> and of other embedded media
  local has_image = false
  for _, tag in ipairs({"<img", "<svg", "<object", "<embed", "<video", "<audio", "<picture", "<iframe"}) do
    if html:find(tag, 1, true) then has_image = true end
  end
  local wanted = filters(job, stats)
  if not has_table then wanted.Table = nil end
  if not has_image then wanted.Image = nil end
  -- a Str needs escaping only for "..." or a leading -, +, = (after a space, a tag or a line start)
  if job.to == "typst" and not html:find("...", 1, true) and not html:find("[%s>][-+=]") then wanted.Str = nil end
  if next(wanted) then doc = doc:walk(wanted) end
  if html:find('href="#', 1, true) or html:find('href=""', 1, true) then
    doc = doc:walk(links(identifiers(doc)))
  end
  if job.to == "typst" then
    doc.blocks = mark_wide_tables(keep_titles_with_next(doc.blocks))
  end
  if job.to == "docx" then
    return {columns = stats.columns}, doc   -- written with the others of its reference document
  end
  if job.to == "html" then  -- what pandoc understood, for `qms fidelity`
    -- no highlighting: it adds line anchors that are not the document's links
    return {typst = pandoc.write(doc, "html", {highlight_method = "none"}), columns = stats.columns}
  end
  return {typst = pandoc.write(doc, "typst"), columns = stats.columns}
end

local function write_docx(doc, reference_doc, path)
  local opts = {}
  if reference_doc then opts.reference_doc = reference_doc end
  local bytes = pandoc.write(doc, "docx", opts)
  local handle = assert(io.open(path, "wb"))
  handle:write(bytes)
  handle:close()
end

-- The docx jobs of one reference document: one write for all (see the top); if that write fails,
-- each form is written alone so that the failure stays with the form that caused it.
local function write_docx_group(group, marker, path, results)
  if #group > 1 then
    local blocks = pandoc.Blocks({})
    for i, item in ipairs(group) do
      blocks:insert(pandoc.Header(1, {pandoc.Str(marker .. "-" .. (i - 1))}))
      blocks:extend(item.doc.blocks)
    end
    if pcall(write_docx, pandoc.Pandoc(blocks), group[1].job.reference_doc, path) then
      for i, item in ipairs(group) do
        item.result.combined, item.result.part = path, i - 1
      end
      return
    end
  end
  for _, item in ipairs(group) do
    local ok, err = pcall(write_docx, item.doc, item.job.reference_doc, item.job.out)
    if not ok then results[item.job.id] = {error = tostring(err):match("^[^\n]*")} end
  end
end

local handle = assert(io.open(arg[1], "rb"))
local batch = json.decode(handle:read("a"), false)
handle:close()
local results, docx_groups, group_order = {}, {}, {}
for _, job in ipairs(batch.jobs) do
  local ok, result, doc = pcall(convert, job)
  results[job.id] = ok and result or {error = tostring(result):match("^[^\n]*")}
  if ok and doc then
    local key = job.reference_doc or ""
    if not docx_groups[key] then docx_groups[key] = {}; table.insert(group_order, key) end
    table.insert(docx_groups[key], {job = job, doc = doc, result = result})
  end
end
for i, key in ipairs(group_order) do
  write_docx_group(docx_groups[key], batch.marker, arg[2] .. "." .. i .. ".docx", results)
end
local out = assert(io.open(arg[2], "wb"))
out:write(json.encode(results))
out:close()
