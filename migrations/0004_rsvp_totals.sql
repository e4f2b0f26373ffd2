CREATE TABLE `rsvp_totals` (
	`visit_id` text PRIMARY KEY NOT NULL,
	`confirmed_people` integer DEFAULT 0 NOT NULL,
	`waitlisted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Written by hand (drizzle-kit does not know triggers): the totals follow every change of a registration,
-- in the same statement as the change, so a capacity check reads one row instead of adding up the visit's
-- registrations. A registration moving between visits (never done) is handled too, as old minus, new plus.
INSERT INTO `rsvp_totals` (`visit_id`, `confirmed_people`, `waitlisted`)
SELECT `visit_id`,
       coalesce(sum(CASE WHEN `status` = 'confirmed' THEN `party_size` END), 0),
       count(CASE WHEN `status` = 'waitlisted' THEN 1 END)
FROM `rsvps` GROUP BY `visit_id`;
--> statement-breakpoint
CREATE TRIGGER `rsvp_totals_after_insert` AFTER INSERT ON `rsvps` BEGIN
  INSERT OR IGNORE INTO `rsvp_totals` (`visit_id`) VALUES (NEW.`visit_id`);
  UPDATE `rsvp_totals`
  SET `confirmed_people` = `confirmed_people` + CASE WHEN NEW.`status` = 'confirmed' THEN NEW.`party_size` ELSE 0 END,
      `waitlisted` = `waitlisted` + CASE WHEN NEW.`status` = 'waitlisted' THEN 1 ELSE 0 END
  WHERE `visit_id` = NEW.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `rsvp_totals_after_delete` AFTER DELETE ON `rsvps` BEGIN
  UPDATE `rsvp_totals`
  SET `confirmed_people` = `confirmed_people` - CASE WHEN OLD.`status` = 'confirmed' THEN OLD.`party_size` ELSE 0 END,
      `waitlisted` = `waitlisted` - CASE WHEN OLD.`status` = 'waitlisted' THEN 1 ELSE 0 END
  WHERE `visit_id` = OLD.`visit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `rsvp_totals_after_update` AFTER UPDATE OF `status`, `party_size`, `visit_id` ON `rsvps` BEGIN
  UPDATE `rsvp_totals`
  SET `confirmed_people` = `confirmed_people` - CASE WHEN OLD.`status` = 'confirmed' THEN OLD.`party_size` ELSE 0 END,
      `waitlisted` = `waitlisted` - CASE WHEN OLD.`status` = 'waitlisted' THEN 1 ELSE 0 END
  WHERE `visit_id` = OLD.`visit_id`;
  INSERT OR IGNORE INTO `rsvp_totals` (`visit_id`) VALUES (NEW.`visit_id`);
  UPDATE `rsvp_totals`
  SET `confirmed_people` = `confirmed_people` + CASE WHEN NEW.`status` = 'confirmed' THEN NEW.`party_size` ELSE 0 END,
      `waitlisted` = `waitlisted` + CASE WHEN NEW.`status` = 'waitlisted' THEN 1 ELSE 0 END
  WHERE `visit_id` = NEW.`visit_id`;
END;
