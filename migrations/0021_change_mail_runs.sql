-- Issue 19: a release's change mails leave the publish request. Publishing records here, in the same batch as
-- the release, that its guests are to be told (one row per release, only when the visit has guests who want
-- these mails); the scheduled job works through the guests in id order, a bounded page per run, and moves
-- `after` (the last guest id done) in the same batch as the mails it queues: a run that dies is resumed where
-- the last one stopped, with no mail lost or doubled. The row goes when every guest is done.
CREATE TABLE `change_mail_runs` (
	`release_id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`after` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `change_mail_runs_created_idx` ON `change_mail_runs` (`created_at`);
--> statement-breakpoint
-- The job reads a visit's guests a page at a time from the last one done: without this, each page would read
-- and sort every registration of the visit.
CREATE INDEX `rsvps_visit_id_idx` ON `rsvps` (`visit_id`,`id`);
