// PgCaseStore's StaffStore: staff accounts in table staff (store/migrations/postgres/3_up.sql).
// A sign-in is counted by one UPDATE, which holds the row's lock until its transaction ends:
// sign-ins at once on several stations wait for each other there, and each sees the count the
// one before it left (PostgreSQL re-reads the row and its WHERE after the wait).
#include <optional>
#include <string>
#include <vector>

#include "store/case_change_rules.hpp"
#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_session.hpp"
#include "store/staff_rows.hpp"

namespace kiosk {
namespace {

// Every statement below returns name, role, disabled, failed_pins, locked_until_ms first.
StaffMember readMember(const PgResult& rows, int row) {
  StaffMember m;
  m.name = rows.text(row, 0);
  m.role = storedStaffRole(rows.text(row, 1));
  m.disabled = rows.boolean(row, 2);
  m.failedPins = static_cast<int>(rows.integer(row, 3));
  m.lockedUntilMs = rows.optionalInteger(row, 4);
  return m;
}

std::optional<StaffMember> firstMember(const PgResult& rows) {
  if (rows.rows() == 0) return std::nullopt;
  return readMember(rows, 0);
}

constexpr std::string_view kSelectMember =
    "SELECT name, role, disabled, failed_pins, locked_until_ms FROM staff WHERE name_key = $1";

// As SQLite's (sqlite_staff_store.cpp): counted unless disabled or locked until after now; a
// lock that has ended starts the count at 1; the lock is set when the count reaches the limit.
// $1 name key, $2 now (ms), $3 the limit, $4 the lock's length (ms).
constexpr std::string_view kCountAttempt =
    "UPDATE staff SET "
    "failed_pins = CASE WHEN locked_until_ms IS NULL THEN failed_pins + 1 ELSE 1 END, "
    "locked_until_ms = CASE WHEN (CASE WHEN locked_until_ms IS NULL THEN failed_pins + 1 ELSE 1 END) "
    ">= $3::integer THEN $2::bigint + $4::bigint END "
    "WHERE name_key = $1 AND NOT disabled AND (locked_until_ms IS NULL OR locked_until_ms <= $2::bigint) "
    "RETURNING name, role, disabled, failed_pins, locked_until_ms, pin_hash";

}  // namespace

Result<bool> PgCaseStore::addStaff(const StaffMember& member, const std::string& pinHash) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot add staff member", member.name, [&]() -> Result<bool> {
    return m_session->write<bool>([&](PgConnection& db) -> Result<bool> {
      const PgResult added = db.exec(
          "INSERT INTO staff (name_key, name, role, pin_hash) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (name_key) DO NOTHING",
          PgParams().text(staffNameKey(member.name)).text(member.name).text(roleName(member.role)).text(pinHash));
      return added.affected() > 0;
    });
  });
}

Result<std::optional<StaffMember>> PgCaseStore::findStaff(const std::string& name) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    return m_session->read(
        [&](PgConnection& db) { return firstMember(db.exec(kSelectMember, PgParams().text(staffNameKey(name)))); });
  });
}

Result<std::vector<StaffMember>> PgCaseStore::listStaff() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list the staff", {}, [&]() -> Result<std::vector<StaffMember>> {
    return m_session->read([&](PgConnection& db) {
      const PgResult rows =
          db.exec("SELECT name, role, disabled, failed_pins, locked_until_ms FROM staff ORDER BY name_key", PgParams());
      std::vector<StaffMember> staff;
      for (int r = 0; r < rows.rows(); ++r) staff.push_back(readMember(rows, r));
      return staff;
    });
  });
}

Result<std::optional<StaffMember>> PgCaseStore::setStaffDisabled(const std::string& name, bool disabled) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot change staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    return m_session->write<std::optional<StaffMember>>([&](PgConnection& db) -> Result<std::optional<StaffMember>> {
      return firstMember(db.exec(
          "UPDATE staff SET disabled = $2 WHERE name_key = $1 "
          "RETURNING name, role, disabled, failed_pins, locked_until_ms",
          PgParams().text(staffNameKey(name)).boolean(disabled)));
    });
  });
}

Result<std::optional<PinAttempt>> PgCaseStore::beginPinAttempt(const std::string& name, const PinLockPolicy& policy,
                                                               std::int64_t nowMs) {
  if (policy.maxWrongPins < 1 || policy.lockMs < 0) {
    return badInput("policy", "a PIN lock needs at least 1 wrong PIN and a length of 0 ms or more");
  }
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count a sign-in of staff member", name, [&]() -> Result<std::optional<PinAttempt>> {
    const std::string key = staffNameKey(name);
    return m_session->write<std::optional<PinAttempt>>([&](PgConnection& db) -> Result<std::optional<PinAttempt>> {
      const PgResult counted = db.exec(
          kCountAttempt, PgParams().text(key).integer(nowMs).integer(policy.maxWrongPins).integer(policy.lockMs));
      PinAttempt attempt;
      if (counted.rows() == 1) {
        attempt.allowed = true;
        attempt.member = readMember(counted, 0);
        attempt.pinHash = counted.text(0, 5);
        return std::optional<PinAttempt>(std::move(attempt));
      }
      // Disabled, locked or unknown: nothing was counted. A statement of its own, so that it sees
      // what the station it may have waited for has just committed.
      auto member = firstMember(db.exec(kSelectMember, PgParams().text(key)));
      if (!member) return std::optional<PinAttempt>{};
      attempt.member = std::move(*member);
      return std::optional<PinAttempt>(std::move(attempt));
    });
  });
}

Result<std::optional<StaffMember>> PgCaseStore::clearPinFailures(const std::string& name) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot clear the wrong PINs of staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    return m_session->write<std::optional<StaffMember>>([&](PgConnection& db) -> Result<std::optional<StaffMember>> {
      return firstMember(db.exec(
          "UPDATE staff SET failed_pins = 0, locked_until_ms = NULL WHERE name_key = $1 "
          "RETURNING name, role, disabled, failed_pins, locked_until_ms",
          PgParams().text(staffNameKey(name))));
    });
  });
}

Result<std::optional<StaffMember>> PgCaseStore::setStaffPinHash(const std::string& name, const std::string& pinHash) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot change the PIN of staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    return m_session->write<std::optional<StaffMember>>([&](PgConnection& db) -> Result<std::optional<StaffMember>> {
      return firstMember(db.exec(
          "UPDATE staff SET pin_hash = $2, failed_pins = 0, locked_until_ms = NULL WHERE name_key = $1 "
          "RETURNING name, role, disabled, failed_pins, locked_until_ms",
          PgParams().text(staffNameKey(name)).text(pinHash)));
    });
  });
}

}  // namespace kiosk
