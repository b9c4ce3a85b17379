-- Migration 4: story signatures read in the order they were stored, so a writer picks up the
-- ones concurrent writers stored since it last looked (stories grouped across writers).
-- SQLite has the rowid already (writers take turns: BEGIN IMMEDIATE); this index finds a story's members.
CREATE INDEX IF NOT EXISTS story_signatures_story ON story_signatures (story_id);
