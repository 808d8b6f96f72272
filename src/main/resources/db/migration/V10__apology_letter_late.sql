-- Issue 18: an apology letter signed after its legal limit (later than one working day before the
-- appointment it moves, Decree 61/2018 Art. 19(3), Decree 118/2025) is accepted but marked; and who signed
-- it: the head of the agency (HEAD) or a deputy authorised to sign for the head (DEPUTY_HEAD, "KT.").
ALTER TABLE apology_letter ADD COLUMN signed_late BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE apology_letter ADD COLUMN signed_as VARCHAR(20);
