// The relay's default name: this host and process, and a random part that keeps two relays of
// one process apart.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <set>

#include "gateways/relay_name.hpp"

namespace kiosk::test {
namespace {

TEST(RelayName, NamesHostAndProcessAndDiffersPerRelay) {
  std::array<char, 256> host{};
  ASSERT_EQ(::gethostname(host.data(), host.size() - 1), 0);
  const std::string name = defaultRelayName();
  const std::string prefix = std::string(host.data()) + "-" + std::to_string(::getpid()) + "-";
  ASSERT_EQ(name.rfind(prefix, 0), 0u) << name;
  const std::string suffix = name.substr(prefix.size());
  EXPECT_EQ(suffix.size(), 6u) << name;
  EXPECT_EQ(suffix.find_first_not_of("0123456789abcdef"), std::string::npos) << name;
  std::set<std::string> names;
  for (int i = 0; i < 20; ++i) names.insert(defaultRelayName());
  EXPECT_GT(names.size(), 1u) << "twenty relays of one process all drew the same random part";
}

}  // namespace
}  // namespace kiosk::test
