-- Custom SQL migration file, put your code below! --
-- Bump a scope of `content_versions` whenever a row that buyers' pages show is
-- written (see the table's TSDoc in core/src/schema/platform.ts). Every bump takes
-- the next number of one sequence for all scopes, so max(version) over any set of
-- scopes moves whenever one of them does. Tenant rows bump their shop; FX rates
-- without a shop and villages bump '*' (the platform scope every page reads).
-- A variant's stock bumps only when what a page says about it changes: sold out,
-- 1..5 left (core's FEW_LEFT), or plenty; an order taking one of 200 does not.
CREATE TRIGGER `cv_products_ins` AFTER INSERT ON `products`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_products_upd` AFTER UPDATE ON `products`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_products_del` AFTER DELETE ON `products`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_texts_ins` AFTER INSERT ON `product_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_texts_upd` AFTER UPDATE ON `product_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_texts_del` AFTER DELETE ON `product_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_options_ins` AFTER INSERT ON `product_options`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_options_upd` AFTER UPDATE ON `product_options`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_options_del` AFTER DELETE ON `product_options`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_option_values_ins` AFTER INSERT ON `product_option_values`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_option_values_upd` AFTER UPDATE ON `product_option_values`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_option_values_del` AFTER DELETE ON `product_option_values`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variant_option_values_ins` AFTER INSERT ON `variant_option_values`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variant_option_values_upd` AFTER UPDATE ON `variant_option_values`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variant_option_values_del` AFTER DELETE ON `variant_option_values`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variant_prices_ins` AFTER INSERT ON `variant_prices`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variant_prices_upd` AFTER UPDATE ON `variant_prices`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variant_prices_del` AFTER DELETE ON `variant_prices`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_images_ins` AFTER INSERT ON `product_images`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_images_upd` AFTER UPDATE ON `product_images`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_product_images_del` AFTER DELETE ON `product_images`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_collections_ins` AFTER INSERT ON `collections`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_collections_upd` AFTER UPDATE ON `collections`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_collections_del` AFTER DELETE ON `collections`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_collection_products_ins` AFTER INSERT ON `collection_products`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_collection_products_upd` AFTER UPDATE ON `collection_products`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_collection_products_del` AFTER DELETE ON `collection_products`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_media_assets_ins` AFTER INSERT ON `media_assets`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_media_assets_upd` AFTER UPDATE ON `media_assets`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_media_assets_del` AFTER DELETE ON `media_assets`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_media_files_ins` AFTER INSERT ON `media_files`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_media_files_upd` AFTER UPDATE ON `media_files`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_media_files_del` AFTER DELETE ON `media_files`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_images_ins` AFTER INSERT ON `shop_images`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_images_upd` AFTER UPDATE ON `shop_images`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_images_del` AFTER DELETE ON `shop_images`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_texts_ins` AFTER INSERT ON `shop_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_texts_upd` AFTER UPDATE ON `shop_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_texts_del` AFTER DELETE ON `shop_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_pricing_settings_ins` AFTER INSERT ON `shop_pricing_settings`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_pricing_settings_upd` AFTER UPDATE ON `shop_pricing_settings`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_pricing_settings_del` AFTER DELETE ON `shop_pricing_settings`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_rounding_rules_ins` AFTER INSERT ON `shop_rounding_rules`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_rounding_rules_upd` AFTER UPDATE ON `shop_rounding_rules`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shop_rounding_rules_del` AFTER DELETE ON `shop_rounding_rules`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shops_ins` AFTER INSERT ON `shops`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shops_upd` AFTER UPDATE ON `shops`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_shops_del` AFTER DELETE ON `shops`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_fx_rates_ins` AFTER INSERT ON `fx_rates`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (coalesce(NEW.`shop_id`, '*'), (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_fx_rates_upd` AFTER UPDATE ON `fx_rates`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (coalesce(NEW.`shop_id`, '*'), (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_fx_rates_del` AFTER DELETE ON `fx_rates`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (coalesce(OLD.`shop_id`, '*'), (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_fx_rates_latest_ins` AFTER INSERT ON `fx_rates_latest`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (CASE NEW.`owner` WHEN '' THEN '*' ELSE NEW.`owner` END, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_fx_rates_latest_upd` AFTER UPDATE ON `fx_rates_latest`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (CASE NEW.`owner` WHEN '' THEN '*' ELSE NEW.`owner` END, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_fx_rates_latest_del` AFTER DELETE ON `fx_rates_latest`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (CASE OLD.`owner` WHEN '' THEN '*' ELSE OLD.`owner` END, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_villages_ins` AFTER INSERT ON `villages`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES ('*', (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_villages_upd` AFTER UPDATE ON `villages`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES ('*', (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_villages_del` AFTER DELETE ON `villages`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES ('*', (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_village_texts_ins` AFTER INSERT ON `village_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES ('*', (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_village_texts_upd` AFTER UPDATE ON `village_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES ('*', (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_village_texts_del` AFTER DELETE ON `village_texts`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES ('*', (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variants_ins` AFTER INSERT ON `variants`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variants_del` AFTER DELETE ON `variants`
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (OLD.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cv_variants_upd` AFTER UPDATE ON `variants`
WHEN OLD.`product_id` IS NOT NEW.`product_id`
  OR OLD.`sku` IS NOT NEW.`sku`
  OR OLD.`position` IS NOT NEW.`position`
  OR OLD.`price_minor` IS NOT NEW.`price_minor`
  OR OLD.`weight_grams` IS NOT NEW.`weight_grams`
  OR OLD.`made_to_order` IS NOT NEW.`made_to_order`
  OR OLD.`processing_days_min` IS NOT NEW.`processing_days_min`
  OR OLD.`processing_days_max` IS NOT NEW.`processing_days_max`
  OR min(max(OLD.`stock_on_hand`, 0), 6) <> min(max(NEW.`stock_on_hand`, 0), 6)
BEGIN
  INSERT INTO `content_versions` (`scope`, `version`)
  VALUES (NEW.`shop_id`, (SELECT coalesce(max(`version`), 0) + 1 FROM `content_versions`))
  ON CONFLICT (`scope`) DO UPDATE SET `version` = excluded.`version`;
END;
