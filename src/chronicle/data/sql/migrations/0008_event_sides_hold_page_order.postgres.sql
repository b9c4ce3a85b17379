-- Migration 8 (PostgreSQL): events_by_source / events_by_target (migration 6) include the page
-- order's article and event ids too, so a page of a rare code or a dyad picks its rows by an
-- index-only scan and reads only the rows it sends.
DROP INDEX IF EXISTS events_by_source;
CREATE INDEX events_by_source ON events (source_code text_pattern_ops, target_code text_pattern_ops)
  INCLUDE (day, quad, type, source_country, target_country, source_sector, target_sector, article_id, id);
DROP INDEX IF EXISTS events_by_target;
CREATE INDEX events_by_target ON events (target_code text_pattern_ops, source_code text_pattern_ops)
  INCLUDE (day, quad, type, source_country, target_country, source_sector, target_sector, article_id, id);
