"""Print output of the documents: master PDFs (Markdown → Typst with pandoc → PDF with typst),
stamped variants (uncontrolled, controlled copy, withdrawn), DOCX forms and controlled copies.

The layout lives in site_config/print/tai-lieu.typ; this package only supplies the data. No
MkDocs import here: the plugin and the CLI call `build.build_site_files` and `copies.issue_copies`.
"""
