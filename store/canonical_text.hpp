#pragma once
// The canonical text that hashes and checksums are taken over, the same for the audit chain
// (store/audit_chain) and kioskctl migrate's checksum (cli/case_digest): "name len:value\n", or
// "name ~\n" for an absent value. The lengths make it unambiguous whatever a value holds, and
// nothing depends on a JSON library's formatting.
#include <string>
#include <string_view>
#include <utility>

namespace kiosk {

class CanonicalText {
 public:
  void text(std::string_view name, std::string_view value) {
    m_out.append(name).append(" ").append(std::to_string(value.size())).append(":").append(value).append("\n");
  }
  void absent(std::string_view name) { m_out.append(name).append(" ~\n"); }
  [[nodiscard]] const std::string& out() const { return m_out; }
  [[nodiscard]] std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
};

}  // namespace kiosk
