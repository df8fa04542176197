"""The `qms` command: one group, its commands in the modules beside this one.

Exit codes: 0 ok, 1 findings or failure, 2 usage error.
"""
from __future__ import annotations

import click

from builder.cli import (checks, documents, fidelity, importing, portal,
                         preview, printing, records, report, signing)
from builder.cli.click_vi import install as vietnamese_click
from builder.cli.click_vi import localise
from builder.cli.options import CONTEXT

vietnamese_click()


@click.group(context_settings=CONTEXT)
def main():
    """Kiểm soát tài liệu hệ thống quản lý chất lượng TCVN ISO 9001:2015."""


for command in (checks.check, checks.rules, documents.new, documents.approve, documents.impact,
                documents.reassign, documents.codeowners, importing.import_, printing.pdf_command,
                printing.issue_copy, printing.recall, fidelity.fidelity, signing.sign, signing.keys,
                records.record, report.report_command, preview.serve,
                portal.portal):
    main.add_command(command)
localise(main)


if __name__ == "__main__":
    main()
