"""``chronicle serve``: the HTTP API and the offline dashboard over a store (reads store and model only;
uploads go through the pipeline's ingest)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
