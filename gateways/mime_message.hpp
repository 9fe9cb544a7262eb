#pragma once
// Building the e-mail a customer gets: an RFC 5322 message with a MIME text/plain UTF-8 body.
// Pure functions, no network: the SMTP gateway sends what these build.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct MailContent {
  std::string from;       // bare address, "verksted@example.no"
  std::string to;         // bare address
  std::string subject;    // UTF-8
  std::string text;       // UTF-8, lines separated by \n or \r\n
  std::string reference;  // the outbox reference: the Message-ID is made from it
  std::chrono::system_clock::time_point date;  // the attempt's time
};

// "<reference@domain-of-from>": the same on every attempt of one message, so a retry after a
// lost answer reads as the same message to any client that drops duplicates. Characters a
// Message-ID may not hold become '_'.
[[nodiscard]] std::string messageIdFor(std::string_view reference, std::string_view fromAddress);

// "Wed, 25 Nov 2026 14:07:56 +0000" (RFC 5322 section 3.3, in UTC).
[[nodiscard]] std::string rfc5322Date(std::chrono::system_clock::time_point at);

// A header value: as is when printable ASCII, else RFC 2047 encoded-words ("=?UTF-8?B?...?=")
// of at most 75 characters each, folded onto continuation lines, never splitting a character.
// Line breaks in `text` become spaces: a header value cannot start a new header.
[[nodiscard]] std::string encodedHeaderValue(std::string_view text);

// Quoted-printable (RFC 2045 section 6.7) with CRLF line ends and lines of at most 76 characters.
[[nodiscard]] std::string quotedPrintable(std::string_view text);

// Whether `address` can go into an envelope and a header: local@domain, no spaces, no line breaks.
[[nodiscard]] bool isMailAddress(std::string_view address);

// The whole message, headers and body, with CRLF line ends, ready for SMTP DATA.
[[nodiscard]] std::string buildMimeMessage(const MailContent& mail);

}  // namespace kiosk
