# Hai lệnh chính: `make site` (dựng trang mẫu vào site/) và `make test` (chạy toàn bộ kiểm thử).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test setup check clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build

check: $(STAMP)
	$(BIN)/qms check

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
