#include "tests/store/store_test_support.hpp"

#include <stdlib.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace kiosk::test {

Date day(std::string_view text) {
  const auto parsed = parseDate(text);
  if (!parsed) throw std::invalid_argument("bad test date " + std::string(text));
  return *parsed;
}

LocalTime at(std::string_view text) {
  const auto parsed = parseLocalTime(text);
  if (!parsed) throw std::invalid_argument("bad test time " + std::string(text));
  return *parsed;
}

RepairCase fullCase(const std::string& serial) {
  RepairCase c;
  c.device = Device{"apple",           "mac",  serial, "MacBook Pro 14\" (M3)",
                    day("2024-03-15"), "atea", "NO",   day("2027-03-14"),
                    day("2028-01-31")};
  c.customer = Customer{"Øyvind Ærlig-Åsen", "+4791234567", "oyvind@example.no", "Storgata 1\n0155 Oslo"};
  c.intake = IntakeDetails{"E-123456",
                           "INV-77",
                           "ORD-9",
                           "No power; 'quoted' \"text\" -- not SQL",
                           "counter",
                           "SA0011807",
                           "charger, sleeve",
                           "scratched lid",
                           "B3",
                           "4711-pass",
                           "the first case was for the keyboard"};
  c.registeredAt = at("2026-11-24T09:15:30");
  c.status = CaseStatus::AwaitingCustomer;
  c.finding = "logic board";
  c.damage = Damage::Liquid;
  c.warranty = WarrantyDecision{false, "none", day("2027-03-14"), "quote", 450};
  c.quoteOre = 1234500;
  c.answer = CustomerAnswer::Approved;
  c.parts = {"661-12345", "screw, pentalobe \"P5\""};
  c.carrier = "bring";
  c.tracking = "CD123456789NO";
  c.informedAt = at("2026-11-25T10:00:00");
  c.due = day("2026-11-30");
  c.lateReport = true;
  c.doneAt = at("2026-11-27T14:45:00");
  c.closedAt = at("2026-11-28T16:01:59");
  c.acceptedBy = "Kari at the counter";
  c.acceptanceSignature = "M 12 40 L 18 31 L 25 44 L -3 0 M 60 20 L 61 52";
  c.technician = "Per Ærøe";
  c.deviationNoticedAt = at("2026-11-30T15:00:00");
  c.demo = true;
  c.partsOrder = PartsOrder{"XXXX-XXXX-7-parts", {"661-26310 Logic board", "Skruer, æøå"}, "PO-77"};
  c.events = {CaseEvent{at("2026-11-24T09:15:30"), "ola", "registered", "at the counter"},
              CaseEvent{at("2026-11-24T13:00:00"), "per", "diagnosed", "logic board, liquid"}};
  return c;
}

RepairCase draftCase(const std::string& serial, const std::string& customer) {
  RepairCase c;
  c.device.vendor = "apple";
  c.device.family = "mac";
  c.device.serial = serial;
  c.device.purchased = day("2025-01-10");
  c.customer.name = customer;
  c.customer.mobile = "+4790000000";
  c.registeredAt = at("2026-11-24T09:00:00");
  c.events = {CaseEvent{c.registeredAt, "ola", "registered", ""}};
  return c;
}

