"""The meaning of a document body: CommonMark with GitHub's tables, strikethrough, autolinks and
task lists, as the pull-request preview shows it. One parser reads a body once; its HTML is what
the site shows and what pandoc turns into the printed copy (see docs/markdown-dialect.md)."""
