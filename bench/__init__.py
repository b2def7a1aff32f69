"""Benchmarks of the kiosk: `python -m bench [--patrons N] [--quick]` (issue 8).

Each figure is printed as one JSON line {"name", "value", "unit", "goal", "n"}; the run ends
with a table. Baselines measured in the same run (a bare indexed SELECT, a bare relay call)
are printed as figures too, with the ratio, because absolute times on shared machines are noisy.
"""
