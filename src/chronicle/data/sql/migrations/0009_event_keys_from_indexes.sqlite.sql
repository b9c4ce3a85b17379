-- Migration 9 (SQLite): events_dyad, the page order within a pair of country-level codes (first
-- three characters of each side), so a dyad's page is a range of one index instead of a count and
-- a filtered walk of one side's index (up to 80 ms cold on 1M events). SQLite reads other pages'
-- keys from its covering events_scan already (migration 6); PostgreSQL's twin adds what its
-- planner needs for the same.
CREATE INDEX IF NOT EXISTS events_dyad ON events (substr(source_code, 1, 3), substr(target_code, 1, 3),
  coalesce(day, ''), article_id, id);
