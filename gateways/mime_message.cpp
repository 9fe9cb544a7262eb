#include "gateways/mime_message.hpp"

#include <algorithm>
#include <array>
#include <ctime>

namespace kiosk {
namespace {

constexpr std::string_view kHex = "0123456789ABCDEF";

bool isAtext(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string base64(std::string_view bytes) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(group >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return out;
}

std::string escaped(unsigned char c) { return {'=', kHex[c >> 4], kHex[c & 0x0F]}; }

// One line of the body (no line break in it), quoted-printable, soft-broken at 76 characters.
void appendQuotedPrintableLine(std::string& out, std::string_view line) {
  constexpr std::size_t kMaxLine = 76;
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    std::string piece;
    if ((c == ' ' || c == '\t') && last) {
      piece = escaped(c);  // trailing white space would be stripped in transit
    } else if (column == 0 && (c == '.' || c == 'F')) {
      piece = escaped(c);  // a leading "." or "From " is mangled by some relays
    } else if (c == ' ' || c == '\t' || (c >= 33 && c <= 126 && c != '=')) {
      piece = std::string(1, static_cast<char>(c));
    } else {
      piece = escaped(c);
    }
    // Keep room for the soft break's "=" unless this is the line's last piece.
    const std::size_t room = last ? kMaxLine : kMaxLine - 1;
    if (column + piece.size() > room) {
      out += "=\r\n";
      column = 0;
      if (piece.size() == 1 && (c == '.' || c == 'F')) piece = escaped(c);
    }
    out += piece;
    column += piece.size();
  }
}

}  // namespace

std::string messageIdFor(std::string_view reference, std::string_view fromAddress) {
  std::string id = "<";
  for (const char ch : reference) id += isAtext(static_cast<unsigned char>(ch)) ? ch : '_';
  if (reference.empty()) id += "_";
  id += '@';
  const auto at = fromAddress.rfind('@');
  const std::string_view domain = at == std::string_view::npos ? std::string_view("localhost") : fromAddress.substr(at + 1);
  for (const char ch : domain) id += (isAtext(static_cast<unsigned char>(ch)) || ch == '.') ? ch : '_';
  id += '>';
  return id;
}

std::string rfc5322Date(std::chrono::system_clock::time_point at) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  // Names from tables, not strftime's %a/%b, which follow the process's locale.
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays.at(static_cast<std::size_t>(utc.tm_wday)),
                utc.tm_mday, kMonths.at(static_cast<std::size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour,
                utc.tm_min, utc.tm_sec);
  return text;
}

std::string encodedHeaderValue(std::string_view text) {
  std::string flat(text);
  std::replace_if(flat.begin(), flat.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  const bool plain = std::all_of(flat.begin(), flat.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 32 && u < 127);
  });
  if (plain && flat.find("=?") == std::string::npos) return flat;
  // 39 bytes become 52 base64 characters: a 64-character encoded-word, well under 75.
  constexpr std::size_t kChunk = 39;
  std::string out;
  std::size_t at = 0;
  while (at < flat.size()) {
    std::size_t end = std::min(at + kChunk, flat.size());
    while (end < flat.size() && end > at + 1 && isContinuationByte(static_cast<unsigned char>(flat[end]))) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(flat).substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string quotedPrintable(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const auto newline = text.find('\n', start);
    std::string_view line = text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    appendQuotedPrintableLine(out, line);
    if (newline == std::string_view::npos) break;
    out += "\r\n";
    start = newline + 1;
  }
  return out;
}

bool isMailAddress(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  return std::none_of(address.begin(), address.end(), [](unsigned char c) {
    return c <= ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == '"' || c == 127;
  });
}

std::string buildMimeMessage(const MailContent& mail) {
  std::string message;
  message += "Date: " + rfc5322Date(mail.date) + "\r\n";
  message += "From: " + mail.from + "\r\n";
  message += "To: " + mail.to + "\r\n";
  message += "Subject: " + encodedHeaderValue(mail.subject) + "\r\n";
  message += "Message-ID: " + messageIdFor(mail.reference, mail.from) + "\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=UTF-8\r\n";
  message += "Content-Transfer-Encoding: quoted-printable\r\n";
  // RFC 3834: machine-sent, so auto-responders do not answer it.
  message += "Auto-Submitted: auto-generated\r\n";
  message += "\r\n";
  message += quotedPrintable(mail.text);
  message += "\r\n";
  return message;
}

}  // namespace kiosk
