"""The preview for editing (`qms serve`): pages made on demand from the checked catalog, drafts
and documents with errors shown under a banner with their findings, refreshed on every save."""
