"""Helpers shared by the tests (not tests themselves): repositories, git, PDFs, Word files, the browser."""
