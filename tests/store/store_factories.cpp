#include "tests/store/store_factories.hpp"

namespace kiosk::test {

void StoreContractTest::SetUp() {
  m_database = GetParam().makeDatabase();
  ASSERT_TRUE(m_database) << GetParam().name << ": no database";
  m_store = openAnother();
  ASSERT_TRUE(m_store) << "cannot open " << m_database->location();
}

std::unique_ptr<CaseDatabase> StoreContractTest::openAnother() {
  auto opened = m_database->open();
  EXPECT_TRUE(opened) << m_database->location() << ": " << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

void StoreContractTest::reopen() {
  m_store.reset();
  m_store = openAnother();
  ASSERT_TRUE(m_store);
}

RepairCase StoreContractTest::created(RepairCase draft) {
  auto stored = m_store->create(std::move(draft));
  EXPECT_TRUE(stored) << stored.error().message;
  return stored ? *stored : RepairCase{};
}

}  // namespace kiosk::test
