CREATE TABLE `fx_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text,
	`base` text NOT NULL,
	`quote` text NOT NULL,
	`rate` text NOT NULL,
	`source` text NOT NULL,
	`as_of` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "fx_rates_source_ck" CHECK("fx_rates"."source" in ('manual', 'ecb')),
	CONSTRAINT "fx_rates_pair_ck" CHECK("fx_rates"."base" <> "fx_rates"."quote"),
	CONSTRAINT "fx_rates_rate_ck" CHECK("fx_rates"."rate" <> '' and "fx_rates"."rate" not glob '*[^0-9.]*')
);
--> statement-breakpoint
CREATE INDEX `fx_rates_pair_idx` ON `fx_rates` (`base`,`quote`,`as_of`);--> statement-breakpoint
CREATE INDEX `fx_rates_shop_idx` ON `fx_rates` (`shop_id`,`base`,`quote`,`as_of`);--> statement-breakpoint
CREATE UNIQUE INDEX `fx_rates_ecb_day_uq` ON `fx_rates` (`base`,`quote`,`as_of`) WHERE source = 'ecb';--> statement-breakpoint
CREATE TABLE `price_quotes` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`currency` text NOT NULL,
	`base_currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`lines` text NOT NULL,
	`rate_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "price_quotes_subtotal_ck" CHECK("price_quotes"."subtotal_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `price_quotes_expiry_idx` ON `price_quotes` (`shop_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `shop_pricing_settings` (
	`shop_id` text PRIMARY KEY NOT NULL,
	`fx_margin_bps` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shop_pricing_settings_margin_ck" CHECK("shop_pricing_settings"."fx_margin_bps" between 0 and 5000)
);
--> statement-breakpoint
CREATE TABLE `shop_rounding_rules` (
	`shop_id` text NOT NULL,
	`currency` text NOT NULL,
	`rule` text NOT NULL,
	`never_below` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `currency`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
