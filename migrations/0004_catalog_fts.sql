-- Full-text search over product texts (catalog/search-products.ts).
--
-- The trigram tokenizer indexes every 3-character substring, so it matches
-- Chinese (山核桃, which unicode61 cannot segment) as well as Spanish and
-- English; `remove_diacritics 1` lets "volcanica" find "volcánica". Queries
-- shorter than 3 characters cannot use it and fall back to LIKE in core.
--
-- The FTS rows are keyed by `product_search_keys.id`, an INTEGER PRIMARY KEY
-- (stable across VACUUM, unlike the implicit rowid of `products` or
-- `product_texts`), so the triggers find the FTS row of a text in O(log n)
-- instead of scanning the UNINDEXED columns.
CREATE TABLE `product_search_keys` (
	`id` integer PRIMARY KEY,
	`shop_id` text NOT NULL,
	`product_id` text NOT NULL,
	`locale` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_search_keys_uq` ON `product_search_keys` (`shop_id`, `product_id`, `locale`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `product_search` USING fts5(
	shop_id UNINDEXED,
	product_id UNINDEXED,
	locale UNINDEXED,
	title,
	description,
	materials,
	tokenize = 'trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE TRIGGER `product_texts_search_ai` AFTER INSERT ON `product_texts` BEGIN
	INSERT INTO product_search_keys (shop_id, product_id, locale)
		VALUES (new.shop_id, new.product_id, new.locale);
	INSERT INTO product_search (rowid, shop_id, product_id, locale, title, description, materials)
		VALUES (last_insert_rowid(), new.shop_id, new.product_id, new.locale, new.title, new.description, new.materials);
END;
--> statement-breakpoint
CREATE TRIGGER `product_texts_search_ad` AFTER DELETE ON `product_texts` BEGIN
	DELETE FROM product_search WHERE rowid = (
		SELECT id FROM product_search_keys
		WHERE shop_id = old.shop_id AND product_id = old.product_id AND locale = old.locale);
	DELETE FROM product_search_keys
		WHERE shop_id = old.shop_id AND product_id = old.product_id AND locale = old.locale;
END;
--> statement-breakpoint
CREATE TRIGGER `product_texts_search_au` AFTER UPDATE ON `product_texts` BEGIN
	DELETE FROM product_search WHERE rowid = (
		SELECT id FROM product_search_keys
		WHERE shop_id = old.shop_id AND product_id = old.product_id AND locale = old.locale);
	DELETE FROM product_search_keys
		WHERE shop_id = old.shop_id AND product_id = old.product_id AND locale = old.locale;
	INSERT INTO product_search_keys (shop_id, product_id, locale)
		VALUES (new.shop_id, new.product_id, new.locale);
	INSERT INTO product_search (rowid, shop_id, product_id, locale, title, description, materials)
		VALUES (last_insert_rowid(), new.shop_id, new.product_id, new.locale, new.title, new.description, new.materials);
END;
--> statement-breakpoint
-- Index texts written before this migration.
INSERT INTO product_search_keys (shop_id, product_id, locale)
	SELECT shop_id, product_id, locale FROM product_texts;
--> statement-breakpoint
INSERT INTO product_search (rowid, shop_id, product_id, locale, title, description, materials)
	SELECT k.id, t.shop_id, t.product_id, t.locale, t.title, t.description, t.materials
	FROM product_search_keys k
	JOIN product_texts t ON t.shop_id = k.shop_id AND t.product_id = k.product_id AND t.locale = k.locale;
