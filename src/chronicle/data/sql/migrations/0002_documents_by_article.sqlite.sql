-- Migration 2: documents found by their article (stats' distinct count, "which sources gave this
-- article", re-analysis of articles ingested with --articles-only).
CREATE INDEX IF NOT EXISTS documents_article ON documents (article_id);
