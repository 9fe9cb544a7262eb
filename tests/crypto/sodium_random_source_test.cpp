// The random source customer codes are drawn from: always below its bound, every value reached,
// no value much likelier than another, and two sources never in step.
#include "crypto/sodium_random_source.hpp"

#include <gtest/gtest.h>

#include <array>

#include "workflow/customer_code.hpp"

namespace kiosk {
namespace {

TEST(SodiumRandomSource, StaysBelowItsBoundAndReachesEveryValue) {
  SodiumRandomSource random;
  constexpr std::uint32_t kBound = 23;
  constexpr int kDraws = 23'000;
  std::array<int, kBound> seen{};
  for (int i = 0; i < kDraws; ++i) {
    const std::uint32_t value = random.uniform(kBound);
    ASSERT_LT(value, kBound);
    ++seen[value];
  }
  // 1,000 expected each; a fair source falls outside 800..1,200 with a probability near 1e-9.
  for (std::uint32_t v = 0; v < kBound; ++v) {
    EXPECT_GT(seen[v], 800) << v;
    EXPECT_LT(seen[v], 1200) << v;
  }
  EXPECT_EQ(random.uniform(1), 0U);
}

TEST(SodiumRandomSource, ABoundOfZeroIsRefused) {
  SodiumRandomSource random;
  EXPECT_THROW((void)random.uniform(0), std::invalid_argument);
}

TEST(SodiumRandomSource, TwoSourcesDrawDifferentCodes) {
  SodiumRandomSource a;
  SodiumRandomSource b;
  EXPECT_NE(newCustomerCode(a), newCustomerCode(b));
}

}  // namespace
}  // namespace kiosk
