DROP TABLE `order_counters`;--> statement-breakpoint
DROP INDEX `checkouts_order_uq`;--> statement-breakpoint
ALTER TABLE `checkouts` DROP COLUMN `order_id`;--> statement-breakpoint
DROP INDEX `orders_payment_reference_uq`;--> statement-breakpoint
DROP INDEX `payments_session_uq`;--> statement-breakpoint
DROP INDEX `payments_open_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_session_uq` ON `payments` (`provider_session_id`) WHERE "payments"."provider_session_id" is not null;--> statement-breakpoint
CREATE INDEX `payments_open_idx` ON `payments` (`provider`,`status`,`created_at`) WHERE "payments"."provider_session_id" is not null;