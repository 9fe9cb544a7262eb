#include "kiosk/app/secret_text.hpp"

#include "crypto/secure_wipe.hpp"

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

void SecretText::wipe(char* buffer, std::size_t size) noexcept { secureWipe(buffer, size); }

void SecretText::wipe(std::string& text) noexcept {
  wipe(text.data(), text.size());
  text.clear();
}

}  // namespace kiosk
