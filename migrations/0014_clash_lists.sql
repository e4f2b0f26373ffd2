-- Issue 19: the clashes of a draft programme, kept per draft version so that an unchanged programme is not
-- checked again on every look at the editor or the clash list. `draft_version` counts the changes that can
-- change a clash; the triggers below bump it in the same statement as the change, whichever feature makes it
-- (items and their groups, groups, the company, confirmed registrations, venues and their opening hours,
-- placed talks and their speakers, the visit's dates, zone, walking speed and expected guests). The list is
-- stored a clash a row, with the local day of its first item (the editor reads one day's), and the counts by
-- kind beside the version and the rules it was checked at; it is written only while the draft is still at
-- that version.
CREATE TABLE `clash_lists` (
	`visit_id` text PRIMARY KEY NOT NULL,
	`draft_version` integer DEFAULT 1 NOT NULL,
	`checked_version` integer,
	`rules` text,
	`counts` text,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `clash_list_items` (
	`visit_id` text NOT NULL,
	`seq` integer NOT NULL,
	`day` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`visit_id`, `seq`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `clash_list_items_day_idx` ON `clash_list_items` (`visit_id`, `day`, `seq`);
--> statement-breakpoint
INSERT INTO `clash_lists` (`visit_id`) SELECT `id` FROM `visits`;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_visit_insert` AFTER INSERT ON `visits` BEGIN
  INSERT OR IGNORE INTO `clash_lists` (`visit_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_visit_update` AFTER UPDATE OF `start_date`, `end_date`, `time_zone`, `walking_speed_kmh`, `expected_guests`, `team_id` ON `visits` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_item_insert` AFTER INSERT ON `programme_items` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_item_update` AFTER UPDATE ON `programme_items` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_item_delete` AFTER DELETE ON `programme_items` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_item_group_insert` AFTER INSERT ON `programme_item_groups` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` = (SELECT `visit_id` FROM `programme_items` WHERE `id` = NEW.`item_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_item_group_update` AFTER UPDATE ON `programme_item_groups` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` IN (SELECT `visit_id` FROM `programme_items` WHERE `id` IN (OLD.`item_id`, NEW.`item_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_item_group_delete` AFTER DELETE ON `programme_item_groups` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` = (SELECT `visit_id` FROM `programme_items` WHERE `id` = OLD.`item_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_group_insert` AFTER INSERT ON `groups` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_group_update` AFTER UPDATE ON `groups` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_group_delete` AFTER DELETE ON `groups` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_participant_insert` AFTER INSERT ON `participants` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_participant_update` AFTER UPDATE OF `group_id`, `visit_id` ON `participants` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_participant_delete` AFTER DELETE ON `participants` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_rsvp_insert` AFTER INSERT ON `rsvps` WHEN NEW.`status` = 'confirmed' BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_rsvp_update` AFTER UPDATE OF `status`, `party_size`, `group_ids`, `visit_id` ON `rsvps`
WHEN OLD.`status` = 'confirmed' OR NEW.`status` = 'confirmed' BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_rsvp_delete` AFTER DELETE ON `rsvps` WHEN OLD.`status` = 'confirmed' BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_venue_update` AFTER UPDATE OF `name`, `lat`, `lng`, `capacity`, `team_id` ON `venues` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` IN (OLD.`team_id`, NEW.`team_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_venue_delete` AFTER DELETE ON `venues` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` = OLD.`team_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_visit_venue_insert` AFTER INSERT ON `visit_venues` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_visit_venue_update` AFTER UPDATE ON `visit_venues` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_visit_venue_delete` AFTER DELETE ON `visit_venues` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_talk_insert` AFTER INSERT ON `talks` WHEN NEW.`item_id` IS NOT NULL BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_talk_update` AFTER UPDATE OF `title`, `state`, `item_id`, `visit_id` ON `talks`
WHEN OLD.`item_id` IS NOT NULL OR NEW.`item_id` IS NOT NULL BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_talk_delete` AFTER DELETE ON `talks` WHEN OLD.`item_id` IS NOT NULL BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_talk_speaker_insert` AFTER INSERT ON `talk_speakers` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` = (SELECT `visit_id` FROM `talks` WHERE `id` = NEW.`talk_id` AND `item_id` IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_talk_speaker_update` AFTER UPDATE OF `talk_id`, `speaker_id` ON `talk_speakers` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` IN (SELECT `visit_id` FROM `talks` WHERE `id` IN (OLD.`talk_id`, NEW.`talk_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_talk_speaker_delete` AFTER DELETE ON `talk_speakers` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1
  WHERE `visit_id` = (SELECT `visit_id` FROM `talks` WHERE `id` = OLD.`talk_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `clash_lists_speaker_update` AFTER UPDATE OF `name`, `availability`, `visit_id` ON `speakers` BEGIN
  UPDATE `clash_lists` SET `draft_version` = `draft_version` + 1 WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
