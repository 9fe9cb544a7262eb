#pragma once
// One case at the bench: its header, its timeline, and the next step as the obvious action.
// Opened from the queue, by a scanned case number or after intake (Navigator::openCase); with
// no case, it asks for one to be scanned or typed.
#include <array>
#include <optional>
#include <string>

#include "kiosk/screens/case_messages.hpp"
#include "kiosk/screens/case_passcode.hpp"
#include "kiosk/screens/case_step_panel.hpp"
#include "kiosk/screens/screen.hpp"

namespace kiosk {

class CaseScreen final : public Screen {
 public:
  [[nodiscard]] ScreenId id() const override { return ScreenId::Case; }
  [[nodiscard]] std::string_view titleKey() const override { return "case.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  // Leaving the screen or the member signing out: the passcode goes at once.
  void onHide(KioskContext& ctx) override;
  void onSignOut(KioskContext& ctx) override;
  bool takeScan(KioskContext& ctx, const ScanReading& scan) override;
  [[nodiscard]] bool waiting() const override;

  // For tests: the case shown, the actions, and why the last load failed.
  [[nodiscard]] const std::optional<RepairCase>& shownCase() const { return m_case; }
  [[nodiscard]] const CaseStepPanel& panel() const { return m_panel; }
  [[nodiscard]] const std::optional<Error>& loadError() const { return m_loadError; }
  [[nodiscard]] const CaseMessages& messages() const { return m_messages; }
  // "Show passcode" (tests; --screenshot opens its prompt).
  [[nodiscard]] CasePasscode& passcode() { return m_passcode; }
  // The top left of the timeline / messages tabs last frame (screen pixels).
  [[nodiscard]] ImVec2 historyTabsAt() const { return m_historyTabsAt; }

 private:
  void load(KioskContext& ctx, const std::string& number);
  void poll(KioskContext& ctx);
  void drawPrompt(KioskContext& ctx);
  void drawCase(KioskContext& ctx, const RepairCase& repairCase);
  void drawHistory(KioskContext& ctx, const RepairCase& repairCase);

  std::optional<RepairCase> m_case;
  Pending<Result<RepairCase>> m_pendingLoad;
  std::string m_loading;  // the number being loaded
  std::optional<Error> m_loadError;
  Pending<Result<RepairCase>> m_pendingStep;
  CaseStepPanel m_panel;
  CaseMessages m_messages;
  CasePasscode m_passcode;
  ImVec2 m_historyTabsAt{};
  std::array<char, 32> m_number{};  // typed on the prompt
  bool m_focusPrompt = true;
};

}  // namespace kiosk
