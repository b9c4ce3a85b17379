"""``chronicle serve``: the HTTP API and the offline dashboard over a store (reads store and model only;
uploads go through the pipeline's ingest)."""

from __future__ import annotations

from .app import app_from_environment, create_app

__all__ = ["app_from_environment", "create_app"]
