-- The places each court serves (districts, counties, county-level cities as addresses name them, comma-separated):
-- the competent court is suggested from the addresses and places a filing names.
ALTER TABLE courts ADD COLUMN places TEXT NOT NULL DEFAULT '';
