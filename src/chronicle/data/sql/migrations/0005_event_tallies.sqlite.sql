-- Migration 5: event counts kept at write time, in the transaction that stores the events, so
-- /timeline and /facets over the whole store (or filtered by type, quad class and, for the
-- timeline, dates) read a few thousand counts instead of every event. Filled here from the
-- events an older Chronicle stored; SqlStore._insert_analysis adds to them from then on.
-- day: the event's day ('' for none); quad: 0 for none; facet: country or sector (each side of an
-- event counted, as /facets counts them) or publisher (the article's).
CREATE TABLE IF NOT EXISTS event_day_counts (
  day  TEXT NOT NULL,
  type TEXT NOT NULL,
  quad INTEGER NOT NULL,
  n    INTEGER NOT NULL,
  PRIMARY KEY (day, type, quad)
);
CREATE TABLE IF NOT EXISTS event_facet_counts (
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  type  TEXT NOT NULL,
  quad  INTEGER NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (facet, value, type, quad)
);
INSERT INTO event_day_counts (day, type, quad, n)
  SELECT coalesce(day, ''), type, coalesce(quad, 0), count(*) FROM events GROUP BY 1, 2, 3;
INSERT INTO event_facet_counts (facet, value, type, quad, n)
  SELECT facet, value, type, quad, count(*) FROM (
    SELECT 'country' facet, source_country value, type, coalesce(quad, 0) quad FROM events
    UNION ALL SELECT 'country', target_country, type, coalesce(quad, 0) FROM events
    UNION ALL SELECT 'sector', source_sector, type, coalesce(quad, 0) FROM events
    UNION ALL SELECT 'sector', target_sector, type, coalesce(quad, 0) FROM events
    UNION ALL SELECT 'publisher', a.publisher, e.type, coalesce(e.quad, 0) FROM events e JOIN articles a ON a.id = e.article_id
  ) x WHERE value IS NOT NULL GROUP BY 1, 2, 3, 4;
