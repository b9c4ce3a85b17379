-- Chronicle store schema, migration 1 (SQLite dialect): the tables as they were before
-- versioned migrations. Written IF NOT EXISTS, so a store made by an older Chronicle (which ran
-- this schema on every open, without a schema_version table) is taken up as version 1 unchanged.
-- Never edit a migration that has shipped: add the next one (see README "Schema migrations").

-- One clean article per content hash; list and dict fields are JSON text.
CREATE TABLE IF NOT EXISTS articles (
  id          TEXT PRIMARY KEY,
  source      TEXT NOT NULL,
  url         TEXT,
  publisher   TEXT,
  title       TEXT,
  published   TEXT,
  agency      TEXT,
  section     TEXT,
  byline      TEXT,
  language    TEXT,
  format      TEXT,
  body        TEXT NOT NULL,
  boilerplate TEXT NOT NULL DEFAULT '[]',
  links       TEXT NOT NULL DEFAULT '[]',
  meta        TEXT NOT NULL DEFAULT '{}',
  story_id    TEXT,
  added       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id);

-- Every document source that gave an article (several sources may give the same article id).
CREATE TABLE IF NOT EXISTS documents (
  source     TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  added      TEXT NOT NULL
);

-- Documents that could not go through a stage: one row per source and stage, latest run wins.
CREATE TABLE IF NOT EXISTS failures (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL,
  stage  TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  time   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_source ON failures (source);

-- Ingest progress: a source listed here is done and skipped by the next run.
CREATE TABLE IF NOT EXISTS progress (
  source TEXT PRIMARY KEY,
  done   TEXT NOT NULL
);

-- What the analysis stage said about an article as a whole.
CREATE TABLE IF NOT EXISTS analyses (
  article_id TEXT PRIMARY KEY,
  language   TEXT,
  skipped    TEXT
);

CREATE TABLE IF NOT EXISTS actors (
  article_id TEXT NOT NULL,
  id         TEXT NOT NULL,
  code       TEXT,
  name       TEXT,
  country    TEXT,
  sector     TEXT,
  kind       TEXT,
  role       TEXT,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS mentions (
  article_id TEXT NOT NULL,
  actor_id   TEXT,
  text       TEXT NOT NULL,
  start_char INTEGER NOT NULL,
  end_char   INTEGER NOT NULL,
  code       TEXT,
  country    TEXT,
  sector     TEXT,
  name       TEXT,
  kind       TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);

-- Filter columns are copied out of the event; ``data`` keeps the whole Event as JSON.
CREATE TABLE IF NOT EXISTS events (
  article_id     TEXT NOT NULL,
  id             TEXT NOT NULL,
  type           TEXT NOT NULL,
  cameo          TEXT,
  source_code    TEXT,
  source_name    TEXT,
  source_country TEXT,
  target_code    TEXT,
  target_name    TEXT,
  target_country TEXT,
  day            TEXT,
  data           TEXT NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_day ON events (day);

CREATE TABLE IF NOT EXISTS quotes (
  article_id   TEXT NOT NULL,
  id           TEXT NOT NULL,
  kind         TEXT NOT NULL,
  speaker      TEXT,
  speaker_code TEXT,
  day          TEXT,
  data         TEXT NOT NULL,
  PRIMARY KEY (article_id, id)
);

-- Near-duplicate groups; members point here through articles.story_id.
CREATE TABLE IF NOT EXISTS stories (
  id      TEXT PRIMARY KEY,
  title   TEXT,
  created TEXT NOT NULL
);

-- MinHash signature of each article, so a later ingest joins earlier stories.
CREATE TABLE IF NOT EXISTS story_signatures (
  article_id TEXT PRIMARY KEY,
  story_id   TEXT NOT NULL,
  signature  BLOB NOT NULL
);

-- Cross-document boilerplate counts per publisher group (CrossDocumentBoilerplate.to_dict()
-- "groups" entries as JSON), so a later ingest goes on learning from where the last one stopped.
CREATE TABLE IF NOT EXISTS boilerplate_groups (
  name TEXT PRIMARY KEY,
  data TEXT NOT NULL
);

-- Full-text index over title and body. unicode61 with remove_diacritics; combining marks (Mn)
-- count as letters so Persian words with vowel marks are not split.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, body, content='articles', content_rowid='rowid',
  tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co Mn Mc'"
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
