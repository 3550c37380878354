CREATE TABLE `content_versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `content_versions_version_idx` ON `content_versions` (`version`);