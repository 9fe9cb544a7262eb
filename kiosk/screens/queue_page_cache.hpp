#pragma once
// The bench queue's rows, fetched a page at a time around what is on screen: the list may hold
// a million cases, the frame draws a screenful and never waits for SQLite.
#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "kiosk/app/background_tasks.hpp"
#include "kiosk/app/kiosk_backend.hpp"

namespace kiosk {

class QueuePageCache {
 public:
  static constexpr std::size_t kPageSize = 100;
  static constexpr std::size_t kPagesKept = 24;

  // Forget everything and count again (a new filter).
  void reset(KioskBackend& backend, const QueueFilter& filter);
  // Fetch again in the background but keep showing what is there until it comes (another
  // station changed something).
  void refresh(KioskBackend& backend);
  // Collect what arrived; call once a frame.
  void poll();
  // Make sure rows [first, last) are fetched or on their way.
  void want(KioskBackend& backend, std::size_t first, std::size_t last);

  // The row at `index`, or nothing while its page is loading.
  [[nodiscard]] const RepairCase* row(std::size_t index) const;
  // Nothing until the first count arrives.
  [[nodiscard]] std::optional<std::size_t> count() const { return m_count; }
  [[nodiscard]] const std::optional<Error>& error() const { return m_error; }
  [[nodiscard]] bool loading() const;
  [[nodiscard]] const QueueFilter& filter() const { return m_filter; }

 private:
  struct Page {
    std::vector<RepairCase> rows;
    Pending<Result<std::vector<RepairCase>>> pending;
    bool stale = false;
    std::size_t lastWanted = 0;  // the `m_tick` it was last wanted at: the oldest is evicted
  };
  void request(KioskBackend& backend, std::size_t page);
  void evict();

  QueueFilter m_filter;
  std::optional<std::size_t> m_count;
  Pending<Result<std::size_t>> m_pendingCount;
  std::map<std::size_t, Page> m_pages;
  std::optional<Error> m_error;
  std::size_t m_tick = 0;
};

}  // namespace kiosk
