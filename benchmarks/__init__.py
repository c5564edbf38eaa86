"""Benchmarks of hkstp-monitor: `make bench` (python -m benchmarks.run). Never part of the test suite."""
