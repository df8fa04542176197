"""Rules whose failing cases live outside tests/integration/test_bad_documents.py (they need git
history, the print build, the build cache, or belong to the hostile-input corpus), by the test
module that holds them. A test checks
that each module named here does exercise each rule it is credited with."""

RULES_TESTED_ELSEWHERE = {
    "integration/test_record_rules.py": [
        'acknowledgement-incomplete', 'action-overdue', 'action-unverified', 'audit-clause',
        'audit-nonconformity-no-action', 'auditor-own-unit', 'duty-plan-disagrees', 'inspection-letter',
        'inspection-no-follow-up', 'record-closed-changed', 'record-closed-rewritten', 'record-closer',
        'record-date', 'record-document', 'record-folder', 'record-form-issue', 'record-id', 'record-link',
        'record-person', 'record-retention', 'record-unit', 'review-before-audit', 'review-input-missing',
        'risk-no-treatment', 'risk-not-evaluated', 'risk-scale', 'survey-below-target', 'survey-personal-data',
        'survey-rate'],
    "integration/test_iso18091.py": ['iso18091-config', 'iso18091-indicators', 'iso18091-no-action'],
    "integration/test_legal_changes.py": ['internal-audit-overdue', 'legal-update-due', 'legal-update-overdue', 'management-review-overdue', 'scope-changed'],
    "integration/test_parse_cache.py": ['cache-committed'],
    "unit/test_portal_config.py": ['portal-agency-id', 'portal-config', 'portal-url'],
    "integration/test_hostile_input.py": ['file-directory', 'file-extension', 'file-symlink', 'file-too-large',
                                          'hidden-text', 'page-collision', 'yaml-limit'],
    "integration/test_pdf.py": ['pdf-render'],
    "integration/test_pdf_signature.py": ['pdf-certificate'],
    "integration/test_signatures.py": ['secret-file', 'signature-content', 'signature-invalid', 'signature-key-date',
                                       'signature-key-owner', 'signature-missing'],
    "integration/test_copies.py": ['distribution-code', 'distribution-dates', 'distribution-person', 'distribution-unit'],
    "integration/test_revisions.py": ['approval-fingerprint', 'approval-unsigned', 'attachment-changed-without-revision', 'change-row-rewritten', 'signoff-before-previous', 'content-changed-without-revision', 'document-deleted', 'history-shallow', 'review-fingerprint', 'revision-approval', 'revision-effective-date', 'revision-sequence', 'status-back-to-draft', 'withdrawn-code-reused'],
}
