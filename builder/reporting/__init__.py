"""Reporting upward: the figures of a year, drawn from what the system holds (documents, their
history, the legal register, the plan, objectives and records), each with its sources; the yearly
report, the site's report page and status.json all read them."""
