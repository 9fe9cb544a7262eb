// The PIN hasher staff PINs are kept with: Argon2id at libsodium's interactive limits, a salt of
// its own per hash, the right PIN verifies, a wrong one and a damaged hash do not, and the hash
// holds nothing of the PIN.
#include "crypto/sodium_pin_hasher.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kiosk {
namespace {

constexpr std::string_view kPin = "24681357";

TEST(SodiumPinHasher, TheRightPinVerifiesAndAWrongOneDoesNot) {
  SodiumPinHasher hasher;
  const auto hash = hasher.hashPin(kPin);
  ASSERT_TRUE(hash) << hash.error().message;
  EXPECT_TRUE(hasher.pinMatches(*hash, kPin));
  for (const std::string_view wrong : {"24681358", "2468135", "246813570", "", "00000000"}) {
    EXPECT_FALSE(hasher.pinMatches(*hash, wrong)) << wrong;
  }
}

TEST(SodiumPinHasher, IsArgon2idAtTheInteractiveLimits) {
  SodiumPinHasher hasher;
  const std::string hash = hasher.hashPin(kPin).value();
  // libsodium's crypto_pwhash_OPSLIMIT_INTERACTIVE (2) and MEMLIMIT_INTERACTIVE (64 MiB).
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0U) << hash;
}

TEST(SodiumPinHasher, TheHashHoldsNoPinTextAndEachHasItsOwnSalt) {
  SodiumPinHasher hasher;
  const std::string first = hasher.hashPin(kPin).value();
  const std::string second = hasher.hashPin(kPin).value();
  EXPECT_NE(first, second) << "the same PIN twice, two salts";
  for (const std::string& hash : {first, second}) {
    EXPECT_EQ(hash.find(kPin), std::string::npos) << hash;
    EXPECT_EQ(hash.find("2468"), std::string::npos) << hash;
    EXPECT_EQ(hash.find("1357"), std::string::npos) << hash;
  }
  EXPECT_TRUE(hasher.pinMatches(second, kPin));
}

TEST(SodiumPinHasher, ADamagedOrForeignHashNeverMatches) {
  SodiumPinHasher hasher;
  std::string hash = hasher.hashPin(kPin).value();
  std::string damaged = hash;
  damaged.back() = damaged.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(hasher.pinMatches(damaged, kPin));
  EXPECT_FALSE(hasher.pinMatches("", kPin));
  EXPECT_FALSE(hasher.pinMatches(kPin, kPin)) << "a PIN stored in clear is no hash";
  EXPECT_FALSE(hasher.pinMatches(std::string(200, '$'), kPin));
  EXPECT_FALSE(hasher.pinMatches(hash.substr(0, hash.size() / 2), kPin));
}

}  // namespace
}  // namespace kiosk
