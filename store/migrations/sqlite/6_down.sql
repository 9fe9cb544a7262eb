-- Back to version 5: forgets every case's supplier order (the timeline keeps the order ids in
-- its parts-order-sent events). DROP COLUMN needs SQLite 3.35 or later.
ALTER TABLE repair_case DROP COLUMN parts_order_id;
ALTER TABLE repair_case DROP COLUMN parts_order_parts;
ALTER TABLE repair_case DROP COLUMN parts_order_reference;
