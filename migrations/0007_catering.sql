CREATE TABLE `catering_contributions` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`description` text NOT NULL,
	`quantity` integer,
	`provider_id` text,
	`taken_at` integer,
	`done_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `catering_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `catering_providers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `catering_contributions_order_idx` ON `catering_contributions` (`order_id`);--> statement-breakpoint
CREATE INDEX `catering_contributions_provider_idx` ON `catering_contributions` (`provider_id`);--> statement-breakpoint
CREATE TABLE `catering_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`item_id` text,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`provider_id` text,
	`rule` text NOT NULL,
	`amount` integer NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_cost_cents` integer DEFAULT 0 NOT NULL,
	`extra_persons` integer DEFAULT 0 NOT NULL,
	`deadline` integer,
	`reminder_hours` integer DEFAULT 48 NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`provider_note` text DEFAULT '' NOT NULL,
	`responded_at` integer,
	`declined_at` integer,
	`reminder_sent_at` integer,
	`sent_at` integer,
	`sent_numbers` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `programme_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`provider_id`) REFERENCES `catering_providers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `catering_orders_visit_idx` ON `catering_orders` (`visit_id`);--> statement-breakpoint
CREATE INDEX `catering_orders_due_idx` ON `catering_orders` (`sent_at`,`deadline`);--> statement-breakpoint
CREATE TABLE `catering_providers` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`kind` text NOT NULL,
	`person_id` text,
	`name` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`lang` text DEFAULT 'nl' NOT NULL,
	`token_hash` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catering_providers_token_hash_unique` ON `catering_providers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `catering_providers_visit_idx` ON `catering_providers` (`visit_id`);--> statement-breakpoint
CREATE INDEX `catering_providers_person_idx` ON `catering_providers` (`person_id`);--> statement-breakpoint
CREATE TABLE `catering_team_presence` (
	`visit_id` text NOT NULL,
	`person_id` text NOT NULL,
	`group_id` text,
	PRIMARY KEY(`visit_id`, `person_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `catering_team_presence_person_idx` ON `catering_team_presence` (`person_id`);