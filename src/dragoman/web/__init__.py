"""The views layer: a read-only JSON API and a server-rendered dashboard (``dragoman serve``)."""
from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
