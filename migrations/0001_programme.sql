CREATE TABLE `host_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`host_name` text NOT NULL,
	`host_email` text NOT NULL,
	`host_phone` text DEFAULT '' NOT NULL,
	`venue_name` text NOT NULL,
	`venue_kind` text NOT NULL,
	`address` text NOT NULL,
	`lat` real,
	`lng` real,
	`capacity` integer,
	`step_free` integer,
	`toilet` integer,
	`shelter` integer,
	`notes` text DEFAULT '' NOT NULL,
	`venue_id` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `host_offers_team_status_idx` ON `host_offers` (`team_id`,`status`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`name` text NOT NULL,
	`function` text DEFAULT 'other' NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`group_id` text,
	`dietary_needs` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `participants_visit_idx` ON `participants` (`visit_id`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`snapshot` text NOT NULL,
	`changes` text NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_visit_number_idx` ON `releases` (`visit_id`,`number`);--> statement-breakpoint
ALTER TABLE `teams` ADD `host_signup_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `teams_host_signup_token_hash_unique` ON `teams` (`host_signup_token_hash`);