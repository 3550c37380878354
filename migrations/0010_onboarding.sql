CREATE TABLE `cohort_shops` (
	`cohort_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`cohort_id`, `shop_id`),
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cohort_shops_shop_idx` ON `cohort_shops` (`shop_id`);--> statement-breakpoint
CREATE TABLE `cohorts` (
	`id` text PRIMARY KEY NOT NULL,
	`village_id` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohorts_name_uq` ON `cohorts` (`village_id`,`name`);--> statement-breakpoint
CREATE INDEX `cohorts_village_idx` ON `cohorts` (`village_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `converted_amounts` (
	`shop_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`from_amount_minor` integer NOT NULL,
	`from_currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`rate` text NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	PRIMARY KEY(`shop_id`, `entity`, `entity_id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "converted_amounts_entity_ck" CHECK("converted_amounts"."entity" in ('variant', 'shipping_rate', 'shipping_free_over'))
);
--> statement-breakpoint
CREATE INDEX `converted_amounts_open_idx` ON `converted_amounts` (`shop_id`,`confirmed_at`);--> statement-breakpoint
CREATE TABLE `invitation_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invitation_attempts_subject_idx` ON `invitation_attempts` (`subject_hash`,`created_at`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`village_id` text NOT NULL,
	`cohort_id` text,
	`token_hash` text NOT NULL,
	`code_hash` text NOT NULL,
	`channel` text NOT NULL,
	`email` text,
	`phone` text,
	`name` text DEFAULT '' NOT NULL,
	`shop_name` text DEFAULT '' NOT NULL,
	`locale` text NOT NULL,
	`currency` text NOT NULL,
	`template_id` text,
	`contact_key` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_user_id` text,
	`accepted_shop_id` text,
	`revoked_at` integer,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`template_id`) REFERENCES `shop_templates`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invitations_channel_ck" CHECK("invitations"."channel" in ('email', 'sms', 'print')),
	CONSTRAINT "invitations_state_ck" CHECK("invitations"."accepted_at" is null or "invitations"."revoked_at" is null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_uq` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_code_hash_uq` ON `invitations` (`code_hash`);--> statement-breakpoint
CREATE INDEX `invitations_village_idx` ON `invitations` (`village_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_cohort_idx` ON `invitations` (`cohort_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_contact_idx` ON `invitations` (`village_id`,`contact_key`);--> statement-breakpoint
CREATE INDEX `invitations_creator_idx` ON `invitations` (`created_by`,`created_at`);--> statement-breakpoint
CREATE TABLE `pre_online_prices` (
	`shop_id` text NOT NULL,
	`product_id` text DEFAULT '' NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `product_id`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "pre_online_prices_amount_ck" CHECK("pre_online_prices"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE `shop_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`village_id` text NOT NULL,
	`source_shop_id` text,
	`name` text NOT NULL,
	`base_currency` text NOT NULL,
	`data` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `shop_templates_village_idx` ON `shop_templates` (`village_id`,`created_at`);