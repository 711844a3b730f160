-- A fee event (payment recorded, relief applied for, granted or refused, treated as withdrawn) changes the
-- payment status, not the filing's: record that change, before and after, on the event itself.
ALTER TABLE filing_events ADD COLUMN payment_from TEXT;
ALTER TABLE filing_events ADD COLUMN payment_to TEXT;
