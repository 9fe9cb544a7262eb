-- The parts supplier's order of a case (RepairCase::partsOrder, workflow/parts_desk.hpp): the
-- stable reference of the order-parts step that made it, that step's parts (a JSON list), and
-- the supplier's order id once the supplier took it. '' / '[]' when there is none: cases from
-- before this version are not sent to the supplier (their parts were ordered by hand).
-- ADD COLUMN with a constant default rewrites no rows: instant on a large file.
ALTER TABLE repair_case ADD COLUMN parts_order_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE repair_case ADD COLUMN parts_order_parts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE repair_case ADD COLUMN parts_order_id TEXT NOT NULL DEFAULT '';
