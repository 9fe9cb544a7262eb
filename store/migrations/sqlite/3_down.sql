-- Back to version 2: discards every stored signature. DROP COLUMN needs SQLite 3.35 or later.
ALTER TABLE repair_case DROP COLUMN acceptance_signature;
