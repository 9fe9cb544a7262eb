-- The customer's signature accepting a closed case, drawn on the kiosk's screen: SVG path data
-- ("M x y L x y ...", canvas-local integer coordinates; see RepairCase::acceptanceSignature).
-- '' when none was taken (cases closed by the CLI, and every case before this version).
-- ADD COLUMN with a constant default rewrites no rows: instant on a large file.
ALTER TABLE repair_case ADD COLUMN acceptance_signature TEXT NOT NULL DEFAULT '';
