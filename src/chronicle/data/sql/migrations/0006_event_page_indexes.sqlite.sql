-- Migration 6: indexes that answer the API's event filters from the index alone.
-- events_scan: the page order (newest day, article, id) with every column a filter reads, so a
-- page whose filters no index range answers (country, sector, quad, a common actor) checks each
-- row in the index and reads only the rows it sends. It replaces events_order (its first columns).
-- events_by_source / events_by_target: a code prefix of either side (actor, dyad) with what the
-- aggregates count, so a timeline or facets of one actor never reads the events' JSON.
CREATE INDEX IF NOT EXISTS events_scan ON events (coalesce(day, ''), article_id, id, source_code, target_code,
  source_country, target_country, source_sector, target_sector, quad, type, cameo, confidence);
DROP INDEX IF EXISTS events_order;
CREATE INDEX IF NOT EXISTS events_by_source ON events (source_code, target_code, day, quad, type,
  source_country, target_country, source_sector, target_sector);
CREATE INDEX IF NOT EXISTS events_by_target ON events (target_code, source_code, day, quad, type,
  source_country, target_country, source_sector, target_sector);
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
