CREATE TABLE `collection_products` (
	`shop_id` text NOT NULL,
	`collection_id` text NOT NULL,
	`product_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop_id`, `collection_id`, `product_id`),
	FOREIGN KEY (`shop_id`,`collection_id`) REFERENCES `collections`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`,`product_id`) REFERENCES `products`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `collection_products_product_idx` ON `collection_products` (`shop_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `collections` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`slug` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`title` text DEFAULT '{}' NOT NULL,
	`description` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collections_slug_uq` ON `collections` (`shop_id`,`slug`);--> statement-breakpoint
CREATE TABLE `product_images` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`product_id` text NOT NULL,
	`media_id` text NOT NULL,
	`position` integer NOT NULL,
	`alt` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`product_id`) REFERENCES `products`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_images_product_idx` ON `product_images` (`shop_id`,`product_id`,`position`);--> statement-breakpoint
CREATE TABLE `product_option_values` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`option_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text DEFAULT '{}' NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`option_id`) REFERENCES `product_options`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_option_values_position_uq` ON `product_option_values` (`shop_id`,`option_id`,`position`);--> statement-breakpoint
CREATE TABLE `product_options` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text DEFAULT '{}' NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`product_id`) REFERENCES `products`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_options_position_uq` ON `product_options` (`shop_id`,`product_id`,`position`);--> statement-breakpoint
CREATE TABLE `product_texts` (
	`shop_id` text NOT NULL,
	`product_id` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`care` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'human' NOT NULL,
	PRIMARY KEY(`shop_id`, `product_id`, `locale`),
	FOREIGN KEY (`shop_id`,`product_id`) REFERENCES `products`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `products` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin_country` text,
	`origin_place` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "products_status_ck" CHECK("products"."status" in ('draft', 'active', 'paused', 'archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_uq` ON `products` (`shop_id`,`slug`);--> statement-breakpoint
CREATE INDEX `products_list_idx` ON `products` (`shop_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `variant_option_values` (
	`shop_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`option_value_id` text NOT NULL,
	PRIMARY KEY(`shop_id`, `variant_id`, `option_value_id`),
	FOREIGN KEY (`shop_id`,`variant_id`) REFERENCES `variants`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`,`option_value_id`) REFERENCES `product_option_values`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `variant_prices` (
	`shop_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `variant_id`, `currency`),
	FOREIGN KEY (`shop_id`,`variant_id`) REFERENCES `variants`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "variant_prices_amount_ck" CHECK("variant_prices"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE `variants` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`product_id` text NOT NULL,
	`sku` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`price_minor` integer NOT NULL,
	`stock_on_hand` integer DEFAULT 0 NOT NULL,
	`stock_reserved` integer DEFAULT 0 NOT NULL,
	`stock_sold` integer DEFAULT 0 NOT NULL,
	`weight_grams` integer DEFAULT 0 NOT NULL,
	`made_to_order` integer DEFAULT false NOT NULL,
	`processing_days_min` integer DEFAULT 0 NOT NULL,
	`processing_days_max` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`product_id`) REFERENCES `products`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "variants_price_ck" CHECK("variants"."price_minor" >= 0),
	CONSTRAINT "variants_on_hand_ck" CHECK("variants"."stock_on_hand" >= 0),
	CONSTRAINT "variants_reserved_ck" CHECK("variants"."stock_reserved" >= 0),
	CONSTRAINT "variants_sold_ck" CHECK("variants"."stock_sold" >= 0),
	CONSTRAINT "variants_weight_ck" CHECK("variants"."weight_grams" >= 0),
	CONSTRAINT "variants_processing_ck" CHECK("variants"."processing_days_min" >= 0 and "variants"."processing_days_max" >= "variants"."processing_days_min")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `variants_sku_uq` ON `variants` (`shop_id`,`sku`);--> statement-breakpoint
CREATE INDEX `variants_product_idx` ON `variants` (`shop_id`,`product_id`,`position`);--> statement-breakpoint
CREATE TABLE `media_assets` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`original_key` text NOT NULL,
	`mime` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`placeholder` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'processing' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "media_assets_size_ck" CHECK("media_assets"."width" > 0 and "media_assets"."height" > 0 and "media_assets"."bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE `media_files` (
	`shop_id` text NOT NULL,
	`media_id` text NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`key` text NOT NULL,
	`bytes` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `media_id`, `format`, `width`),
	FOREIGN KEY (`shop_id`,`media_id`) REFERENCES `media_assets`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text,
	`actor_user_id` text,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`data` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_shop_idx` ON `audit_log` (`shop_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 5 NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`run_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE INDEX `jobs_shop_idx` ON `jobs` (`shop_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_uq` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`shop_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_role_ck" CHECK("memberships"."role" in ('owner', 'staff'))
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `shop_texts` (
	`shop_id` text NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`tagline` text DEFAULT '' NOT NULL,
	`story` text DEFAULT '' NOT NULL,
	`shipping_policy` text DEFAULT '' NOT NULL,
	`returns_policy` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`shop_id`, `locale`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `shops` (
	`id` text PRIMARY KEY NOT NULL,
	`village_id` text NOT NULL,
	`slug` text NOT NULL,
	`custom_domain` text,
	`base_currency` text NOT NULL,
	`buyer_currencies` text DEFAULT '[]' NOT NULL,
	`default_locale` text NOT NULL,
	`locales` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'onboarding' NOT NULL,
	`duties_paid_by_seller` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`live_at` integer,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shops_status_ck" CHECK("shops"."status" in ('onboarding', 'live', 'paused'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shops_slug_uq` ON `shops` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `shops_custom_domain_uq` ON `shops` (`custom_domain`);--> statement-breakpoint
CREATE INDEX `shops_village_idx` ON `shops` (`village_id`,`status`);--> statement-breakpoint
CREATE TABLE `trainer_assignments` (
	`village_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`village_id`, `user_id`),
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trainer_assignments_user_idx` ON `trainer_assignments` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`name` text NOT NULL,
	`password_hash` text,
	`locale` text NOT NULL,
	`is_operator` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`disabled_at` integer,
	CONSTRAINT "users_contact_ck" CHECK("users"."email" is not null or "users"."phone" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);--> statement-breakpoint
CREATE TABLE `village_texts` (
	`village_id` text NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`story` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`village_id`, `locale`),
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `villages` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`country` text NOT NULL,
	`default_locale` text NOT NULL,
	`default_currency` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_slug_uq` ON `villages` (`slug`);