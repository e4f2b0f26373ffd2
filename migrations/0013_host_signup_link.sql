-- The host sign-up link is made from the app secret and this random value, so the team's page can show the
-- current link again after a reload (only the link's hash is used to find the team, as before).
ALTER TABLE `teams` ADD `host_signup_link_nonce` text;
