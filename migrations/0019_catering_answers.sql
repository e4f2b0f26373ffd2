-- Catering's answer kept per visit (issue 10's benchmark: the catering overview worked out its one statement —
-- orders, items, places, providers, guests, company, team, speakers, members, hosts — on every request; SQLite
-- prepared and ran it each time, about as much CPU as the rest of the request). `stamp` names the state of
-- everything that answer is made of: the triggers below give it a new random value and forget the stored
-- `document` in the same statement as any change to one of its sources, whichever feature makes it (catering's
-- own tables, the programme's items, their groups and places, groups, registrations, the company, talks and
-- their speakers, the team's members and the people they are, the visit's hosts and team). A read that finds
-- no document works it out and stores it beside the stamp it was made at (workers/features/catering/queries.ts);
-- a stamp the isolate already knows needs no document at all. A random stamp, not a counter: after a restore
-- of the database an old number could come back with other contents. The stored document is personal data
-- only as long as its sources are: any change to them (an erasure too) forgets it at once.
CREATE TABLE `catering_answers` (
	`visit_id` text PRIMARY KEY NOT NULL,
	`stamp` text NOT NULL,
	`document` text,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `catering_answers` (`visit_id`, `stamp`) SELECT `id`, lower(hex(randomblob(8))) FROM `visits`;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_visit_insert` AFTER INSERT ON `visits` BEGIN
  INSERT OR IGNORE INTO `catering_answers` (`visit_id`, `stamp`) VALUES (NEW.`id`, lower(hex(randomblob(8))));
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_visit_team` AFTER UPDATE OF `team_id` ON `visits` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_orders_insert` AFTER INSERT ON `catering_orders` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_orders_update` AFTER UPDATE ON `catering_orders` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_orders_delete` AFTER DELETE ON `catering_orders` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_providers_insert` AFTER INSERT ON `catering_providers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_providers_update` AFTER UPDATE ON `catering_providers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_providers_delete` AFTER DELETE ON `catering_providers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_team_presence_insert` AFTER INSERT ON `catering_team_presence` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_team_presence_update` AFTER UPDATE ON `catering_team_presence` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_team_presence_delete` AFTER DELETE ON `catering_team_presence` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_programme_items_insert` AFTER INSERT ON `programme_items` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_programme_items_update` AFTER UPDATE ON `programme_items` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_programme_items_delete` AFTER DELETE ON `programme_items` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_groups_insert` AFTER INSERT ON `groups` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_groups_update` AFTER UPDATE ON `groups` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_groups_delete` AFTER DELETE ON `groups` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_participants_insert` AFTER INSERT ON `participants` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_participants_update` AFTER UPDATE ON `participants` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_participants_delete` AFTER DELETE ON `participants` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_talks_insert` AFTER INSERT ON `talks` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_talks_update` AFTER UPDATE ON `talks` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_talks_delete` AFTER DELETE ON `talks` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_speakers_insert` AFTER INSERT ON `speakers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_speakers_update` AFTER UPDATE ON `speakers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_speakers_delete` AFTER DELETE ON `speakers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_visit_roles_insert` AFTER INSERT ON `visit_roles` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_visit_roles_update` AFTER UPDATE ON `visit_roles` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_visit_roles_delete` AFTER DELETE ON `visit_roles` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_rsvps_insert` AFTER INSERT ON `rsvps` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_rsvps_update` AFTER UPDATE OF `visit_id`, `email`, `party_size`, `dietary`, `dietary_notes`, `group_ids`, `status` ON `rsvps` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (OLD.`visit_id`, NEW.`visit_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_rsvps_delete` AFTER DELETE ON `rsvps` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_contributions_insert` AFTER INSERT ON `catering_contributions` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = (SELECT `visit_id` FROM `catering_orders` WHERE `id` = NEW.`order_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_contributions_update` AFTER UPDATE ON `catering_contributions` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `visit_id` FROM `catering_orders` WHERE `id` IN (OLD.`order_id`, NEW.`order_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_catering_contributions_delete` AFTER DELETE ON `catering_contributions` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = (SELECT `visit_id` FROM `catering_orders` WHERE `id` = OLD.`order_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_programme_item_groups_insert` AFTER INSERT ON `programme_item_groups` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = (SELECT `visit_id` FROM `programme_items` WHERE `id` = NEW.`item_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_programme_item_groups_update` AFTER UPDATE ON `programme_item_groups` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `visit_id` FROM `programme_items` WHERE `id` IN (OLD.`item_id`, NEW.`item_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_programme_item_groups_delete` AFTER DELETE ON `programme_item_groups` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = (SELECT `visit_id` FROM `programme_items` WHERE `id` = OLD.`item_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_talk_speakers_insert` AFTER INSERT ON `talk_speakers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = (SELECT `visit_id` FROM `talks` WHERE `id` = NEW.`talk_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_talk_speakers_update` AFTER UPDATE ON `talk_speakers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `visit_id` FROM `talks` WHERE `id` IN (OLD.`talk_id`, NEW.`talk_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_talk_speakers_delete` AFTER DELETE ON `talk_speakers` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` = (SELECT `visit_id` FROM `talks` WHERE `id` = OLD.`talk_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_venues_update` AFTER UPDATE ON `venues` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` IN (OLD.`team_id`, NEW.`team_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_venues_delete` AFTER DELETE ON `venues` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` = OLD.`team_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_memberships_insert` AFTER INSERT ON `memberships` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` = NEW.`team_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_memberships_update` AFTER UPDATE ON `memberships` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` IN (OLD.`team_id`, NEW.`team_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_memberships_delete` AFTER DELETE ON `memberships` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (SELECT `id` FROM `visits` WHERE `team_id` = OLD.`team_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `catering_answers_people_update` AFTER UPDATE OF `name`, `email` ON `people` BEGIN
  UPDATE `catering_answers` SET `stamp` = lower(hex(randomblob(8))), `document` = NULL WHERE `visit_id` IN (
    SELECT `visits`.`id` FROM `visits` JOIN `memberships` ON `memberships`.`team_id` = `visits`.`team_id` WHERE `memberships`.`person_id` = NEW.`id`
    UNION SELECT `visit_id` FROM `visit_roles` WHERE `person_id` = NEW.`id`
    UNION SELECT `visit_id` FROM `catering_providers` WHERE `person_id` = NEW.`id`
    UNION SELECT `visit_id` FROM `catering_team_presence` WHERE `person_id` = NEW.`id`);
END;
