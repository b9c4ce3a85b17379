-- Migration 8: events_by_source / events_by_target (migration 6) end in the page order's article
-- and event ids too, so a page of a rare code or a dyad picks its rows by their index alone and
-- reads only the rows it sends (before: every event of the dyad, with its JSON and article).
DROP INDEX IF EXISTS events_by_source;
CREATE INDEX events_by_source ON events (source_code, target_code, day, quad, type,
  source_country, target_country, source_sector, target_sector, article_id, id);
DROP INDEX IF EXISTS events_by_target;
CREATE INDEX events_by_target ON events (target_code, source_code, day, quad, type,
  source_country, target_country, source_sector, target_sector, article_id, id);
