#include "gateways/relay_name.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <random>

namespace kiosk {

std::string defaultRelayName() {
  std::array<char, 256> host{};
  // gethostname may leave the name unterminated when it is cut short: the last byte stays 0.
  if (::gethostname(host.data(), host.size() - 1) != 0 || host[0] == '\0') {
    host = {'h', 'o', 's', 't'};
  }
  std::random_device entropy;
  std::array<char, 8> suffix{};
  std::snprintf(suffix.data(), suffix.size(), "%06x", static_cast<unsigned>(entropy() & 0xffffffu));
  return std::string(host.data()) + "-" + std::to_string(::getpid()) + "-" + suffix.data();
}

}  // namespace kiosk
