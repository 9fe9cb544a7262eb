// SqliteCaseStore's StaffStore: staff accounts in table staff (migration 9). Every change is one
// statement under the file's write lock, so sign-ins from several processes are each counted.
#include <optional>
#include <string>
#include <vector>

#include "store/case_change_rules.hpp"
#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "store/staff_rows.hpp"

namespace kiosk {
namespace {

// Every statement below returns name, role, disabled, failed_pins, locked_until_ms first.
StaffMember readMember(const SqliteStatement& row) {
  StaffMember m;
  m.name = row.text(0);
  m.role = storedStaffRole(row.text(1));
  m.disabled = row.integer(2) != 0;
  m.failedPins = static_cast<int>(row.integer(3));
  m.lockedUntilMs = row.optionalInteger(4);
  return m;
}

// Reads the one row a RETURNING statement gives and lets it finish (it must, before the
// transaction commits); nullopt when no row was changed.
std::optional<StaffMember> returnedMember(SqliteStatement& statement) {
  if (!statement.step()) return std::nullopt;
  StaffMember m = readMember(statement);
  while (statement.step()) {
  }
  return m;
}

// The attempt is counted unless the account is disabled or locked until after now: a lock that
// has ended starts the count at 1; the lock is set when the count reaches the limit. Every SET
// reads the row as it was. ?1 name key, ?2 now (ms), ?3 the limit, ?4 the lock's length (ms).
constexpr std::string_view kSelectMember =
    "SELECT name, role, disabled, failed_pins, locked_until_ms FROM staff WHERE name_key = ?1";

constexpr std::string_view kCountAttempt =
    "UPDATE staff SET "
    "failed_pins = CASE WHEN locked_until_ms IS NULL THEN failed_pins + 1 ELSE 1 END, "
    "locked_until_ms = CASE WHEN (CASE WHEN locked_until_ms IS NULL THEN failed_pins + 1 ELSE 1 END) >= ?3 "
    "THEN ?2 + ?4 END "
    "WHERE name_key = ?1 AND disabled = 0 AND (locked_until_ms IS NULL OR locked_until_ms <= ?2) "
    "RETURNING name, role, disabled, failed_pins, locked_until_ms, pin_hash";

}  // namespace

Result<bool> SqliteCaseStore::addStaff(const StaffMember& member, const std::string& pinHash) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot add staff member", member.name, [&]() -> Result<bool> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    SqliteStatement insert(*m_db,
                           "INSERT INTO staff (name_key, name, role, pin_hash) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (name_key) DO NOTHING");
    insert.bind(1, std::string_view(staffNameKey(member.name)));
    insert.bind(2, std::string_view(member.name));
    insert.bind(3, roleName(member.role));
    insert.bind(4, std::string_view(pinHash));
    insert.run();
    const bool added = m_db->changes() > 0;
    transaction.commit();
    if (added) ++m_ownCommits;
    return added;
  });
}

Result<std::optional<StaffMember>> SqliteCaseStore::findStaff(const std::string& name) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, kSelectMember);
      select.bind(1, std::string_view(staffNameKey(name)));
      return returnedMember(select);
    });
  });
}

Result<std::vector<StaffMember>> SqliteCaseStore::listStaff() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list the staff", {}, [&]() -> Result<std::vector<StaffMember>> {
    return m_db->retryWhileBusy([&] {
      std::vector<StaffMember> staff;
      SqliteStatement select(*m_db,
                             "SELECT name, role, disabled, failed_pins, locked_until_ms FROM staff ORDER BY name_key");
      while (select.step()) staff.push_back(readMember(select));
      return staff;
    });
  });
}

Result<std::optional<StaffMember>> SqliteCaseStore::setStaffDisabled(const std::string& name, bool disabled) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot change staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    SqliteStatement update(*m_db,
                           "UPDATE staff SET disabled = ?2 WHERE name_key = ?1 "
                           "RETURNING name, role, disabled, failed_pins, locked_until_ms");
    update.bind(1, std::string_view(staffNameKey(name)));
    update.bind(2, std::int64_t{disabled ? 1 : 0});
    auto changed = returnedMember(update);
    transaction.commit();
    if (changed) ++m_ownCommits;
    return changed;
  });
}

Result<std::optional<PinAttempt>> SqliteCaseStore::beginPinAttempt(const std::string& name,
                                                                   const PinLockPolicy& policy, std::int64_t nowMs) {
  if (policy.maxWrongPins < 1 || policy.lockMs < 0) {
    return badInput("policy", "a PIN lock needs at least 1 wrong PIN and a length of 0 ms or more");
  }
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count a sign-in of staff member", name, [&]() -> Result<std::optional<PinAttempt>> {
    const std::string key = staffNameKey(name);
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    PinAttempt attempt;
    {
      SqliteStatement count(*m_db, kCountAttempt);
      count.bind(1, std::string_view(key));
      count.bind(2, nowMs);
      count.bind(3, std::int64_t{policy.maxWrongPins});
      count.bind(4, policy.lockMs);
      if (count.step()) {
        attempt.allowed = true;
        attempt.member = readMember(count);
        attempt.pinHash = count.text(5);
        while (count.step()) {
        }
      }
    }
    if (!attempt.allowed) {
      // Disabled, locked or unknown: nothing was counted; say which.
      SqliteStatement select(*m_db, kSelectMember);
      select.bind(1, std::string_view(key));
      auto member = returnedMember(select);
      if (!member) return std::optional<PinAttempt>{};
      attempt.member = std::move(*member);
      return std::optional<PinAttempt>(std::move(attempt));
    }
    transaction.commit();
    ++m_ownCommits;
    return std::optional<PinAttempt>(std::move(attempt));
  });
}

Result<std::optional<StaffMember>> SqliteCaseStore::clearPinFailures(const std::string& name) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot clear the wrong PINs of staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    SqliteStatement update(*m_db,
                           "UPDATE staff SET failed_pins = 0, locked_until_ms = NULL WHERE name_key = ?1 "
                           "RETURNING name, role, disabled, failed_pins, locked_until_ms");
    update.bind(1, std::string_view(staffNameKey(name)));
    auto cleared = returnedMember(update);
    transaction.commit();
    if (cleared) ++m_ownCommits;
    return cleared;
  });
}

Result<std::optional<StaffMember>> SqliteCaseStore::setStaffPinHash(const std::string& name,
                                                                   const std::string& pinHash) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot change the PIN of staff member", name, [&]() -> Result<std::optional<StaffMember>> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    SqliteStatement update(*m_db,
                           "UPDATE staff SET pin_hash = ?2, failed_pins = 0, locked_until_ms = NULL "
                           "WHERE name_key = ?1 RETURNING name, role, disabled, failed_pins, locked_until_ms");
    update.bind(1, std::string_view(staffNameKey(name)));
    update.bind(2, std::string_view(pinHash));
    auto changed = returnedMember(update);
    transaction.commit();
    if (changed) ++m_ownCommits;
    return changed;
  });
}

}  // namespace kiosk
