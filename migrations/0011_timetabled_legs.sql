-- A train (or a timetabled bus) into an item runs to the times the organiser entered: they are checked against
-- the items before and after, not a speed.
ALTER TABLE `programme_items` ADD `leg_departs_at` integer;--> statement-breakpoint
ALTER TABLE `programme_items` ADD `leg_arrives_at` integer;
