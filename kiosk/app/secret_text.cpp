#include "kiosk/app/secret_text.hpp"

namespace kiosk {

SecretText::SecretText(SecretText&& other) noexcept {
  // Copied, not moved: a moved std::string leaves its short text behind in the source.
  m_text.assign(other.m_text);
  other.wipe();
}

SecretText& SecretText::operator=(SecretText&& other) noexcept {
  if (this != &other) {
    wipe();
    m_text.assign(other.m_text);
    other.wipe();
  }
  return *this;
}

void SecretText::wipe(char* buffer, std::size_t size) noexcept {
  // Through a volatile pointer: stores to memory about to be freed or reused are otherwise
  // removed by the optimiser as dead.
  volatile char* p = buffer;
  for (std::size_t i = 0; i < size; ++i) p[i] = '\0';
}

void SecretText::wipe(std::string& text) noexcept {
  wipe(text.data(), text.size());
  text.clear();
}

}  // namespace kiosk
