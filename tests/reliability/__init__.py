"""Reliability loops: concurrent, killed and damaged runs, concurrent `new` (`pytest -m reliability`)."""
