"""The checks: one module per topic, each rule a small registered function (see registry.py);
runner.py runs them all."""
