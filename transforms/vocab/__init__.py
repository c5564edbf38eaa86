"""Data of the transforms: the metric vocabulary (metrics.py)."""
