#pragma once
// The bench queue: every open case by due date, the urgent ones in colour and in words,
// filtered by status, vendor and technician; type or scan to find a case.
#include <array>
#include <string>
#include <vector>

#include "kiosk/screens/queue_page_cache.hpp"
#include "kiosk/screens/screen.hpp"

namespace kiosk {

class QueueScreen final : public Screen {
 public:
  [[nodiscard]] ScreenId id() const override { return ScreenId::Queue; }
  [[nodiscard]] std::string_view titleKey() const override { return "queue.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  [[nodiscard]] bool waiting() const override;

  // For tests: what the list shows now.
  [[nodiscard]] const QueueFilter& filter() const { return m_cache.filter(); }
  [[nodiscard]] std::optional<std::size_t> rowCount() const;
  [[nodiscard]] const std::vector<RepairCase>& searchResults() const { return m_found; }

 private:
  void drawFilters(KioskContext& ctx);
  void drawList(KioskContext& ctx);
  void drawRow(KioskContext& ctx, const RepairCase& repairCase, std::size_t index);
  void startSearch(KioskContext& ctx);
  void applyFilter(KioskContext& ctx);

  QueuePageCache m_cache;
  QueueFilter m_wanted;                  // the filter as the widgets set it this frame
  std::array<char, 128> m_search{};      // what is typed in the search box
  std::array<char, 64> m_technician{};
  bool m_searching = false;              // the list shows search results, not the queue
  std::string m_searchedFor;
  std::vector<RepairCase> m_found;
  Pending<Result<std::vector<RepairCase>>> m_pendingFind;
  std::optional<Error> m_findError;
  bool m_focusSearch = true;
  bool m_shown = false;
};

}  // namespace kiosk
