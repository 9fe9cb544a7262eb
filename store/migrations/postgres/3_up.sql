-- Staff accounts (issue 8), as SQLite's migration 9: who signs in at the stations, in which role,
-- with a PIN kept only as its Argon2id hash (libsodium's crypto_pwhash_str text; never the PIN).
-- name_key is the name folded to lower case (store/staff_rows.cpp): "kari" finds "Kari", and no
-- second "KARI" can be added. failed_pins counts sign-ins since the last right PIN, counted
-- before the PIN is judged by one UPDATE that holds the row's lock, so sign-ins at once on many
-- stations are each counted; locked_until_ms (UTC ms) is set when it reaches the limit.
CREATE TABLE staff (
  name_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('counter', 'technician', 'admin')),
  pin_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false,
  failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
  locked_until_ms BIGINT
);
