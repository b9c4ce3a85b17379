-- Migration 9 (PostgreSQL): a filtered event page's keys read from an index alone.
-- events_scan holds the day itself beside its coalesce() key: PostgreSQL plans an index-only scan
-- only when every column a query names is in the index, the base column of an expression too.
-- A page of country + quad on 1M events: 17 ms through the heap, 3 ms from the index.
-- events_dyad: the page order within a pair of country-level codes (left three characters of each
-- side), so a dyad's page is a range of one index (0.3 ms) instead of a filtered scan of one side.
DROP INDEX IF EXISTS events_scan;
CREATE INDEX IF NOT EXISTS events_scan ON events (coalesce(day, ''), article_id, id)
  INCLUDE (day, source_code, target_code, source_country, target_country, source_sector, target_sector, quad, type,
           cameo, confidence);
CREATE INDEX IF NOT EXISTS events_dyad ON events (left(source_code, 3), left(target_code, 3), coalesce(day, ''),
  article_id, id);
-- events_source_day / events_target_day: the page order of each side's country-level code, so a
-- page of a country's events merges the newest keys of both sides (1 ms) instead of walking the
-- page order for either side (7-10 ms for a country in 3% of the events).
CREATE INDEX IF NOT EXISTS events_source_day ON events (left(source_code, 3), coalesce(day, ''), article_id, id);
CREATE INDEX IF NOT EXISTS events_target_day ON events (left(target_code, 3), coalesce(day, ''), article_id, id);
