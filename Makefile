# Hai lệnh chính: `make site` (dựng trang mẫu vào site/) và `make test` (chạy toàn bộ kiểm thử).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints a red MkDocs 2 banner on every build unless this is set.
export NO_MKDOCS_2_WARNING := true

.PHONY: site test setup check clean bench fidelity bench-hostile bench-portal sample-keys

N ?= 1000
COMMITS ?= 10
BENCH_VENV := .bench-venv

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/qms check

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache

# Benchmark beside plain MkDocs, per-file git history and WeasyPrint (peers in their own venv).
$(BENCH_VENV)/.installed: bench/requirements-peers.txt bench/setup-peers.sh
	bash bench/setup-peers.sh $(BENCH_VENV)

bench: $(STAMP) $(BENCH_VENV)/.installed
	$(BIN)/python bench/run.py --n $(N) --commits $(COMMITS) --peers $(BENCH_VENV)

# `qms fidelity` on the sample, the spec examples and 91 real documents; writes docs/fidelity.md.
fidelity: $(STAMP)
	$(BIN)/python bench/fidelity.py

# `qms check` on pathological documents of 10 KB, 100 KB and 1 MB; writes a section of docs/benchmarks.md.
bench-hostile: $(STAMP)
	$(BIN)/python bench/pathological.py

# The province portal over 125 and 1,000 generated agencies served from 127.0.0.1; writes the
# section "Cổng tỉnh" of docs/benchmarks.md.
bench-portal: $(STAMP)
	$(BIN)/python bench/portal.py

# Khóa mẫu và chữ ký số của hệ thống mẫu (khóa bí mật chỉ nằm trong tests/keys/sample/).
sample-keys: $(STAMP)
	$(BIN)/python scripts/sample_keys.py
