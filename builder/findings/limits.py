"""Bounds on what one document may ask of the build: every bound has a finding that names it
(rule_texts.py) and every reader enforces it (documents/), so work stays linear in the input."""
MAX_FILE_MB = 5                 # one document file
MAX_FRONT_MATTER_KB = 256       # the YAML between the '---' lines
MAX_YAML_DEPTH = 20             # nesting of mappings and lists
MAX_YAML_NODES = 20_000         # values in one front matter
