-- How many people an organiser expects at a programme item (the whole room: company and guests). Null: the
-- capacity check derives it from the item's groups (company members plus confirmed guests), and for an item
-- for everyone from the whole company and the visit's expected guests.
ALTER TABLE `programme_items` ADD `expected_attendance` integer;
