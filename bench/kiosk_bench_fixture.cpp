#include "kiosk_bench_fixture.hpp"

#include <sqlite3.h>

#include <iostream>
#include <stdexcept>
#include <string>

#include "bench_support.hpp"
#include "store/sqlite_case_store.hpp"

namespace kiosk::bench {
namespace {

constexpr CaseStatus kOpen[] = {CaseStatus::Registered, CaseStatus::Diagnosed,        CaseStatus::AwaitingParts,
                                CaseStatus::InRepair,   CaseStatus::Repaired,         CaseStatus::AwaitingCustomer,
                                CaseStatus::Returning,  CaseStatus::Dispatched};

void check(int rc, sqlite3* db, int expected = SQLITE_OK) {
  if (rc != expected) throw std::runtime_error(std::string("fixture: ") + sqlite3_errmsg(db));
}

void bulkFill(const std::filesystem::path& file, std::size_t cases) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  std::filesystem::create_directories(file.parent_path());
  {
    auto schema = SqliteCaseStore::open(file);  // the real schema, every migration
    if (!schema) throw std::runtime_error(schema.error().message);
  }
  sqlite3* db = nullptr;
  check(sqlite3_open(file.c_str(), &db), db);
  check(sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr), db);
  sqlite3_stmt* insertCase = nullptr;
  sqlite3_stmt* insertEvent = nullptr;
  check(sqlite3_prepare_v2(db,
      "INSERT INTO repair_case (seq, number, version, status, registered_at, device_vendor, device_family, "
      "device_serial, device_product, device_purchased, device_seller, device_country, customer_name, "
      "customer_mobile, customer_email, customer_address, intake_ecase, intake_invoice, intake_order, "
      "intake_fault, intake_channel, intake_agreement, intake_accessories, intake_condition, intake_shelf, "
      "intake_passcode, intake_second_case_reason, finding, damage, answer, parts, carrier, tracking, "
      "due, late_report, accepted_by, technician) VALUES (?1, ?2, 1, ?3, '2026-10-01T10:00:00', ?4, ?5, ?6, "
      "?7, '2024-03-01', 'atea', 'NO', ?8, ?9, 'kari@example.no', 'Storgata 1, 0155 Oslo', '', '', '', "
      "'Starter ikke', 'counter', 'SA0011807', '', '', 'H4', '', '', '', '', 'none', '[]', '', '', ?10, 0, '', ?11)",
      -1, &insertCase, nullptr), db);
  check(sqlite3_prepare_v2(db,
      "INSERT INTO case_event (case_seq, position, at, staff, kind, detail) "
      "VALUES (?1, 0, '2026-10-01T10:00:00', 'bench', 'registered', 'via counter')", -1, &insertEvent, nullptr), db);
  const Date today = *parseDate("2026-11-25");
  for (std::size_t i = 1; i <= cases; ++i) {
    const IntakeForm f = benchForm(i);
    const CaseStatus status = kOpen[i % std::size(kOpen)];
    // 70 % Apple, 15 % HP, 15 % Lenovo; Lenovo cases are with the on-site partner.
    const std::size_t bucket = i % 20;
    const bool lenovo = bucket >= 17 || status == CaseStatus::Dispatched;
    const char* vendor = lenovo ? "lenovo" : bucket < 14 ? "apple" : "hp";
    const std::string family = std::string_view(vendor) == "apple" ? f.family : "laptop";
    const std::string product = std::string_view(vendor) == "apple" ? f.product : "ThinkPad T14 Gen 4";
    // A registered case has no due date yet; the others are due within a month either side.
    const std::string due =
        status == CaseStatus::Registered ? "" : formatDate(addDays(today, static_cast<int>(i % 61) - 30));
    const std::string technician = i % 11 == 0 ? "" : "Tekniker " + std::to_string(i % 12);
    const std::string number = formatCaseNumber(i);
    sqlite3_bind_int64(insertCase, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_text(insertCase, 2, number.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insertCase, 3, std::string(statusName(status)).c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insertCase, 4, vendor, -1, SQLITE_STATIC);
    sqlite3_bind_text(insertCase, 5, family.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insertCase, 6, f.serial.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insertCase, 7, product.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insertCase, 8, f.customer.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insertCase, 9, f.mobile.c_str(), -1, SQLITE_TRANSIENT);
    if (due.empty()) {
      sqlite3_bind_null(insertCase, 10);
    } else {
      sqlite3_bind_text(insertCase, 10, due.c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_text(insertCase, 11, technician.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(insertCase), db, SQLITE_DONE);
    sqlite3_reset(insertCase);
    sqlite3_bind_int64(insertEvent, 1, static_cast<sqlite3_int64>(i));
    check(sqlite3_step(insertEvent), db, SQLITE_DONE);
    sqlite3_reset(insertEvent);
  }
  sqlite3_finalize(insertCase);
  sqlite3_finalize(insertEvent);
  check(sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE); ANALYZE", nullptr, nullptr, nullptr), db);
  sqlite3_close(db);
}

}  // namespace

void ensureQueueFixture(const std::filesystem::path& file, std::size_t cases) {
  if (std::filesystem::exists(file)) {
    auto existing = SqliteCaseStore::open(file);
    if (existing && (*existing)->count().value_or(0) == cases) return;
  }
  std::cout << "building " << cases << " cases in " << file.string() << " (once; kept for later runs) ..." << std::endl;
  bulkFill(file, cases);
}

}  // namespace kiosk::bench
