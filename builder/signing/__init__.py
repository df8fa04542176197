"""Who signed: SSH signatures over sign-offs (checked against organisation.yml's keys) and the
agency's certificate over published PDFs."""
