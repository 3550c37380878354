CREATE TABLE `checkouts` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`token` text NOT NULL,
	`currency` text NOT NULL,
	`locale` text NOT NULL,
	`lines` text NOT NULL,
	`email` text,
	`address` text,
	`shipping_rate_id` text,
	`payment_method` text,
	`quote_id` text,
	`shipping` text,
	`order_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkouts_token_uq` ON `checkouts` (`shop_id`,`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `checkouts_order_uq` ON `checkouts` (`shop_id`,`order_id`);--> statement-breakpoint
CREATE TABLE `inventory_reservations` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`order_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`order_id`) REFERENCES `orders`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "inventory_reservations_quantity_ck" CHECK("inventory_reservations"."quantity" > 0),
	CONSTRAINT "inventory_reservations_status_ck" CHECK("inventory_reservations"."status" in ('held', 'sold', 'released'))
);
--> statement-breakpoint
CREATE INDEX `inventory_reservations_order_idx` ON `inventory_reservations` (`shop_id`,`order_id`);--> statement-breakpoint
CREATE INDEX `inventory_reservations_variant_idx` ON `inventory_reservations` (`shop_id`,`variant_id`,`status`);--> statement-breakpoint
CREATE TABLE `order_counters` (
	`shop_id` text PRIMARY KEY NOT NULL,
	`last_number` integer NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`order_id` text NOT NULL,
	`position` integer NOT NULL,
	`variant_id` text NOT NULL,
	`product_id` text NOT NULL,
	`title` text NOT NULL,
	`variant_label` text DEFAULT '' NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`line_total_minor` integer NOT NULL,
	`weight_grams` integer NOT NULL,
	`made_to_order` integer DEFAULT false NOT NULL,
	`processing_days_max` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`order_id`) REFERENCES `orders`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "order_lines_quantity_ck" CHECK("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_total_ck" CHECK("order_lines"."unit_amount_minor" >= 0 and "order_lines"."line_total_minor" = "order_lines"."unit_amount_minor" * "order_lines"."quantity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_position_uq` ON `order_lines` (`shop_id`,`order_id`,`position`);--> statement-breakpoint
CREATE TABLE `orders` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`status_token` text NOT NULL,
	`checkout_id` text NOT NULL,
	`email` text NOT NULL,
	`locale` text NOT NULL,
	`shipping_address` text NOT NULL,
	`country` text NOT NULL,
	`currency` text NOT NULL,
	`settlement_currency` text NOT NULL,
	`quote_id` text NOT NULL,
	`fx_rate` text,
	`fx_as_of` integer,
	`subtotal_minor` integer NOT NULL,
	`shipping_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`tax_inclusive` integer DEFAULT false NOT NULL,
	`tax_rate_bps` integer DEFAULT 0 NOT NULL,
	`total_minor` integer NOT NULL,
	`weight_grams` integer NOT NULL,
	`shipping` text NOT NULL,
	`international` integer DEFAULT false NOT NULL,
	`duties_paid_by_seller` integer DEFAULT false NOT NULL,
	`ship_by` integer NOT NULL,
	`delivery_earliest` integer NOT NULL,
	`delivery_latest` integer NOT NULL,
	`payment_method` text NOT NULL,
	`payment_reference` text NOT NULL,
	`reserved_until` integer NOT NULL,
	`carrier` text,
	`tracking_number` text,
	`tracking_url` text,
	`cancel_reason` text,
	`attention` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`paid_at` integer,
	`shipped_at` integer,
	`delivered_at` integer,
	`cancelled_at` integer,
	`expired_at` integer,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "orders_status_ck" CHECK("orders"."status" in ('pending_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired')),
	CONSTRAINT "orders_amounts_ck" CHECK("orders"."subtotal_minor" >= 0 and "orders"."shipping_minor" >= 0 and "orders"."tax_minor" >= 0),
	CONSTRAINT "orders_total_ck" CHECK("orders"."total_minor" = "orders"."subtotal_minor" + "orders"."shipping_minor" + (case when "orders"."tax_inclusive" then 0 else "orders"."tax_minor" end))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_uq` ON `orders` (`shop_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_status_token_uq` ON `orders` (`status_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_checkout_uq` ON `orders` (`shop_id`,`checkout_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_payment_reference_uq` ON `orders` (`shop_id`,`payment_reference`);--> statement-breakpoint
CREATE INDEX `orders_list_idx` ON `orders` (`shop_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_created_idx` ON `orders` (`shop_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_reserved_until_idx` ON `orders` (`status`,`reserved_until`);--> statement-breakpoint
CREATE TABLE `payments` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`order_id` text NOT NULL,
	`provider` text NOT NULL,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`provider_session_id` text,
	`provider_payment_id` text,
	`checkout_url` text,
	`provider_expires_at` integer,
	`destination_account` text,
	`platform_fee_minor` integer DEFAULT 0 NOT NULL,
	`receipt_media_id` text,
	`confirmed_by_user_id` text,
	`captured_minor` integer DEFAULT 0 NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`succeeded_at` integer,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`order_id`) REFERENCES `orders`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "payments_status_ck" CHECK("payments"."status" in ('pending', 'processing', 'succeeded', 'failed', 'expired')),
	CONSTRAINT "payments_amounts_ck" CHECK("payments"."amount_minor" >= 0 and "payments"."captured_minor" >= 0 and "payments"."refunded_minor" >= 0 and "payments"."refunded_minor" <= "payments"."captured_minor" and "payments"."platform_fee_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `payments_order_idx` ON `payments` (`shop_id`,`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_session_uq` ON `payments` (`provider_session_id`);--> statement-breakpoint
CREATE INDEX `payments_open_idx` ON `payments` (`provider`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`payment_id` text NOT NULL,
	`order_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider_refund_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`external` integer DEFAULT false NOT NULL,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`payment_id`) REFERENCES `payments`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "refunds_amount_ck" CHECK("refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `refunds_order_idx` ON `refunds` (`shop_id`,`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_provider_uq` ON `refunds` (`provider_refund_id`);--> statement-breakpoint
CREATE TABLE `shop_payment_settings` (
	`shop_id` text PRIMARY KEY NOT NULL,
	`card_enabled` integer DEFAULT true NOT NULL,
	`stripe_account_id` text,
	`platform_fee_bps` integer DEFAULT 0 NOT NULL,
	`manual_methods` text DEFAULT '[]' NOT NULL,
	`instructions` text DEFAULT '{}' NOT NULL,
	`card_hold_minutes` integer DEFAULT 35 NOT NULL,
	`manual_hold_hours` integer DEFAULT 120 NOT NULL,
	`notify_email` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shop_payment_settings_fee_ck" CHECK("shop_payment_settings"."platform_fee_bps" between 0 and 5000),
	CONSTRAINT "shop_payment_settings_hold_ck" CHECK("shop_payment_settings"."card_hold_minutes" between 30 and 1440 and "shop_payment_settings"."manual_hold_hours" between 1 and 720)
);
--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`shop_id` text,
	`order_id` text,
	`outcome` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_event_uq` ON `webhook_events` (`provider`,`event_id`);--> statement-breakpoint
CREATE INDEX `webhook_events_order_idx` ON `webhook_events` (`shop_id`,`order_id`);--> statement-breakpoint
CREATE TABLE `shipping_rates` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`zone_id` text NOT NULL,
	`name` text DEFAULT '{}' NOT NULL,
	`min_weight_grams` integer DEFAULT 0 NOT NULL,
	`max_weight_grams` integer,
	`amount_minor` integer NOT NULL,
	`free_over_minor` integer,
	`delivery_days_min` integer NOT NULL,
	`delivery_days_max` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`zone_id`) REFERENCES `shipping_zones`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shipping_rates_amount_ck" CHECK("shipping_rates"."amount_minor" >= 0),
	CONSTRAINT "shipping_rates_weight_ck" CHECK("shipping_rates"."min_weight_grams" >= 0 and ("shipping_rates"."max_weight_grams" is null or "shipping_rates"."max_weight_grams" > "shipping_rates"."min_weight_grams")),
	CONSTRAINT "shipping_rates_days_ck" CHECK("shipping_rates"."delivery_days_min" >= 0 and "shipping_rates"."delivery_days_max" >= "shipping_rates"."delivery_days_min"),
	CONSTRAINT "shipping_rates_free_ck" CHECK("shipping_rates"."free_over_minor" is null or "shipping_rates"."free_over_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `shipping_rates_zone_idx` ON `shipping_rates` (`shop_id`,`zone_id`,`position`);--> statement-breakpoint
CREATE TABLE `shipping_zones` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`countries` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`tax_rate_bps` integer DEFAULT 0 NOT NULL,
	`tax_inclusive` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shipping_zones_tax_ck" CHECK("shipping_zones"."tax_rate_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE INDEX `shipping_zones_position_idx` ON `shipping_zones` (`shop_id`,`position`);