#include "workflow/outbox.hpp"

#include <array>
#include <chrono>
#include <fstream>
#include <sstream>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "workflow/field_rules.hpp"
#include "workflow/repair_case.hpp"
#include "workflow/translations.hpp"

namespace kiosk {
namespace {

constexpr std::array<std::pair<OutboxStatus, std::string_view>, 4> kStatusNames = {{
    {OutboxStatus::Queued, "queued"},
    {OutboxStatus::Sending, "sending"},
    {OutboxStatus::Delivered, "delivered"},
    {OutboxStatus::Failed, "failed"},
}};

std::string optionalDate(const std::optional<Date>& day) { return day ? formatDate(*day) : std::string("-"); }

// Everything a text may name except {number}, which addressNewMessages fills in.
std::vector<TextArg> argsOf(const RepairCase& c) {
  return {{"due", optionalDate(c.due)},
          {"quote", c.quoteOre ? formatNok(*c.quoteOre) : std::string("-")},
          {"tracking", c.tracking},
          {"carrier", c.carrier}};
}

}  // namespace

void queueMessage(RepairCase& c, const MessageTexts& texts, std::string_view channel, std::string_view event,
                  std::string_view textField) {
  const std::string& to = channel == "sms" ? c.customer.mobile : c.customer.email;
  if (to.empty() || c.events.empty() || c.demo) return;
  const auto args = argsOf(c);
  OutboxMessage m;
  m.eventPosition = c.events.size() - 1;
  m.channel = std::string(channel);
  m.to = to;
  if (channel == "email") m.subject = Translations::fill(texts.pattern(event, "subject"), args);
  m.text = Translations::fill(texts.pattern(event, textField), args);
  m.createdAt = c.events.back().at;  // nextAttemptMs stays 0: due at once
  c.newMessages.push_back(std::move(m));
}

namespace {

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::string_view outboxStatusName(OutboxStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "queued";
}

std::optional<OutboxStatus> parseOutboxStatus(std::string_view text) {
  for (const auto& [s, name] : kStatusNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::optional<Error> whyNotRetryable(std::int64_t id, const OutboxMessage& message) {
  const std::string name = "outbox message " + std::to_string(id);
  if (message.status != OutboxStatus::Failed) {
    return Error{ErrorKind::BadInput, "id",
                 name + " is " + std::string(outboxStatusName(message.status)) + "; only a failed message can be retried"};
  }
  if (message.to.empty()) {
    return Error{ErrorKind::BadInput, "id", name + " has no recipient (its case's personal data was purged); nothing to send"};
  }
  return std::nullopt;
}

std::string formatUtcMs(std::int64_t ms) {
  if (ms == 0) return {};
  const date::sys_time<std::chrono::milliseconds> at{std::chrono::milliseconds(ms)};
  return date::format("%FT%TZ", at);
}

std::string outboxReference(std::string_view caseNumber, std::size_t eventPosition, std::string_view channel) {
  return std::string(caseNumber) + "-" + std::to_string(eventPosition) + "-" + std::string(channel);
}

Result<MessageTexts> MessageTexts::load(const std::filesystem::path& assetsDir, std::string_view language) {
  const auto file = assetsDir / "messages" / (std::string(language) + ".json");
  std::ifstream in(file, std::ios::binary);
  if (!in) return badInput("assets", "no customer message texts in language '" + std::string(language) + "' (" +
                                       file.string() + ")");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse(bytes.str(), language, file.string());
}

Result<MessageTexts> MessageTexts::parse(const std::string& json, std::string_view language,
                                         const std::string& source) {
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return storageError(source + ": not a JSON object");
  MessageTexts texts;
  texts.m_language = std::string(language);
  for (const auto& [event, fields] : doc.items()) {
    if (!fields.is_object()) return storageError(source + ": '" + event + "' is not an object");
    for (const auto& [field, value] : fields.items()) {
      if (!value.is_string()) return storageError(source + ": '" + event + "." + field + "' is not a string");
      texts.m_patterns[event + "." + field] = value.get<std::string>();
    }
  }
  for (const auto& [event, field] : kRequiredKeys) {
    const std::string key = std::string(event) + "." + std::string(field);
    if (!texts.m_patterns.contains(key)) return storageError(source + ": '" + key + "' is missing");
  }
  return texts;
}

std::string_view MessageTexts::pattern(std::string_view event, std::string_view field) const {
  const auto it = m_patterns.find(std::string(event) + "." + std::string(field));
  return it == m_patterns.end() ? std::string_view() : std::string_view(it->second);
}

void queueReceipt(RepairCase& c, const MessageTexts& texts) {
  queueMessage(c, texts, "sms", "receipt", "text");
  queueMessage(c, texts, "email", "receipt", "text");
}

void queueNews(RepairCase& c, const MessageTexts& texts, std::string_view via) {
  if (via != "sms" && via != "email") return;  // a phone call is only recorded
  // The news is the open quote when there is one, else the warranty decision, else the receipt.
  if (c.quoteOre && c.status == CaseStatus::AwaitingCustomer) {
    queueMessage(c, texts, via, "quote", "text");
  } else if (c.warranty) {
    queueMessage(c, texts, via, "decision", c.warranty->covered ? "covered" : "not_covered");
  } else {
    queueMessage(c, texts, via, "receipt", "text");
  }
}

void queueTracking(RepairCase& c, const MessageTexts& texts) {
  queueMessage(c, texts, "sms", "shipped", "text");
  queueMessage(c, texts, "email", "shipped", "text");
}

void addressNewMessages(RepairCase& c) {
  for (OutboxMessage& m : c.newMessages) {
    m.caseNumber = c.number;
    m.reference = outboxReference(c.number, m.eventPosition, m.channel);
    replaceAll(m.subject, "{number}", c.number);
    replaceAll(m.text, "{number}", c.number);
  }
}

}  // namespace kiosk
