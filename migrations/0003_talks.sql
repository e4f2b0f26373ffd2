CREATE TABLE `calls` (
	`visit_id` text PRIMARY KEY NOT NULL,
	`open` integer DEFAULT false NOT NULL,
	`deadline` integer,
	`intro` text DEFAULT '' NOT NULL,
	`durations` text DEFAULT '[10]' NOT NULL,
	`languages` text DEFAULT '["nl"]' NOT NULL,
	`questions` text DEFAULT '[]' NOT NULL,
	`self_scheduling` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mail_templates` (
	`visit_id` text NOT NULL,
	`kind` text NOT NULL,
	`lang` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `kind`, `lang`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`photo_key` text,
	`consent` integer DEFAULT false NOT NULL,
	`availability` text DEFAULT '[]' NOT NULL,
	`needs` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speakers_visit_email_idx` ON `speakers` (`visit_id`,`email`);--> statement-breakpoint
CREATE TABLE `talk_files` (
	`id` text PRIMARY KEY NOT NULL,
	`talk_id` text NOT NULL,
	`speaker_id` text,
	`r2_key` text NOT NULL,
	`filename` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`current` integer DEFAULT true NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`talk_id`) REFERENCES `talks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `talk_files_r2_key_unique` ON `talk_files` (`r2_key`);--> statement-breakpoint
CREATE INDEX `talk_files_talk_idx` ON `talk_files` (`talk_id`);--> statement-breakpoint
CREATE TABLE `talk_reviews` (
	`talk_id` text NOT NULL,
	`person_id` text NOT NULL,
	`score` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`talk_id`, `person_id`),
	FOREIGN KEY (`talk_id`) REFERENCES `talks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `talk_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`venue_id` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`talk_id` text,
	`item_id` text,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`talk_id`) REFERENCES `talks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`item_id`) REFERENCES `programme_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `talk_slots_talk_id_unique` ON `talk_slots` (`talk_id`);--> statement-breakpoint
CREATE INDEX `talk_slots_visit_idx` ON `talk_slots` (`visit_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `talk_speakers` (
	`talk_id` text NOT NULL,
	`speaker_id` text NOT NULL,
	`role` text DEFAULT 'main' NOT NULL,
	`token_hash` text NOT NULL,
	`confirmed_at` integer,
	PRIMARY KEY(`talk_id`, `speaker_id`),
	FOREIGN KEY (`talk_id`) REFERENCES `talks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `talk_speakers_token_hash_unique` ON `talk_speakers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `talk_speakers_speaker_idx` ON `talk_speakers` (`speaker_id`);--> statement-breakpoint
CREATE TABLE `talks` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`title` text NOT NULL,
	`abstract` text DEFAULT '' NOT NULL,
	`duration_minutes` integer NOT NULL,
	`language` text DEFAULT 'nl' NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`internal_notes` text DEFAULT '' NOT NULL,
	`item_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `programme_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `talks_visit_state_idx` ON `talks` (`visit_id`,`state`);--> statement-breakpoint
CREATE INDEX `talks_item_idx` ON `talks` (`item_id`);