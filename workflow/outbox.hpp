#pragma once
// The outbox: messages to the customer that a step queues in the same transaction as its event,
// for a relay (a later slice) to send. What queues what, and the texts, live here.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "workflow/calendar.hpp"
#include "workflow/error.hpp"

namespace kiosk {

struct RepairCase;

enum class OutboxStatus { Queued, Sending, Delivered, Failed };

[[nodiscard]] std::string_view outboxStatusName(OutboxStatus status);  // "queued", "sending", ...
[[nodiscard]] std::optional<OutboxStatus> parseOutboxStatus(std::string_view text);

// One message to one recipient on one channel.
struct OutboxMessage {
  std::int64_t id = 0;          // the store's; 0 until stored
  std::string caseNumber;       // filled by addressNewMessages once the case has its number
  std::size_t eventPosition = 0;  // the timeline event that queued it
  std::string channel;          // "sms" or "email"
  std::string to;               // E.164 mobile or e-mail address
  std::string subject;          // e-mail only; "" for SMS
  std::string text;
  // "<case number>-<event position>-<channel>": the same on every attempt, so a gateway can drop
  // duplicates; unique because a case has one event per position and a step one message per channel.
  std::string reference;
  OutboxStatus status = OutboxStatus::Queued;
  int attempts = 0;
  std::string lastError;
  LocalTime createdAt{};
  // Relay times are UTC milliseconds since the epoch (outbox_store.hpp says why).
  std::int64_t nextAttemptMs = 0;  // due from then on; 0: at once
  std::int64_t deliveredAtMs = 0;  // when the gateway accepted it; 0 until delivered
};

// Filters for the outbox list; each combines with the others (AND).
struct OutboxQuery {
  std::optional<OutboxStatus> status;
  std::optional<std::string> caseNumber;  // canonical "XXXX-XXXX"
  std::size_t limit = 0;                  // 0: no limit
};

// Why `message` (outbox id `id`) cannot be queued again, or nullopt when it can: only a failed
// message can, and only one that still has a recipient (a privacy purge erased the recipient and
// text of every message of a purged case; queued again it would be sent to no one, empty).
// BadInput naming "id". Both stores' retryOutbox ask this.
[[nodiscard]] std::optional<Error> whyNotRetryable(std::int64_t id, const OutboxMessage& message);

// A relay time for people and JSON: "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC), "" for 0 (not set / at once).
[[nodiscard]] std::string formatUtcMs(std::int64_t ms);

[[nodiscard]] std::string outboxReference(std::string_view caseNumber, std::size_t eventPosition,
                                          std::string_view channel);

// The customer texts per event from assets/messages/<language>.json: {"receipt": {"subject",
// "text"}, "decision": {"subject", "covered", "not_covered"}, "quote": {...}, "shipped": {...}},
// with {number} {due} {quote} {tracking} {carrier} placeholders.
class MessageTexts {
 public:
  // The (event, field) pairs the code uses; a file lacking one is refused, naming it.
  static constexpr std::pair<std::string_view, std::string_view> kRequiredKeys[] = {
      {"receipt", "subject"}, {"receipt", "text"},     {"decision", "subject"},
      {"decision", "covered"}, {"decision", "not_covered"}, {"quote", "subject"},
      {"quote", "text"},       {"shipped", "subject"},  {"shipped", "text"},
      {"deviation", "subject"}, {"deviation", "text"}};

  [[nodiscard]] static Result<MessageTexts> load(const std::filesystem::path& assetsDir, std::string_view language);
  [[nodiscard]] static Result<MessageTexts> parse(const std::string& json, std::string_view language,
                                                  const std::string& source);

  [[nodiscard]] const std::string& language() const { return m_language; }
  // The pattern for event.field ("" if none); kRequiredKeys are always there after load/parse.
  [[nodiscard]] std::string_view pattern(std::string_view event, std::string_view field) const;

 private:
  std::string m_language;
  std::map<std::string, std::string, std::less<>> m_patterns;  // "event.field" -> pattern
};

// What queues what (DOMAIN.md, issue 6). Each appends to c.newMessages for the event the step
// just appended (the last one on c.events) and leaves {number} for addressNewMessages, because
// a new case gets its number only inside the store's transaction.
void queueReceipt(RepairCase& c, const MessageTexts& texts);                        // case new
void queueNews(RepairCase& c, const MessageTexts& texts, std::string_view via);     // inform; phone: none
void queueTracking(RepairCase& c, const MessageTexts& texts);                       // ship
// The building block of those: one message on `channel` (to the case's mobile for "sms", its
// e-mail for "email"; none when the case has no such address) with texts event.textField.
void queueMessage(RepairCase& c, const MessageTexts& texts, std::string_view channel, std::string_view event,
                  std::string_view textField);

// Fills in the case number, the reference and {number} of every message in c.newMessages. The
// store calls it with the number known, inside the transaction that writes them.
void addressNewMessages(RepairCase& c);

}  // namespace kiosk
