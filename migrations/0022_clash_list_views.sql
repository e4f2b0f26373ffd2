-- Issue 19: each stored clash also as the programme editor shows it, once per language: its kind, its
-- sentence, its items and their titles as a JSON array in ASCII (escapes for everything else). The editor's
-- day then reads these texts as they are, joined, instead of SQLite taking every clash's JSON apart, and
-- D1 carries one-byte text (a clash sentence has ‘’ in it: two-byte text costs about three times as much
-- through D1). A clash stored before this column has none and is read from its `body` as before.
ALTER TABLE `clash_list_items` ADD `view_nl` text;
ALTER TABLE `clash_list_items` ADD `view_en` text;
