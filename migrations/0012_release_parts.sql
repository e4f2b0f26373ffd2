-- Issue 19: a release's large parts beside it. The snapshot of a large programme (its items, in parts that
-- each stay well under D1's 2 MB per value) and the public page, calendar and exports of a release, made once
-- per release and language and read back by every reader the edge cache has nothing for.
CREATE TABLE `release_parts` (
	`release_id` text NOT NULL,
	`key` text NOT NULL,
	`seq` integer NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`release_id`, `key`, `seq`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade
);
