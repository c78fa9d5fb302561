"""Kept for imports of ``dragoman.runner``: the runners live in ``dragoman.runners``."""
from .runners import LocalRunner, ProcessRunner, Runner, make_runner

__all__ = ["Runner", "LocalRunner", "ProcessRunner", "make_runner"]
