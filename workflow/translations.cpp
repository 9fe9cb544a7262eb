#include "workflow/translations.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

// A language code as a file name: lower-case letters only, so no path can be smuggled in.
bool isLanguageCode(std::string_view text) {
  return text.size() >= 2 && text.size() <= 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string twoDigits(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02u", value);
  return buffer;
}

}  // namespace

std::vector<std::string> Translations::available(const std::filesystem::path& assetsDir) {
  std::vector<std::string> languages;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(assetsDir / "i18n", ec)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".json" && isLanguageCode(stem)) languages.push_back(stem);
  }
  std::sort(languages.begin(), languages.end());
  return languages;
}

Result<Translations> Translations::load(const std::filesystem::path& assetsDir, std::string_view language) {
  const auto languages = available(assetsDir);
  if (!isLanguageCode(language) ||
      std::find(languages.begin(), languages.end(), language) == languages.end()) {
    std::string known;
    for (const auto& l : languages) known += (known.empty() ? "" : ", ") + l;
    return badInput("lang", "'" + std::string(language) + "' is not a language we print in (languages: " +
                                (known.empty() ? "none found in " + (assetsDir / "i18n").string() : known) + ")");
  }
  // <lang>.json, then every <lang>/*.json (the kiosk keeps one file per screen) in name order.
  std::vector<std::filesystem::path> files{assetsDir / "i18n" / (std::string(language) + ".json")};
  std::vector<std::filesystem::path> parts;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(assetsDir / "i18n" / std::string(language), ec)) {
    if (entry.path().extension() == ".json") parts.push_back(entry.path());
  }
  std::sort(parts.begin(), parts.end());
  files.insert(files.end(), parts.begin(), parts.end());

  Translations merged;
  merged.m_language = std::string(language);
  std::map<std::string, std::string, std::less<>> sourceOf;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return badInput("assets", "cannot read " + file.string());
    auto part = parse(text.str(), language, file.string());
    if (!part) return part;
    for (auto& [key, value] : part->m_texts) {
      if (const auto seen = sourceOf.find(key); seen != sourceOf.end()) {
        return badInput("assets", file.string() + ": " + key + " is already defined in " + seen->second);
      }
      sourceOf.emplace(key, file.string());
      merged.m_texts.emplace(key, std::move(value));
    }
  }
  return merged;
}

const std::string* Translations::find(std::string_view key) const {
  const auto it = m_texts.find(key);
  return it == m_texts.end() ? nullptr : &it->second;
}

Result<Translations> Translations::parse(const std::string& json, std::string_view language,
                                         const std::string& source) {
  Translations t;
  t.m_language = std::string(language);
  try {
    const auto j = nlohmann::json::parse(json);
    if (!j.is_object()) return badInput("assets", source + ": not a JSON object of key: text");
    for (const auto& [key, value] : j.items()) {
      if (!value.is_string()) return badInput("assets", source + ": " + key + ": the text is not a string");
      t.m_texts.emplace(key, value.get<std::string>());
    }
  } catch (const nlohmann::json::exception& e) {
    return badInput("assets", source + ": " + e.what());
  }
  return t;
}

std::string Translations::missingMarker(std::string_view key) { return "[[" + std::string(key) + "]]"; }

std::string Translations::raw(std::string_view key) const {
  const auto found = m_texts.find(key);
  return found == m_texts.end() ? missingMarker(key) : found->second;
}

std::string Translations::text(TextKey key) const { return raw(key.name()); }

std::string Translations::text(TextKey key, std::initializer_list<TextArg> args) const {
  return fill(raw(key.name()), std::span<const TextArg>(args.begin(), args.size()));
}

std::optional<std::string> Translations::lookup(std::string_view key) const {
  const auto found = m_texts.find(key);
  if (found == m_texts.end()) return std::nullopt;
  return found->second;
}

std::string Translations::lookupOr(std::string_view key, std::string_view fallback) const {
  return lookup(key).value_or(std::string(fallback));
}

std::vector<std::string> Translations::keys() const {
  std::vector<std::string> result;
  result.reserve(m_texts.size());
  for (const auto& [key, value] : m_texts) result.push_back(key);
  return result;
}

std::string Translations::fill(std::string_view pattern, std::span<const TextArg> args) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto arg = std::find_if(args.begin(), args.end(), [&](const TextArg& a) { return a.name == name; });
    if (arg != args.end()) {
      out += arg->value;
    } else {
      out.append(pattern.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  out.append(pattern.substr(std::min(i, pattern.size())));
  return out;
}

std::string Translations::count(TextKey one, TextKey other, long long n) const {
  return text(n == 1 ? one : other, {{"n", std::to_string(n)}});
}

std::string Translations::shortDate(Date day) const {
  return text("date.short", {{"d", std::to_string(static_cast<unsigned>(day.day()))},
                             {"dd", twoDigits(static_cast<unsigned>(day.day()))},
                             {"mm", twoDigits(static_cast<unsigned>(day.month()))},
                             {"yyyy", std::to_string(static_cast<int>(day.year()))}});
}

std::string Translations::longDate(Date day) const {
  static constexpr TextKey kMonths[] = {"month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
                                        "month.7", "month.8", "month.9", "month.10", "month.11", "month.12"};
  const unsigned month = static_cast<unsigned>(day.month());
  return text("date.long", {{"d", std::to_string(static_cast<unsigned>(day.day()))},
                            {"month", month >= 1 && month <= 12 ? text(kMonths[month - 1]) : "?"},
                            {"yyyy", std::to_string(static_cast<int>(day.year()))}});
}

std::string Translations::dateTime(LocalTime at) const {
  const int minutes = minutesOfDay(at);
  return text("date.time", {{"date", longDate(dateOf(at))},
                            {"hh", twoDigits(static_cast<unsigned>(minutes / 60))},
                            {"min", twoDigits(static_cast<unsigned>(minutes % 60))}});
}

}  // namespace kiosk
