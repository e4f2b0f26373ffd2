-- Issue 19: saving an item answers with its clashes, and only the items that can clash with it are read for
-- them: those that overlap it in time, found on the (visit, start) index from its start less the longest
-- item of the visit. This index gives that longest item in one step down (max of the expression), so an
-- item that spans the whole day is never missed and a programme of short items reads a short window.
CREATE INDEX `programme_items_visit_length_idx` ON `programme_items` (`visit_id`, (`ends_at` - `starts_at`));
