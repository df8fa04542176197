"""Core of the document-control system: model, loading, checks, registers, pages.

Nothing in this package imports MkDocs: the MkDocs plugin in ``plugins/`` and the ``qms``
command both call these functions.
"""
