-- The fee after registration: the payment notice's deadline (Art. 22) and any application to defer, reduce or waive.
ALTER TABLE filings ADD COLUMN payment_status TEXT;
ALTER TABLE filings ADD COLUMN payment_due TEXT;
ALTER TABLE filings ADD COLUMN relief_kind TEXT;
ALTER TABLE filings ADD COLUMN relief_reason TEXT;
