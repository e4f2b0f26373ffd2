CREATE TABLE `photo_links` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`credit` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`person_id` text,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photo_links_token_hash_unique` ON `photo_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `photo_links_visit_idx` ON `photo_links` (`visit_id`);--> statement-breakpoint
CREATE TABLE `photo_settings` (
	`visit_id` text PRIMARY KEY NOT NULL,
	`max_file_bytes` integer DEFAULT 52428800 NOT NULL,
	`max_visit_bytes` integer DEFAULT 2147483648 NOT NULL,
	`gallery_version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `photo_upload_parts` (
	`upload_id` text NOT NULL,
	`part_number` integer NOT NULL,
	`etag` text,
	`size_bytes` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`upload_id`, `part_number`),
	FOREIGN KEY (`upload_id`) REFERENCES `photo_uploads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `photo_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`person_id` text,
	`link_id` text,
	`uploader_name` text DEFAULT '' NOT NULL,
	`uploader_email` text DEFAULT '' NOT NULL,
	`r2_key` text NOT NULL,
	`r2_upload_id` text NOT NULL,
	`filename` text NOT NULL,
	`fingerprint` text DEFAULT '' NOT NULL,
	`size_bytes` integer NOT NULL,
	`part_size` integer NOT NULL,
	`content_type` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`touched_at` integer NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`link_id`) REFERENCES `photo_links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photo_uploads_r2_key_unique` ON `photo_uploads` (`r2_key`);--> statement-breakpoint
CREATE INDEX `photo_uploads_visit_idx` ON `photo_uploads` (`visit_id`);--> statement-breakpoint
CREATE INDEX `photo_uploads_touched_idx` ON `photo_uploads` (`touched_at`);--> statement-breakpoint
CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`item_id` text,
	`person_id` text,
	`link_id` text,
	`uploader_name` text DEFAULT '' NOT NULL,
	`uploader_email` text DEFAULT '' NOT NULL,
	`filename` text NOT NULL,
	`original_key` text NOT NULL,
	`original_type` text NOT NULL,
	`original_bytes` integer NOT NULL,
	`web_key` text NOT NULL,
	`web_width` integer NOT NULL,
	`web_height` integer NOT NULL,
	`web_bytes` integer NOT NULL,
	`thumb_key` text NOT NULL,
	`thumb_width` integer NOT NULL,
	`thumb_height` integer NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`credit` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`taken_at` integer,
	`consent` text DEFAULT 'asked' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`cover` integer DEFAULT false NOT NULL,
	`approved` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `programme_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`link_id`) REFERENCES `photo_links`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photos_original_key_unique` ON `photos` (`original_key`);--> statement-breakpoint
CREATE INDEX `photos_visit_position_idx` ON `photos` (`visit_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `photos_visit_cover_idx` ON `photos` (`visit_id`) WHERE "photos"."cover" = 1;