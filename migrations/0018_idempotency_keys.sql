-- Idempotency keys outlive the isolate: a submission sent twice makes one record even when the repeat reaches
-- another isolate or comes after a restart. One row per (method, path, person or client, key), hashed; the
-- answer of a success is kept for the window and replayed, a rejection or failure leaves no row.
CREATE TABLE `idempotency_keys` (
	`scope` text PRIMARY KEY NOT NULL,
	`body_hash` text NOT NULL,
	`status` integer,
	`headers` text,
	`body` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);
