DROP INDEX `orders_status_token_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_legacy_status_token_uq` ON `orders` (`status_token`) WHERE instr("orders"."status_token", '.') = 0;