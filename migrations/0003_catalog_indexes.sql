CREATE INDEX `products_created_idx` ON `products` (`shop_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `products_public_idx` ON `products` (`status`,`created_at`,`id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_product_images` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`product_id` text NOT NULL,
	`media_id` text NOT NULL,
	`position` integer NOT NULL,
	`alt` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`),
	FOREIGN KEY (`shop_id`,`product_id`) REFERENCES `products`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`,`media_id`) REFERENCES `media_assets`(`shop_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_product_images`("shop_id", "id", "product_id", "media_id", "position", "alt", "created_at") SELECT "shop_id", "id", "product_id", "media_id", "position", "alt", "created_at" FROM `product_images`;--> statement-breakpoint
DROP TABLE `product_images`;--> statement-breakpoint
ALTER TABLE `__new_product_images` RENAME TO `product_images`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `product_images_product_idx` ON `product_images` (`shop_id`,`product_id`,`position`);