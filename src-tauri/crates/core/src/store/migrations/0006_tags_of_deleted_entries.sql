-- 0006: a deleted entry keeps no tags (deletion removes them from now on, as it removes the
-- entry's text), so the tag list is read from the tag index alone, without a join per tag.
DELETE FROM entry_tags WHERE entry_id IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL);
