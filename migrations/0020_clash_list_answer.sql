-- Issue 19: the clash API's whole answer for the checked version, kept once beside it as gzip (base64 text),
-- so a look at an unchanged list of thousands of clashes reads one small value instead of every clash row
-- through D1's JSON (about 1 MB at 3,000 items). Written with the rows, in the same statement as the
-- version; a list checked before this column has none and is answered from its rows as before.
ALTER TABLE `clash_lists` ADD `answer` text;
