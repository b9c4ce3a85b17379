"""Benchmarks: quality and speed figures on the ../shared data sets (run with `make bench`)."""
