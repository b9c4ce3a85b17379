-- Migration 7: event counts per country-level actor code (the first three characters of a code,
-- CAMEO's country or group segment), day and quad class, kept at write time beside those of
-- migration 5, so an actor's /timeline (actor=RUS, with quad and dates) reads one actor's few
-- thousand counts instead of sorting every event of it. An event counts once per code it names
-- on either side (RUS -> RUS once). Filled here from the events an older Chronicle stored.
CREATE TABLE IF NOT EXISTS event_actor_counts (
  actor TEXT NOT NULL,
  day   TEXT NOT NULL,
  quad  INTEGER NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (actor, day, quad)
) WITHOUT ROWID;  -- one actor's counts lie together, read in key order
INSERT INTO event_actor_counts (actor, day, quad, n)
  SELECT actor, d, q, count(*) FROM (
    SELECT substr(source_code, 1, 3) AS actor, coalesce(day, '') AS d, coalesce(quad, 0) AS q FROM events
      WHERE length(source_code) >= 3
    UNION ALL SELECT substr(target_code, 1, 3), coalesce(day, ''), coalesce(quad, 0) FROM events
      WHERE length(target_code) >= 3
        AND (source_code IS NULL OR length(source_code) < 3 OR substr(source_code, 1, 3) <> substr(target_code, 1, 3))
  ) x GROUP BY 1, 2, 3;
