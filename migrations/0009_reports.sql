CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`category` text DEFAULT 'report' NOT NULL,
	`title` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`author_name` text DEFAULT '' NOT NULL,
	`show_programme` integer DEFAULT true NOT NULL,
	`show_talks` integer DEFAULT true NOT NULL,
	`published_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`public_version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_visit_id_unique` ON `reports` (`visit_id`);--> statement-breakpoint
CREATE INDEX `reports_status_published_idx` ON `reports` (`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `report_photos` (
	`report_id` text NOT NULL,
	`photo_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`report_id`, `photo_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`token_hash` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_comments_token_hash_unique` ON `report_comments` (`token_hash`);--> statement-breakpoint
CREATE INDEX `report_comments_report_status_idx` ON `report_comments` (`report_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`team_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`raised_by` text DEFAULT '' NOT NULL,
	`owner_id` text,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`show_on_report` integer DEFAULT false NOT NULL,
	`done_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_ups_visit_idx` ON `follow_ups` (`visit_id`,`status`);--> statement-breakpoint
CREATE INDEX `follow_ups_team_idx` ON `follow_ups` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `follow_ups_owner_idx` ON `follow_ups` (`owner_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `follow_up_events` (
	`id` text PRIMARY KEY NOT NULL,
	`follow_up_id` text NOT NULL,
	`actor_id` text,
	`changes` text DEFAULT '{}' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_up_events_follow_up_idx` ON `follow_up_events` (`follow_up_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `follow_up_reminders` (
	`person_id` text NOT NULL,
	`week` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `week`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
