-- Staff accounts (issue 8): who signs in at the stations, in which role, with a PIN kept only as
-- its Argon2id hash (libsodium's crypto_pwhash_str text, salt and limits included; never the PIN).
-- name is as given; name_key is it folded to lower case (store/staff_rows.cpp), so that "kari"
-- finds "Kari" and no second "KARI" can be added. failed_pins counts sign-ins since the last
-- right PIN (counted before the PIN is judged, workflow/staff_store.hpp); locked_until_ms is set
-- when it reaches the limit: no PIN is judged until then (UTC milliseconds since the epoch).
CREATE TABLE staff (
  name_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('counter', 'technician', 'admin')),
  pin_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
  locked_until_ms INTEGER
) WITHOUT ROWID;
