-- The team lead's review: when each version of a shared record arrived in this journal (this
-- computer's own clock, local only, never used to order what members wrote; NULL for what
-- arrived before this migration), and when this journal last went through a space's queue.
ALTER TABLE space_records ADD COLUMN arrived_at TEXT;
ALTER TABLE spaces ADD COLUMN reviewed_at TEXT;
