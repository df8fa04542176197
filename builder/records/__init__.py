"""Records of the yearly QMS cycle (hồ sơ): audits, corrective actions, risks, surveys, reviews,
trainings, inspections and read-and-understood confirmations, one Markdown file each."""