void expectSameCase(const RepairCase& e, const RepairCase& a) {
  EXPECT_EQ(e.sequence, a.sequence);
  EXPECT_EQ(e.number, a.number);
  EXPECT_EQ(e.customerCode, a.customerCode);
  EXPECT_EQ(e.version, a.version);
  EXPECT_EQ(e.device.vendor, a.device.vendor);
  EXPECT_EQ(e.device.family, a.device.family);
  EXPECT_EQ(e.device.serial, a.device.serial);
  EXPECT_EQ(e.device.product, a.device.product);
  EXPECT_EQ(e.device.purchased, a.device.purchased);
  EXPECT_EQ(e.device.seller, a.device.seller);
  EXPECT_EQ(e.device.country, a.device.country);
  EXPECT_EQ(e.device.aceUntil, a.device.aceUntil);
  EXPECT_EQ(e.device.contractUntil, a.device.contractUntil);
  EXPECT_EQ(e.customer.name, a.customer.name);
  EXPECT_EQ(e.customer.mobile, a.customer.mobile);
  EXPECT_EQ(e.customer.email, a.customer.email);
  EXPECT_EQ(e.customer.address, a.customer.address);
  EXPECT_EQ(e.intake.ecase, a.intake.ecase);
  EXPECT_EQ(e.intake.invoice, a.intake.invoice);
  EXPECT_EQ(e.intake.order, a.intake.order);
  EXPECT_EQ(e.intake.fault, a.intake.fault);
  EXPECT_EQ(e.intake.channel, a.intake.channel);
  EXPECT_EQ(e.intake.agreement, a.intake.agreement);
  EXPECT_EQ(e.intake.accessories, a.intake.accessories);
  EXPECT_EQ(e.intake.condition, a.intake.condition);
  EXPECT_EQ(e.intake.shelf, a.intake.shelf);
  EXPECT_EQ(e.intake.passcode, a.intake.passcode);
  EXPECT_EQ(e.intake.secondCaseReason, a.intake.secondCaseReason);
  EXPECT_EQ(e.registeredAt, a.registeredAt);
  EXPECT_EQ(e.status, a.status);
  EXPECT_EQ(e.finding, a.finding);
  EXPECT_EQ(e.damage, a.damage);
  ASSERT_EQ(e.warranty.has_value(), a.warranty.has_value());
  if (e.warranty) {
    EXPECT_EQ(e.warranty->covered, a.warranty->covered);
    EXPECT_EQ(e.warranty->basis, a.warranty->basis);
    EXPECT_EQ(e.warranty->coveredUntil, a.warranty->coveredUntil);
    EXPECT_EQ(e.warranty->action, a.warranty->action);
    EXPECT_EQ(e.warranty->diagnosisFeeNok, a.warranty->diagnosisFeeNok);
  }
  EXPECT_EQ(e.quoteOre, a.quoteOre);
  EXPECT_EQ(e.answer, a.answer);
  EXPECT_EQ(e.parts, a.parts);
  EXPECT_EQ(e.carrier, a.carrier);
  EXPECT_EQ(e.tracking, a.tracking);
  EXPECT_EQ(e.informedAt, a.informedAt);
  EXPECT_EQ(e.due, a.due);
  EXPECT_EQ(e.lateReport, a.lateReport);
  EXPECT_EQ(e.doneAt, a.doneAt);
  EXPECT_EQ(e.closedAt, a.closedAt);
  EXPECT_EQ(e.acceptedBy, a.acceptedBy);
  EXPECT_EQ(e.acceptanceSignature, a.acceptanceSignature);
  EXPECT_EQ(e.technician, a.technician);
  EXPECT_EQ(e.purgedAt, a.purgedAt);
  EXPECT_EQ(e.deviationNoticedAt, a.deviationNoticedAt);
  EXPECT_EQ(e.demo, a.demo);
  EXPECT_EQ(e.partsOrder.reference, a.partsOrder.reference);
  EXPECT_EQ(e.partsOrder.parts, a.partsOrder.parts);
  EXPECT_EQ(e.partsOrder.supplierId, a.partsOrder.supplierId);
  ASSERT_EQ(e.events.size(), a.events.size());
  for (std::size_t i = 0; i < e.events.size(); ++i) {
    EXPECT_EQ(e.events[i].at, a.events[i].at) << "event " << i;
    EXPECT_EQ(e.events[i].staff, a.events[i].staff) << "event " << i;
    EXPECT_EQ(e.events[i].kind, a.events[i].kind) << "event " << i;
    EXPECT_EQ(e.events[i].detail, a.events[i].detail) << "event " << i;
  }
}

std::string readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<AuditEntry> auditEntriesOf(AuditLog& log, std::string_view kind) {
  auto entries = log.listAuditEntries(0, 0);
  EXPECT_TRUE(entries) << entries.error().message;
  std::vector<AuditEntry> found;
  if (!entries) return found;
  for (AuditEntry& e : *entries) {
    if (e.kind == kind) found.push_back(std::move(e));
  }
  return found;
}

void TempDirTest::SetUp() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kiosk_store_test_XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  ASSERT_NE(mkdtemp(buffer.data()), nullptr);
  m_dir = buffer.data();
}

void TempDirTest::TearDown() {
  std::error_code ignored;
  std::filesystem::remove_all(m_dir, ignored);
}

CaseAudit sealedAudit(const RepairCase& c) {
  CaseAudit audit{newAuditSalt(), {}};
  sealNewEvents(c, audit);
  return audit;
}

}  // namespace kiosk::test
