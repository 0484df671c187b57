-- User settings (one row per key) and dated FX rates entered by the user (issue 4, DESIGN §4).

-- Key/value so a new setting needs no migration; the service validates values and falls back to defaults.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value       TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

-- 1 base = rate quote on effective_date. The rate is exact: an integer numerator at scale 9 (1.0842 -> 1084200000),
-- never a float, so a rate entered as text reads back as the same text.
CREATE TABLE fx_rates (
  id             INTEGER PRIMARY KEY,
  base           TEXT NOT NULL CHECK (length(base) = 3 AND base GLOB '[A-Z][A-Z][A-Z]'),
  quote          TEXT NOT NULL CHECK (length(quote) = 3 AND quote GLOB '[A-Z][A-Z][A-Z]'),
  rate_e9        INTEGER NOT NULL CHECK (rate_e9 > 0),
  -- date(x) = x rejects both other formats and impossible days such as 2026-02-30.
  effective_date TEXT NOT NULL CHECK (length(effective_date) = 10 AND date(effective_date) IS effective_date),
  source         TEXT NOT NULL DEFAULT 'manual',
  recorded_at    INTEGER NOT NULL,
  CHECK (base <> quote),
  UNIQUE (base, quote, effective_date)
) STRICT;

-- "Latest rate on or before D": WHERE base = ? AND quote = ? AND effective_date <= ? ORDER BY effective_date DESC
-- LIMIT 1 is one seek backwards in this index (the UNIQUE constraint's own index would serve too; this one is named
-- so a query-plan test can pin it and a later migration cannot drop the lookup by accident).
CREATE INDEX fx_rates_latest_on_or_before ON fx_rates (base, quote, effective_date DESC);
