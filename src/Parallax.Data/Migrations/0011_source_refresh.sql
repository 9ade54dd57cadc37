-- The feed's own refresh interval (RSS <ttl>, sy:updatePeriod), in milliseconds, kept between checks: a 304 carries
-- no feed, so without it every check after the first would fall back to the default interval.
ALTER TABLE sources ADD COLUMN refresh_hint BIGINT;
