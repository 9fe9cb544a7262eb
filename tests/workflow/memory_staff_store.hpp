#pragma once
// Test doubles for the staff ports: accounts in a map, with the count and lock rules the store
// contract (tests/store/staff_contract_test.cpp) holds both real stores to; and a hasher that
// keeps the PINs it was given in a table of its own, so a test sees what the store was handed.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "workflow/pin_hasher.hpp"
#include "workflow/staff_store.hpp"

namespace kiosk::test {

class MemoryStaffStore final : public StaffStore {
 public:
  Result<bool> addStaff(const StaffMember& member, const std::string& pinHash) override {
    if (m_rows.count(key(member.name)) != 0) return false;
    StaffMember fresh;
    fresh.name = member.name;
    fresh.role = member.role;
    m_rows[key(member.name)] = Row{fresh, pinHash};
    return true;
  }
  Result<std::optional<StaffMember>> findStaff(const std::string& name) override {
    const auto it = m_rows.find(key(name));
    if (it == m_rows.end()) return std::optional<StaffMember>{};
    return std::optional<StaffMember>(it->second.member);
  }
  Result<std::vector<StaffMember>> listStaff() override {
    std::vector<StaffMember> all;
    for (const auto& [k, row] : m_rows) all.push_back(row.member);
    return all;
  }
  Result<std::optional<StaffMember>> setStaffDisabled(const std::string& name, bool disabled) override {
    const auto it = m_rows.find(key(name));
    if (it == m_rows.end()) return std::optional<StaffMember>{};
    it->second.member.disabled = disabled;
    return std::optional<StaffMember>(it->second.member);
  }
  Result<std::optional<PinAttempt>> beginPinAttempt(const std::string& name, const PinLockPolicy& policy,
                                                    std::int64_t nowMs) override {
    const auto it = m_rows.find(key(name));
    if (it == m_rows.end()) return std::optional<PinAttempt>{};
    StaffMember& m = it->second.member;
    PinAttempt attempt;
    attempt.allowed = !m.disabled && !(m.lockedUntilMs && *m.lockedUntilMs > nowMs);
    if (attempt.allowed) {
      m.failedPins = m.lockedUntilMs ? 1 : m.failedPins + 1;
      m.lockedUntilMs.reset();
      if (m.failedPins >= policy.maxWrongPins) m.lockedUntilMs = nowMs + policy.lockMs;
      attempt.pinHash = it->second.pinHash;
    }
    attempt.member = m;
    return std::optional<PinAttempt>(attempt);
  }
  Result<std::optional<StaffMember>> clearPinFailures(const std::string& name) override {
    const auto it = m_rows.find(key(name));
    if (it == m_rows.end()) return std::optional<StaffMember>{};
    it->second.member.failedPins = 0;
    it->second.member.lockedUntilMs.reset();
    return std::optional<StaffMember>(it->second.member);
  }

  Result<std::optional<StaffMember>> setStaffPinHash(const std::string& name, const std::string& pinHash) override {
    const auto it = m_rows.find(key(name));
    if (it == m_rows.end()) return std::optional<StaffMember>{};
    it->second.pinHash = pinHash;
    it->second.member.failedPins = 0;
    it->second.member.lockedUntilMs.reset();
    return std::optional<StaffMember>(it->second.member);
  }

  // What the store was handed for `name`'s PIN.
  [[nodiscard]] std::string hashOf(const std::string& name) const { return m_rows.at(key(name)).pinHash; }

 private:
  struct Row {
    StaffMember member;
    std::string pinHash;
  };
  static std::string key(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
  }
  std::map<std::string, Row> m_rows;
};

// "hash-N" for the N-th PIN hashed: nothing of the PIN in it.
class TableHasher final : public PinHasher {
 public:
  Result<std::string> hashPin(std::string_view pin) override {
    m_pins.emplace_back(pin);
    return "hash-" + std::to_string(m_pins.size() - 1);
  }
  bool pinMatches(std::string_view hash, std::string_view pin) override {
    ++judged;
    if (hash.substr(0, 5) != "hash-") return false;
    const auto n = static_cast<std::size_t>(std::stoul(std::string(hash.substr(5))));
    return n < m_pins.size() && m_pins[n] == pin;
  }
  int judged = 0;  // PINs compared so far

 private:
  std::vector<std::string> m_pins;
};

}  // namespace kiosk::test
