#pragma once
// The customer's messages of one case (issue 6): what the steps queued, whether each reached
// the customer, how often it was tried and why it failed; a failed one can be tried again. When
// the station has no gateway set, it says so: the messages wait in the outbox.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/app/kiosk_context.hpp"

namespace kiosk {

class CaseMessages {
 public:
  // Asks the backend for `number`'s messages (again): on load, after a step, on another
  // station's change and after a retry.
  void refresh(KioskContext& ctx, const std::string& number);
  void reset();
  // Takes what the backend answered; every frame, whether the messages tab shows or not (its
  // label counts them).
  void poll(KioskContext& ctx);
  void draw(KioskContext& ctx);

  [[nodiscard]] bool waiting() const { return m_pending.active() || m_pendingRetry.active(); }
  // For tests.
  [[nodiscard]] const std::vector<OutboxMessage>& messages() const { return m_messages; }
  [[nodiscard]] const std::optional<Error>& error() const { return m_error; }
  // Where the first "try again" button was drawn last frame (screen pixels); none when no
  // failed message was shown.
  [[nodiscard]] const std::optional<ImVec2>& firstRetryButton() const { return m_firstRetryButton; }

 private:
  void drawRow(KioskContext& ctx, const OutboxMessage& message);

  std::string m_number;
  std::vector<OutboxMessage> m_messages;
  std::optional<Error> m_error;
  Pending<Result<std::vector<OutboxMessage>>> m_pending;
  Pending<Result<OutboxMessage>> m_pendingRetry;
  std::optional<ImVec2> m_firstRetryButton;
};

}  // namespace kiosk
