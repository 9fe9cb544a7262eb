#pragma once
// The kiosk's strings for the current language, looked up every frame without copying. Every
// key the kiosk names is a literal passed to UiText (tests/kiosk checks each one exists in
// every language); the texts live in assets/i18n/<lang>/kiosk-*.json.
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "workflow/translations.hpp"

namespace kiosk {

class UiText {
 public:
  explicit UiText(Translations texts) : m_texts(std::move(texts)) {}

  // The text for `key`: a pointer that stays valid as long as this UiText. A missing key shows
  // as [[key]] on screen instead of crashing or going blank.
  [[nodiscard]] const char* operator()(std::string_view key) const;
  // With {name} placeholders filled in.
  [[nodiscard]] std::string format(std::string_view key, std::initializer_list<TextArg> args) const;

  [[nodiscard]] const Translations& translations() const { return m_texts; }
  [[nodiscard]] const std::string& language() const { return m_texts.language(); }

 private:
  Translations m_texts;
  mutable std::map<std::string, std::string, std::less<>> m_missing;  // markers, made once each
};

}  // namespace kiosk
