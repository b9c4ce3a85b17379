-- Migration 4: story signatures read in the order they were stored, so a writer picks up the
-- ones concurrent writers stored since it last looked (stories grouped across writers).
-- Filled under the stories' advisory lock, so seq order is commit order.
ALTER TABLE story_signatures ADD COLUMN IF NOT EXISTS seq BIGSERIAL;
CREATE UNIQUE INDEX IF NOT EXISTS story_signatures_seq ON story_signatures (seq);
CREATE INDEX IF NOT EXISTS story_signatures_story ON story_signatures (story_id);
