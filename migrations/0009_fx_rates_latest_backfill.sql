-- Custom SQL migration file, put your code below! --
-- Point fx_rates_latest at the newest rate of every (owner, base, quote) already stored.
INSERT INTO `fx_rates_latest` (`owner`, `base`, `quote`, `rate_id`, `as_of`)
SELECT `owner`, `base`, `quote`, `id`, `as_of` FROM (
  SELECT coalesce(`shop_id`, '') AS `owner`, `base`, `quote`, `id`, `as_of`,
    row_number() OVER (
      PARTITION BY coalesce(`shop_id`, ''), `base`, `quote`
      ORDER BY `as_of` DESC, `fetched_at` DESC, `id` DESC
    ) AS `rn`
  FROM `fx_rates`
) WHERE `rn` = 1;
