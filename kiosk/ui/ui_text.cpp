#include "kiosk/ui/ui_text.hpp"

#include <vector>

namespace kiosk {

const char* UiText::operator()(std::string_view key) const {
  if (const std::string* text = m_texts.find(key)) return text->c_str();
  auto it = m_missing.find(key);
  if (it == m_missing.end()) it = m_missing.emplace(std::string(key), Translations::missingMarker(key)).first;
  return it->second.c_str();
}

std::string UiText::format(std::string_view key, std::initializer_list<TextArg> args) const {
  const std::vector<TextArg> list(args);
  return Translations::fill((*this)(key), list);
}

}  // namespace kiosk
