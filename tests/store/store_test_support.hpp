#pragma once
// Shared pieces of the store tests: a per-test temporary folder, a case with every field set,
// and a field-by-field comparison that names the field that differs.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_case_store.hpp"
#include "support/scratch_passcode_vault.hpp"
#include "workflow/audit.hpp"
#include "workflow/case_service.hpp"
#include "store/audit_chain.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk::test {

[[nodiscard]] Date day(std::string_view text);
[[nodiscard]] LocalTime at(std::string_view text);

// A draft with every field of RepairCase set to something other than its default.
[[nodiscard]] RepairCase fullCase(const std::string& serial);
// A minimal draft: only what an intake must have.
[[nodiscard]] RepairCase draftCase(const std::string& serial, const std::string& customer = "Kari Nordmann");

void expectSameCase(const RepairCase& expected, const RepairCase& actual);
// A fresh salt and seals for every event of `c` as it is: what a store that wrote it would hold
// (PgCaseStore::importCase takes them from the source store).
[[nodiscard]] CaseAudit sealedAudit(const RepairCase& c);

[[nodiscard]] std::string readBytes(const std::filesystem::path& file);

// The audit log's entries of one kind, oldest first (a failed listing fails the test).
[[nodiscard]] std::vector<AuditEntry> auditEntriesOf(AuditLog& log, std::string_view kind);

// A fresh folder under the system temp folder for each test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
  [[nodiscard]] std::filesystem::path dbFile() const { return m_dir / "cases.db"; }

 private:
  std::filesystem::path m_dir;
};

// The workflow service over an in-memory SQLite store with the real vendor profiles and a real
// passcode vault.
class MemoryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
    ASSERT_TRUE(vendors) << vendors.error().message;
    m_vendors = std::make_unique<VendorCatalog>(std::move(*vendors));
    auto opened = SqliteCaseStore::openInMemory();
    ASSERT_TRUE(opened) << opened.error().message;
    m_store = std::move(*opened);
    m_service = std::make_unique<CaseService>(*m_store, *m_vendors, nullptr, &m_vault);
  }

  [[nodiscard]] CaseService& service() { return *m_service; }
  [[nodiscard]] CaseStore& store() { return *m_store; }

  ScratchPasscodeVault m_vault;  // intake seals the sample intakes' passcodes
  std::unique_ptr<VendorCatalog> m_vendors;
  std::unique_ptr<SqliteCaseStore> m_store;
  std::unique_ptr<CaseService> m_service;
};

}  // namespace kiosk::test
