-- Migration 6 (PostgreSQL): indexes that answer the API's event filters from the index alone.
-- events_scan: the page order (newest day, article, id) with every column a filter reads (see the
-- SQLite twin). It replaces events_order (its first columns).
-- events_by_source / events_by_target: a code prefix of either side (actor, dyad;
-- text_pattern_ops answers LIKE 'RUS%') with what the aggregates count, for index-only scans.
CREATE INDEX IF NOT EXISTS events_scan ON events (coalesce(day, ''), article_id, id)
  INCLUDE (source_code, target_code, source_country, target_country, source_sector, target_sector, quad, type,
           cameo, confidence);
DROP INDEX IF EXISTS events_order;
CREATE INDEX IF NOT EXISTS events_by_source ON events (source_code text_pattern_ops, target_code text_pattern_ops)
  INCLUDE (day, quad, type, source_country, target_country, source_sector, target_sector);
CREATE INDEX IF NOT EXISTS events_by_target ON events (target_code text_pattern_ops, source_code text_pattern_ops)
  INCLUDE (day, quad, type, source_country, target_country, source_sector, target_sector);
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
