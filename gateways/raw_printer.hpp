#pragma once
// Sending a job to a network label printer on its raw port (9100, "JetDirect"): open a TCP
// connection, write the bytes, close. libcurl stays behind this header.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace kiosk {

struct PrinterAddress {
  std::string host;  // name, IPv4, or IPv6 without brackets
  int port = 9100;

  [[nodiscard]] std::string text() const;  // "host:port", "[::1]:9100"
};

// "HOST:PORT", "HOST" (port `defaultPort`), "[IPV6]:PORT". Nothing else: no scheme, no path.
// The error says what is wrong with the text.
[[nodiscard]] tl::expected<PrinterAddress, std::string> parsePrinterAddress(std::string_view text,
                                                                            int defaultPort = 9100);

enum class PrinterFailure {
  Unresolved,   // the host name does not resolve
  Refused,      // nothing listens on that port (connection refused or reset)
  Unreachable,  // no answer within the connect timeout, or no route
  Stalled,      // connected, but the printer did not take the bytes within the send timeout
  Failed,       // anything else the network stack reported
};

struct PrinterError {
  PrinterFailure failure = PrinterFailure::Failed;
  std::string message;  // names the printer and what happened, for the person at the counter
};

struct SendTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds send{10000};  // for the whole job
};

// A printer's raw port; one connection per job. Success means every byte was handed to the
// network: raw port printers send no acknowledgement beyond TCP's.
class RawPrinter {
 public:
  explicit RawPrinter(PrinterAddress address, SendTimeouts timeouts = {});

  [[nodiscard]] tl::expected<std::size_t, PrinterError> send(std::string_view bytes) const;
  [[nodiscard]] const PrinterAddress& address() const { return m_address; }

 private:
  PrinterAddress m_address;
  SendTimeouts m_timeouts;
};

[[nodiscard]] inline tl::expected<std::size_t, PrinterError> sendRaw(const PrinterAddress& address,
                                                                     std::string_view bytes, SendTimeouts timeouts) {
  return RawPrinter(address, timeouts).send(bytes);
}

}  // namespace kiosk
