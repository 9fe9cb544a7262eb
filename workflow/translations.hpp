#pragma once
// Every user-facing string, per language, from assets/i18n/<lang>.json (flat keys such as
// "receipt.title", values with {name} placeholders). Bokmål is the default language.
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/calendar.hpp"
#include "workflow/error.hpp"

namespace kiosk {

inline constexpr std::string_view kDefaultLanguage = "nb";

// The keys the code names, all in this one list: a test checks that every language file has
// each of them, and TextKey refuses at compile time a literal that is not here. Keys built from
// data (a vendor profile's families, bases, exclusions) are checked against the profiles instead.
inline constexpr std::string_view kTextKeys[] = {
    "date.short", "date.long", "date.time",
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
    "month.7", "month.8", "month.9", "month.10", "month.11", "month.12",
    "unit.years.one", "unit.years.other", "unit.working_days.one", "unit.working_days.other",
    "label.serial", "label.intake", "label.due", "label.no_due",
    "receipt.document_title", "receipt.title", "receipt.case_number", "receipt.registered",
    "receipt.customer_code",
    "receipt.qr_caption", "receipt.keep", "receipt.footer", "receipt.not_recorded",
    "receipt.section.customer", "receipt.customer.name", "receipt.customer.mobile",
    "receipt.customer.email", "receipt.customer.address",
    "receipt.section.device", "receipt.device.product", "receipt.device.kind", "receipt.device.serial",
    "receipt.device.purchased", "receipt.device.ecase", "receipt.device.accessories",
    "receipt.device.no_accessories", "receipt.device.condition",
    "receipt.section.fault",
    "receipt.section.warranty", "warranty.years", "warranty.contract", "warranty.contract_until",
    "warranty.extension", "warranty.ace", "warranty.ace_until", "warranty.swap",
    "warranty.exclusions", "warranty.expired", "warranty.decided_later",
    "receipt.section.fee", "fee.rule",
    "receipt.section.return", "return.due", "return.carry_in_rule", "return.onsite_due",
    "return.onsite_rule", "return.address",
    "receipt.section.contact", "contact.hours_24x7", "contact.phone", "contact.abroad",
    "contact.email", "contact.web", "contact.letter", "contact.agreement", "contact.quote_numbers",
    "lookup.case", "lookup.device", "lookup.status", "lookup.next",
};

[[nodiscard]] consteval bool isTextKey(std::string_view key) {
  for (const std::string_view known : kTextKeys) {
    if (known == key) return true;
  }
  return false;
}

// A key the code names. Only a literal from kTextKeys compiles, so the list cannot fall behind.
class TextKey {
 public:
  // NOLINTNEXTLINE(google-explicit-constructor): written as a plain literal at every call.
  consteval TextKey(const char* key) : m_key(key) {
    if (!isTextKey(m_key)) throw "translation key missing from kTextKeys (workflow/translations.hpp)";
  }
  [[nodiscard]] constexpr std::string_view name() const { return m_key; }

 private:
  std::string_view m_key;
};

// One {name} placeholder and what replaces it.
struct TextArg {
  std::string_view name;
  std::string value;
};

class Translations {
 public:
  // Reads <assetsDir>/i18n/<language>.json and every <assetsDir>/i18n/<language>/*.json; a key
  // defined in two files is an error naming both. An unknown language is a BadInput on "lang" that
  // lists the languages there are; a malformed file names the file and the key.
  [[nodiscard]] static Result<Translations> load(const std::filesystem::path& assetsDir,
                                                 std::string_view language = kDefaultLanguage);
  [[nodiscard]] static Result<Translations> parse(const std::string& json, std::string_view language,
                                                  const std::string& source);
  // The languages with a file in <assetsDir>/i18n, sorted.
  [[nodiscard]] static std::vector<std::string> available(const std::filesystem::path& assetsDir);

  [[nodiscard]] const std::string& language() const { return m_language; }
  [[nodiscard]] std::string text(TextKey key) const;
  [[nodiscard]] std::string text(TextKey key, std::initializer_list<TextArg> args) const;
  // For keys made from data ("family." + id): nothing when the language has no such key.
  [[nodiscard]] std::optional<std::string> lookup(std::string_view key) const;
  // The key's text, or `fallback` when there is none (a family no translator has named yet).
  [[nodiscard]] std::string lookupOr(std::string_view key, std::string_view fallback) const;
  [[nodiscard]] std::vector<std::string> keys() const;
  // The stored text itself (no copy), or nullptr: for a UI that asks every frame.
  [[nodiscard]] const std::string* find(std::string_view key) const;

  // "3 år" / "1 year": the key's ".one" or ".other" form with {n} filled in.
  [[nodiscard]] std::string count(TextKey one, TextKey other, long long n) const;
  // Dates in this language's forms: date.short (labels), date.long (receipts), date.time.
  [[nodiscard]] std::string shortDate(Date day) const;
  [[nodiscard]] std::string longDate(Date day) const;
  [[nodiscard]] std::string dateTime(LocalTime at) const;

  // What a missing key prints as: visible on paper and easy to grep for.
  [[nodiscard]] static std::string missingMarker(std::string_view key);
  // Replaces each {name} in `pattern` by its argument; unknown placeholders stay as they are.
  [[nodiscard]] static std::string fill(std::string_view pattern, std::span<const TextArg> args);

 private:
  [[nodiscard]] std::string raw(std::string_view key) const;

  std::string m_language;
  std::map<std::string, std::string, std::less<>> m_texts;
};

}  // namespace kiosk
