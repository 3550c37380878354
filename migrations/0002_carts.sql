CREATE TABLE `cart_lines` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`cart_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`seen_amount_minor` integer,
	`seen_currency` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`cart_id`) REFERENCES `carts`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cart_lines_quantity_ck" CHECK("cart_lines"."quantity" between 1 and 999),
	CONSTRAINT "cart_lines_seen_ck" CHECK("cart_lines"."seen_amount_minor" is null or "cart_lines"."seen_amount_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cart_lines_variant_uq` ON `cart_lines` (`shop_id`,`cart_id`,`variant_id`);--> statement-breakpoint
CREATE TABLE `carts` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carts_token_uq` ON `carts` (`shop_id`,`token_hash`);--> statement-breakpoint
CREATE INDEX `carts_updated_idx` ON `carts` (`shop_id`,`updated_at`);