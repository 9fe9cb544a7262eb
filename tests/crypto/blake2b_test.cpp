// BLAKE2b-256 as the audit trail uses it (crypto/blake2b.hpp): the standard digest, keyed
// digests that depend on the key, keys refused unless 16-64 bytes of hex, fresh random keys.
#include <gtest/gtest.h>

#include <stdexcept>

#include "crypto/blake2b.hpp"

namespace kiosk {
namespace {

TEST(Blake2b, IsTheStandardBlake2b256) {
  EXPECT_EQ(blake2bHex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(blake2bHex("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(Blake2b, AKeyedDigestDependsOnTheKey) {
  const std::string key1(64, 'a');
  const std::string key2(64, 'b');
  EXPECT_EQ(keyedBlake2bHex(key1, "+4791234567").size(), 64U);
  EXPECT_NE(keyedBlake2bHex(key1, "+4791234567"), keyedBlake2bHex(key2, "+4791234567"));
  EXPECT_NE(keyedBlake2bHex(key1, "+4791234567"), blake2bHex("+4791234567"));
  EXPECT_EQ(keyedBlake2bHex(key1, "x"), keyedBlake2bHex(key1, "x"));
}

TEST(Blake2b, KeysMustBe16To64BytesOfHex) {
  EXPECT_THROW((void)keyedBlake2bHex("", "x"), std::invalid_argument);
  EXPECT_THROW((void)keyedBlake2bHex(std::string(30, 'a'), "x"), std::invalid_argument);   // 15 bytes
  EXPECT_THROW((void)keyedBlake2bHex(std::string(130, 'a'), "x"), std::invalid_argument);  // 65 bytes
  EXPECT_THROW((void)keyedBlake2bHex(std::string(63, 'a') + "g", "x"), std::invalid_argument);
  EXPECT_THROW((void)keyedBlake2bHex(std::string(63, 'a'), "x"), std::invalid_argument);
  EXPECT_NO_THROW((void)keyedBlake2bHex(std::string(32, 'a'), "x"));
}

TEST(Blake2b, RandomKeysAreFreshHex) {
  const std::string a = randomHex(32);
  EXPECT_EQ(a.size(), 64U);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, randomHex(32));
}

}  // namespace
}  // namespace kiosk
