CREATE TABLE `shop_images` (
	`shop_id` text NOT NULL,
	`role` text NOT NULL,
	`media_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `role`),
	FOREIGN KEY (`shop_id`,`media_id`) REFERENCES `media_assets`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shop_images_role_ck" CHECK("shop_images"."role" in ('logo', 'banner'))
);
--> statement-breakpoint
ALTER TABLE `jobs` ADD `result` text;