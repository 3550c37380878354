CREATE TABLE `fx_rates_latest` (
	`owner` text NOT NULL,
	`base` text NOT NULL,
	`quote` text NOT NULL,
	`rate_id` text NOT NULL,
	`as_of` integer NOT NULL,
	PRIMARY KEY(`owner`, `base`, `quote`),
	FOREIGN KEY (`rate_id`) REFERENCES `fx_rates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fx_rates_latest_rate_idx` ON `fx_rates_latest` (`rate_id`);