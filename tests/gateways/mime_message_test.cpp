// The e-mail as built before sending: headers, encodings, a Message-ID that is the same on every
// attempt. (smtp_gateway_test.cpp parses what a real server received with Python's email package.)
#include "gateways/mime_message.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

const auto kAt = std::chrono::system_clock::time_point(std::chrono::seconds(1795615676));  // 2026-11-25 14:07:56 UTC

std::string decodeBase64(std::string_view text) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    const auto value = kAlphabet.find(c);
    if (value == std::string_view::npos) continue;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

bool validUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

TEST(MimeMessage, MessageIdIsTheReferenceAtTheSendersDomain) {
  EXPECT_EQ(messageIdFor("M6EM-X3NA-0-email", "verksted@example.no"), "<M6EM-X3NA-0-email@example.no>");
  EXPECT_EQ(messageIdFor("a b<c>", "v@example.no"), "<a_b_c_@example.no>") << "only atext survives";
  EXPECT_EQ(messageIdFor("M6EM-X3NA-0-email", "verksted@example.no"),
            messageIdFor("M6EM-X3NA-0-email", "verksted@example.no"));
}

TEST(MimeMessage, DateIsRfc5322InUtc) {
  EXPECT_EQ(rfc5322Date(kAt), "Wed, 25 Nov 2026 14:07:56 +0000");
  EXPECT_EQ(rfc5322Date(std::chrono::system_clock::time_point{}), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(MimeMessage, AsciiHeadersStayAsTheyAre) {
  EXPECT_EQ(encodedHeaderValue("Case M6EM-X3NA: received"), "Case M6EM-X3NA: received");
  EXPECT_EQ(encodedHeaderValue("two\r\nlines"), "two  lines") << "no header injection";
}

TEST(MimeMessage, NonAsciiHeadersBecomeEncodedWords) {
  EXPECT_EQ(encodedHeaderValue("Sak M6EM-X3NA: enheten er på vei tilbake"),
            "=?UTF-8?B?U2FrIE02RU0tWDNOQTogZW5oZXRlbiBlciBww6UgdmVpIHRpbGJh?=\r\n =?UTF-8?B?a2U=?=");

  // 30 "æ" (60 bytes): no word may end inside a character, and none is longer than 75.
  std::string long_;
  for (int i = 0; i < 30; ++i) long_ += "æ";
  const std::string encoded = encodedHeaderValue(long_);
  std::string decoded;
  for (std::size_t at = 0; (at = encoded.find("=?UTF-8?B?", at)) != std::string::npos;) {
    const auto end = encoded.find("?=", at + 10);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end + 2 - at, 75u);
    const std::string word = decodeBase64(encoded.substr(at + 10, end - at - 10));
    EXPECT_TRUE(validUtf8(word)) << "a word splits a character";
    decoded += word;
    at = end + 2;
  }
  EXPECT_EQ(decoded, long_);
}

TEST(MimeMessage, QuotedPrintableEncodesUtf8AndKeepsLinesShort) {
  EXPECT_EQ(quotedPrintable("æøå ÆØÅ"), "=C3=A6=C3=B8=C3=A5 =C3=86=C3=98=C3=85");
  EXPECT_EQ(quotedPrintable("a=b"), "a=3Db");
  EXPECT_EQ(quotedPrintable("line one \nline two"), "line one=20\r\nline two") << "trailing space kept";
  EXPECT_EQ(quotedPrintable(".\nFrom here"), "=2E\r\n=46rom here");
  EXPECT_EQ(quotedPrintable("crlf\r\nkept"), "crlf\r\nkept");

  std::string longLine;
  for (int i = 0; i < 40; ++i) longLine += "ø ";
  const std::string encoded = quotedPrintable(longLine);
  std::size_t start = 0;
  while (true) {
    const auto end = encoded.find("\r\n", start);
    const std::string line = encoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(line.size(), 76u) << line;
    if (end == std::string::npos) break;
    EXPECT_EQ(line.back(), '=') << "a soft break: " << line;
    start = end + 2;
  }
}

TEST(MimeMessage, TheWholeMessage) {
  const std::string message = buildMimeMessage({"verksted@example.no", "kari@example.no",
                                                "Sak M6EM-X3NA: mottatt", "Sak M6EM-X3NA: vi har mottatt enheten.",
                                                "M6EM-X3NA-0-email", kAt});
  const std::string headers = message.substr(0, message.find("\r\n\r\n") + 2);
  EXPECT_NE(headers.find("Date: Wed, 25 Nov 2026 14:07:56 +0000\r\n"), std::string::npos) << headers;
  EXPECT_NE(headers.find("From: verksted@example.no\r\n"), std::string::npos);
  EXPECT_NE(headers.find("To: kari@example.no\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Subject: Sak M6EM-X3NA: mottatt\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Message-ID: <M6EM-X3NA-0-email@example.no>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Content-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
  EXPECT_EQ(message.substr(message.find("\r\n\r\n") + 4), "Sak M6EM-X3NA: vi har mottatt enheten.\r\n");
  EXPECT_EQ(message.find('\n'), message.find("\r\n") + 1) << "CRLF line ends";
}

TEST(MimeMessage, Addresses) {
  EXPECT_TRUE(isMailAddress("kari.nordmann@example.no"));
  EXPECT_FALSE(isMailAddress("kari"));
  EXPECT_FALSE(isMailAddress("@example.no"));
  EXPECT_FALSE(isMailAddress("kari@"));
  EXPECT_FALSE(isMailAddress("kari@example.no\r\nBcc: x@y.no"));
  EXPECT_FALSE(isMailAddress("Kari <kari@example.no>"));
}

}  // namespace
}  // namespace kiosk
