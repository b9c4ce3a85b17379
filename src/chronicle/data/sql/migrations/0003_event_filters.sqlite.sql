-- Migration 3: what the HTTP API filters and pages events and quotes on, copied out of their JSON.
-- quad: CAMEO root's quad class, else the PLOVER type's (data/export/crosswalks.yaml as of this
-- migration; new rows take it from that file when they are written). Keyset pages read the
-- *_order indexes; articles.added serves ``updated_since``.
ALTER TABLE events ADD COLUMN quad INTEGER;
ALTER TABLE events ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN source_sector TEXT;
ALTER TABLE events ADD COLUMN target_sector TEXT;
ALTER TABLE events ADD COLUMN sentence TEXT;
UPDATE events SET
  confidence = json_extract(data, '$.confidence'),
  source_sector = json_extract(data, '$.source.sector'),
  target_sector = json_extract(data, '$.target.sector'),
  sentence = json_extract(data, '$.sentence'),
  quad = CASE
    WHEN substr(coalesce(cameo, ''), 1, 2) BETWEEN '01' AND '05' THEN 1
    WHEN substr(coalesce(cameo, ''), 1, 2) BETWEEN '06' AND '08' THEN 2
    WHEN substr(coalesce(cameo, ''), 1, 2) BETWEEN '09' AND '13' THEN 3
    WHEN substr(coalesce(cameo, ''), 1, 2) BETWEEN '14' AND '20' THEN 4
    WHEN type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE') THEN 1
    WHEN type IN ('COOPERATE', 'AID', 'RETREAT') THEN 2
    WHEN type IN ('REQUEST', 'ACCUSE', 'REJECT', 'THREATEN') THEN 3
    WHEN type IN ('PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT') THEN 4
  END;
ALTER TABLE quotes ADD COLUMN text TEXT;
UPDATE quotes SET text = json_extract(data, '$.text');
CREATE INDEX IF NOT EXISTS events_order ON events (coalesce(day, ''), article_id, id);
CREATE INDEX IF NOT EXISTS events_type_order ON events (type, coalesce(day, ''), article_id, id);
-- timeline counts read this index alone, never the events' JSON
CREATE INDEX IF NOT EXISTS events_counts ON events (day, quad, type);
CREATE INDEX IF NOT EXISTS events_id ON events (id);
-- a dyad (source, target codes) from the index; PostgreSQL: text_pattern_ops answers LIKE 'RUS%'
CREATE INDEX IF NOT EXISTS events_source ON events (source_code, target_code);
CREATE INDEX IF NOT EXISTS events_target ON events (target_code);
CREATE INDEX IF NOT EXISTS quotes_order ON quotes (coalesce(day, ''), article_id, id);
CREATE INDEX IF NOT EXISTS articles_order ON articles (coalesce(published, ''), id);
CREATE INDEX IF NOT EXISTS articles_added ON articles (added);
CREATE INDEX IF NOT EXISTS actors_code ON actors (code);
