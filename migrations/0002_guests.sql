CREATE TABLE `rsvps` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`party_size` integer NOT NULL,
	`dietary` text DEFAULT '[]' NOT NULL,
	`dietary_notes` text DEFAULT '' NOT NULL,
	`access_needs` text DEFAULT '' NOT NULL,
	`group_ids` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`token_hash` text NOT NULL,
	`lang` text DEFAULT 'nl' NOT NULL,
	`notify_changes` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rsvps_token_hash_unique` ON `rsvps` (`token_hash`);--> statement-breakpoint
CREATE INDEX `rsvps_visit_status_idx` ON `rsvps` (`visit_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `rsvps_visit_email_idx` ON `rsvps` (`visit_id`,`email`);--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_hash_unique` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_links_visit_idx` ON `share_links` (`visit_id`);--> statement-breakpoint
ALTER TABLE `visits` ADD `rsvp_capacity` integer;