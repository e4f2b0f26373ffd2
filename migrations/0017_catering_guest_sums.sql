-- Catering's headcount from running sums (issue 10's benchmark: the catering overview read and grouped the
-- 1,000 registrations of a visit on every request). Written by hand, like 0004's rsvp_totals: triggers on
-- `rsvps` keep, per visit and set of groups, the confirmed registrations, their persons and the persons per
-- dietary need, and the food notes as written with how many wrote them, in the same statement as the change.
-- A need counts as rsvps' parseDietary and dietaryTotals count it: an object of persons per need (whole
-- numbers from 1), a legacy list of needs one person each, anything else nothing, and never more persons than
-- the party has. Never written by the Worker; no names or addresses here.
CREATE TABLE `catering_guest_sums` (
	`visit_id` text NOT NULL,
	`group_ids` text NOT NULL,
	`registrations` integer DEFAULT 0 NOT NULL,
	`persons` integer DEFAULT 0 NOT NULL,
	`vegetarian` integer DEFAULT 0 NOT NULL,
	`vegan` integer DEFAULT 0 NOT NULL,
	`halal` integer DEFAULT 0 NOT NULL,
	`kosher` integer DEFAULT 0 NOT NULL,
	`gluten_free` integer DEFAULT 0 NOT NULL,
	`lactose_free` integer DEFAULT 0 NOT NULL,
	`nut_allergy` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`visit_id`, `group_ids`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `catering_guest_notes` (
	`visit_id` text NOT NULL,
	`group_ids` text NOT NULL,
	`note` text NOT NULL,
	`registrations` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`visit_id`, `group_ids`, `note`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TRIGGER `catering_guest_sums_after_insert` AFTER INSERT ON `rsvps` BEGIN
  INSERT OR IGNORE INTO `catering_guest_sums` (`visit_id`, `group_ids`)
    SELECT NEW.`visit_id`, NEW.`group_ids` WHERE NEW.`status` = 'confirmed';
  INSERT OR IGNORE INTO `catering_guest_notes` (`visit_id`, `group_ids`, `note`)
    SELECT NEW.`visit_id`, NEW.`group_ids`, NEW.`dietary_notes`
    WHERE NEW.`status` = 'confirmed' AND NEW.`dietary_notes` <> '';
  UPDATE `catering_guest_sums`
    SET `registrations` = `catering_guest_sums`.`registrations` + 1, `persons` = `catering_guest_sums`.`persons` + NEW.`party_size`,
        `vegetarian` = `catering_guest_sums`.`vegetarian` + n.`vegetarian`,
        `vegan` = `catering_guest_sums`.`vegan` + n.`vegan`,
        `halal` = `catering_guest_sums`.`halal` + n.`halal`,
        `kosher` = `catering_guest_sums`.`kosher` + n.`kosher`,
        `gluten_free` = `catering_guest_sums`.`gluten_free` + n.`gluten_free`,
        `lactose_free` = `catering_guest_sums`.`lactose_free` + n.`lactose_free`,
        `nut_allergy` = `catering_guest_sums`.`nut_allergy` + n.`nut_allergy`
    FROM (SELECT min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegetarian'), 0)) AS `vegetarian`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegan'), 0)) AS `vegan`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'halal'), 0)) AS `halal`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'kosher'), 0)) AS `kosher`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'gluten_free'), 0)) AS `gluten_free`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'lactose_free'), 0)) AS `lactose_free`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'nut_allergy'), 0)) AS `nut_allergy`
      FROM (SELECT CASE WHEN typeof(e.`key`) = 'integer' THEN e.`value` ELSE e.`key` END AS `need`,
                   CASE WHEN typeof(e.`key`) = 'integer' THEN e.`type` = 'text'
                        WHEN e.`type` IN ('integer', 'real') AND e.`value` >= 1 AND e.`value` = cast(e.`value` AS integer) THEN cast(e.`value` AS integer)
                        ELSE 0 END AS `persons`
            FROM json_each(iif(json_valid(NEW.`dietary`), NEW.`dietary`, '[]')) e)
      WHERE `need` IN ('vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy')) AS n
    WHERE NEW.`status` = 'confirmed' AND `catering_guest_sums`.`visit_id` = NEW.`visit_id` AND `catering_guest_sums`.`group_ids` = NEW.`group_ids`;
  UPDATE `catering_guest_notes` SET `registrations` = `registrations` + 1
    WHERE NEW.`status` = 'confirmed' AND `catering_guest_notes`.`visit_id` = NEW.`visit_id` AND `catering_guest_notes`.`group_ids` = NEW.`group_ids` AND `note` = NEW.`dietary_notes`;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_guest_sums_after_delete` AFTER DELETE ON `rsvps` BEGIN
  UPDATE `catering_guest_sums`
    SET `registrations` = `catering_guest_sums`.`registrations` - 1, `persons` = `catering_guest_sums`.`persons` - OLD.`party_size`,
        `vegetarian` = `catering_guest_sums`.`vegetarian` - n.`vegetarian`,
        `vegan` = `catering_guest_sums`.`vegan` - n.`vegan`,
        `halal` = `catering_guest_sums`.`halal` - n.`halal`,
        `kosher` = `catering_guest_sums`.`kosher` - n.`kosher`,
        `gluten_free` = `catering_guest_sums`.`gluten_free` - n.`gluten_free`,
        `lactose_free` = `catering_guest_sums`.`lactose_free` - n.`lactose_free`,
        `nut_allergy` = `catering_guest_sums`.`nut_allergy` - n.`nut_allergy`
    FROM (SELECT min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegetarian'), 0)) AS `vegetarian`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegan'), 0)) AS `vegan`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'halal'), 0)) AS `halal`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'kosher'), 0)) AS `kosher`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'gluten_free'), 0)) AS `gluten_free`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'lactose_free'), 0)) AS `lactose_free`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'nut_allergy'), 0)) AS `nut_allergy`
      FROM (SELECT CASE WHEN typeof(e.`key`) = 'integer' THEN e.`value` ELSE e.`key` END AS `need`,
                   CASE WHEN typeof(e.`key`) = 'integer' THEN e.`type` = 'text'
                        WHEN e.`type` IN ('integer', 'real') AND e.`value` >= 1 AND e.`value` = cast(e.`value` AS integer) THEN cast(e.`value` AS integer)
                        ELSE 0 END AS `persons`
            FROM json_each(iif(json_valid(OLD.`dietary`), OLD.`dietary`, '[]')) e)
      WHERE `need` IN ('vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy')) AS n
    WHERE OLD.`status` = 'confirmed' AND `catering_guest_sums`.`visit_id` = OLD.`visit_id` AND `catering_guest_sums`.`group_ids` = OLD.`group_ids`;
  UPDATE `catering_guest_notes` SET `registrations` = `registrations` - 1
    WHERE OLD.`status` = 'confirmed' AND `catering_guest_notes`.`visit_id` = OLD.`visit_id` AND `catering_guest_notes`.`group_ids` = OLD.`group_ids` AND `note` = OLD.`dietary_notes`;
  DELETE FROM `catering_guest_sums`
    WHERE `visit_id` = OLD.`visit_id` AND `group_ids` = OLD.`group_ids` AND `registrations` <= 0;
  DELETE FROM `catering_guest_notes`
    WHERE `visit_id` = OLD.`visit_id` AND `group_ids` = OLD.`group_ids` AND `registrations` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `catering_guest_sums_after_update` AFTER UPDATE OF `status`, `party_size`, `dietary`, `dietary_notes`, `group_ids`, `visit_id` ON `rsvps` BEGIN
  UPDATE `catering_guest_sums`
    SET `registrations` = `catering_guest_sums`.`registrations` - 1, `persons` = `catering_guest_sums`.`persons` - OLD.`party_size`,
        `vegetarian` = `catering_guest_sums`.`vegetarian` - n.`vegetarian`,
        `vegan` = `catering_guest_sums`.`vegan` - n.`vegan`,
        `halal` = `catering_guest_sums`.`halal` - n.`halal`,
        `kosher` = `catering_guest_sums`.`kosher` - n.`kosher`,
        `gluten_free` = `catering_guest_sums`.`gluten_free` - n.`gluten_free`,
        `lactose_free` = `catering_guest_sums`.`lactose_free` - n.`lactose_free`,
        `nut_allergy` = `catering_guest_sums`.`nut_allergy` - n.`nut_allergy`
    FROM (SELECT min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegetarian'), 0)) AS `vegetarian`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegan'), 0)) AS `vegan`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'halal'), 0)) AS `halal`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'kosher'), 0)) AS `kosher`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'gluten_free'), 0)) AS `gluten_free`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'lactose_free'), 0)) AS `lactose_free`,
             min(OLD.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'nut_allergy'), 0)) AS `nut_allergy`
      FROM (SELECT CASE WHEN typeof(e.`key`) = 'integer' THEN e.`value` ELSE e.`key` END AS `need`,
                   CASE WHEN typeof(e.`key`) = 'integer' THEN e.`type` = 'text'
                        WHEN e.`type` IN ('integer', 'real') AND e.`value` >= 1 AND e.`value` = cast(e.`value` AS integer) THEN cast(e.`value` AS integer)
                        ELSE 0 END AS `persons`
            FROM json_each(iif(json_valid(OLD.`dietary`), OLD.`dietary`, '[]')) e)
      WHERE `need` IN ('vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy')) AS n
    WHERE OLD.`status` = 'confirmed' AND `catering_guest_sums`.`visit_id` = OLD.`visit_id` AND `catering_guest_sums`.`group_ids` = OLD.`group_ids`;
  UPDATE `catering_guest_notes` SET `registrations` = `registrations` - 1
    WHERE OLD.`status` = 'confirmed' AND `catering_guest_notes`.`visit_id` = OLD.`visit_id` AND `catering_guest_notes`.`group_ids` = OLD.`group_ids` AND `note` = OLD.`dietary_notes`;
  DELETE FROM `catering_guest_sums`
    WHERE `visit_id` = OLD.`visit_id` AND `group_ids` = OLD.`group_ids` AND `registrations` <= 0;
  DELETE FROM `catering_guest_notes`
    WHERE `visit_id` = OLD.`visit_id` AND `group_ids` = OLD.`group_ids` AND `registrations` <= 0;
  INSERT OR IGNORE INTO `catering_guest_sums` (`visit_id`, `group_ids`)
    SELECT NEW.`visit_id`, NEW.`group_ids` WHERE NEW.`status` = 'confirmed';
  INSERT OR IGNORE INTO `catering_guest_notes` (`visit_id`, `group_ids`, `note`)
    SELECT NEW.`visit_id`, NEW.`group_ids`, NEW.`dietary_notes`
    WHERE NEW.`status` = 'confirmed' AND NEW.`dietary_notes` <> '';
  UPDATE `catering_guest_sums`
    SET `registrations` = `catering_guest_sums`.`registrations` + 1, `persons` = `catering_guest_sums`.`persons` + NEW.`party_size`,
        `vegetarian` = `catering_guest_sums`.`vegetarian` + n.`vegetarian`,
        `vegan` = `catering_guest_sums`.`vegan` + n.`vegan`,
        `halal` = `catering_guest_sums`.`halal` + n.`halal`,
        `kosher` = `catering_guest_sums`.`kosher` + n.`kosher`,
        `gluten_free` = `catering_guest_sums`.`gluten_free` + n.`gluten_free`,
        `lactose_free` = `catering_guest_sums`.`lactose_free` + n.`lactose_free`,
        `nut_allergy` = `catering_guest_sums`.`nut_allergy` + n.`nut_allergy`
    FROM (SELECT min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegetarian'), 0)) AS `vegetarian`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'vegan'), 0)) AS `vegan`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'halal'), 0)) AS `halal`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'kosher'), 0)) AS `kosher`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'gluten_free'), 0)) AS `gluten_free`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'lactose_free'), 0)) AS `lactose_free`,
             min(NEW.`party_size`, coalesce(max(`persons`) FILTER (WHERE `need` = 'nut_allergy'), 0)) AS `nut_allergy`
      FROM (SELECT CASE WHEN typeof(e.`key`) = 'integer' THEN e.`value` ELSE e.`key` END AS `need`,
                   CASE WHEN typeof(e.`key`) = 'integer' THEN e.`type` = 'text'
                        WHEN e.`type` IN ('integer', 'real') AND e.`value` >= 1 AND e.`value` = cast(e.`value` AS integer) THEN cast(e.`value` AS integer)
                        ELSE 0 END AS `persons`
            FROM json_each(iif(json_valid(NEW.`dietary`), NEW.`dietary`, '[]')) e)
      WHERE `need` IN ('vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy')) AS n
    WHERE NEW.`status` = 'confirmed' AND `catering_guest_sums`.`visit_id` = NEW.`visit_id` AND `catering_guest_sums`.`group_ids` = NEW.`group_ids`;
  UPDATE `catering_guest_notes` SET `registrations` = `registrations` + 1
    WHERE NEW.`status` = 'confirmed' AND `catering_guest_notes`.`visit_id` = NEW.`visit_id` AND `catering_guest_notes`.`group_ids` = NEW.`group_ids` AND `note` = NEW.`dietary_notes`;
END;
--> statement-breakpoint
-- The registrations made before this migration, summed once with the same rules.
INSERT INTO `catering_guest_sums` (`visit_id`, `group_ids`, `registrations`, `persons`)
SELECT `visit_id`, `group_ids`, count(*), sum(`party_size`) FROM `rsvps`
WHERE `status` = 'confirmed' GROUP BY `visit_id`, `group_ids`;
--> statement-breakpoint
UPDATE `catering_guest_sums`
SET `vegetarian` = coalesce(n.`vegetarian`, 0), `vegan` = coalesce(n.`vegan`, 0), `halal` = coalesce(n.`halal`, 0), `kosher` = coalesce(n.`kosher`, 0), `gluten_free` = coalesce(n.`gluten_free`, 0), `lactose_free` = coalesce(n.`lactose_free`, 0), `nut_allergy` = coalesce(n.`nut_allergy`, 0)
FROM (SELECT `visit_id`, `group_ids`, sum(`persons`) FILTER (WHERE `need` = 'vegetarian') AS `vegetarian`, sum(`persons`) FILTER (WHERE `need` = 'vegan') AS `vegan`, sum(`persons`) FILTER (WHERE `need` = 'halal') AS `halal`, sum(`persons`) FILTER (WHERE `need` = 'kosher') AS `kosher`, sum(`persons`) FILTER (WHERE `need` = 'gluten_free') AS `gluten_free`, sum(`persons`) FILTER (WHERE `need` = 'lactose_free') AS `lactose_free`, sum(`persons`) FILTER (WHERE `need` = 'nut_allergy') AS `nut_allergy`
      FROM (SELECT r.`id`, r.`visit_id`, r.`group_ids`, `need`, min(r.`party_size`, max(`persons`)) AS `persons`
            FROM (SELECT r.`id`, r.`visit_id`, r.`group_ids`, r.`party_size`, CASE WHEN typeof(e.`key`) = 'integer' THEN e.`value` ELSE e.`key` END AS `need`,
                         CASE WHEN typeof(e.`key`) = 'integer' THEN e.`type` = 'text'
                        WHEN e.`type` IN ('integer', 'real') AND e.`value` >= 1 AND e.`value` = cast(e.`value` AS integer) THEN cast(e.`value` AS integer)
                        ELSE 0 END AS `persons`
                  FROM `rsvps` r, json_each(iif(json_valid(r.`dietary`), r.`dietary`, '[]')) e
                  WHERE r.`status` = 'confirmed') r
            WHERE `need` IN ('vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy')
            GROUP BY r.`id`, `need`)
      GROUP BY `visit_id`, `group_ids`) AS n
WHERE `catering_guest_sums`.`visit_id` = n.`visit_id` AND `catering_guest_sums`.`group_ids` = n.`group_ids`;
--> statement-breakpoint
INSERT INTO `catering_guest_notes` (`visit_id`, `group_ids`, `note`, `registrations`)
SELECT `visit_id`, `group_ids`, `dietary_notes`, count(*) FROM `rsvps`
WHERE `status` = 'confirmed' AND `dietary_notes` <> '' GROUP BY `visit_id`, `group_ids`, `dietary_notes`;
