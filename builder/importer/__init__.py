"""`qms import`: existing Word (.docx) procedures and forms brought in as controlled Markdown.

Modules, in the order a file goes through them:
- sources.py    which files, and whether each is a readable .docx (password, .doc, PDF...)
- convert.py    Word → pandoc JSON AST and images, many files per pandoc process
- docx_xml.py   the Word page header (pandoc skips it) and the layout-loss heuristic
- ast.py        plain text and span-expanded grids from the AST
- words.py      the Vietnamese labels and values (dates, issue numbers, names, positions)
- control.py    control header, sign-off grid, change table, records table
- sections.py   numbered sections → Markdown headings
- analyse.py    all of the above for one file: an Analysis
- markdown.py   AST → the project's Markdown
- batch.py      the options and what the files of one run share (codes in use, earlier imports)
- codes.py      kind and code of a document; one code never taken by two Word files
- values.py     front-matter values (issue, dates, sign-offs, unit, changes, records, citations)
- paths.py      where the document, its images and its kept Word original go
- plan.py       Analysis → front matter, body and files (placeholders where the file is silent)
- frontmatter.py, output.py   writing the result atomically
- run.py        one run over many files, then the project's checks
- report.py     the per-file report and the summary table
- texts.py      every Vietnamese text of the import
"""
from builder.importer.batch import Options
from builder.importer.run import FileResult, import_files

__all__ = ["FileResult", "Options", "import_files"]
