#include "gateways/raw_printer.hpp"

#include <curl/curl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <memory>
#include <thread>

namespace kiosk {
namespace {

using Clock = std::chrono::steady_clock;

struct CurlCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
using CurlHandle = std::unique_ptr<CURL, CurlCleanup>;

std::string seconds(std::chrono::milliseconds ms) {
  const auto tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " s";
}

int remainingMs(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

PrinterError connectError(CURL* curl, CURLcode code, const PrinterAddress& address, SendTimeouts timeouts) {
  const std::string who = "label printer " + address.text();
  long osErrno = 0;
  curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &osErrno);
  if (code == CURLE_COULDNT_RESOLVE_HOST) {
    return {PrinterFailure::Unresolved, who + ": the name '" + address.host + "' does not resolve"};
  }
  if (code == CURLE_OPERATION_TIMEDOUT || osErrno == ETIMEDOUT) {
    return {PrinterFailure::Unreachable, who + " did not answer within " + seconds(timeouts.connect) +
                                             " (is it switched on and on the network?)"};
  }
  if (osErrno == ECONNREFUSED) {
    return {PrinterFailure::Refused, who + " refused the connection: nothing listens on port " +
                                         std::to_string(address.port) + " (a raw print port is usually 9100)"};
  }
  if (osErrno == EHOSTUNREACH || osErrno == ENETUNREACH) {
    return {PrinterFailure::Unreachable, who + " cannot be reached: no route to it"};
  }
  return {PrinterFailure::Failed, who + ": " + curl_easy_strerror(code)};
}

// Bytes written but not yet acknowledged by the printer's TCP stack. Raw ports answer nothing
// else, and without this a printer unplugged after the connect would look like a success.
std::size_t unacknowledged(curl_socket_t socket) {
  int queued = 0;
  if (::ioctl(socket, SIOCOUTQ, &queued) != 0) return 0;  // not Linux TCP: trust the write
  return static_cast<std::size_t>(std::max(queued, 0));
}

}  // namespace

std::string PrinterAddress::text() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

tl::expected<PrinterAddress, std::string> parsePrinterAddress(std::string_view text, int defaultPort) {
  PrinterAddress address;
  address.port = defaultPort;
  std::string_view host = text;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return tl::unexpected("'" + std::string(text) + "': missing ']' after an IPv6 address");
    host = text.substr(1, close - 1);
    const auto rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return tl::unexpected("'" + std::string(text) + "': expected ':PORT' after ']'");
      port = rest.substr(1);
      if (port.empty()) return tl::unexpected("'" + std::string(text) + "': the port is missing after ':'");
    }
  } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
    if (text.find(':') != colon) return tl::unexpected("'" + std::string(text) + "': write an IPv6 address as [ADDRESS]:PORT");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return tl::unexpected("'" + std::string(text) + "': the port is missing after ':'");
  }
  if (host.empty()) return tl::unexpected("'" + std::string(text) + "': the host is missing (HOST:PORT)");
  const bool hostOk = std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
  });
  if (!hostOk) return tl::unexpected("'" + std::string(text) + "': '" + std::string(host) + "' is not a host name or address");
  address.host = std::string(host);
  if (!port.empty()) {
    int value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (error != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535) {
      return tl::unexpected("'" + std::string(text) + "': the port '" + std::string(port) + "' is not a number 1-65535");
    }
    address.port = value;
  }
  return address;
}

RawPrinter::RawPrinter(PrinterAddress address, SendTimeouts timeouts)
    : m_address(std::move(address)), m_timeouts(timeouts) {}

tl::expected<std::size_t, PrinterError> RawPrinter::send(std::string_view bytes) const {
  const std::string who = "label printer " + m_address.text();
  CurlHandle curl(curl_easy_init());
  if (!curl) return tl::unexpected(PrinterError{PrinterFailure::Failed, who + ": libcurl could not start"});
  // CONNECT_ONLY stops after the TCP connect: nothing of HTTP is ever sent, the scheme only
  // tells curl how to connect (plain TCP, no TLS).
  const std::string url = "http://" + m_address.text();
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_CONNECT_ONLY, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_timeouts.connect.count()));
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  // A proxy from the environment cannot carry a raw print job: always connect directly.
  curl_easy_setopt(curl.get(), CURLOPT_NOPROXY, "*");
  const CURLcode connected = curl_easy_perform(curl.get());
  if (connected != CURLE_OK) return tl::unexpected(connectError(curl.get(), connected, m_address, m_timeouts));

  curl_socket_t socket = CURL_SOCKET_BAD;
  curl_easy_getinfo(curl.get(), CURLINFO_ACTIVESOCKET, &socket);
  if (socket == CURL_SOCKET_BAD) return tl::unexpected(PrinterError{PrinterFailure::Failed, who + ": lost the connection"});

  const auto deadline = Clock::now() + m_timeouts.send;
  const auto stalled = [&](std::size_t taken) {
    return PrinterError{PrinterFailure::Stalled, who + " answered but took only " + std::to_string(taken) + " of " +
                                                     std::to_string(bytes.size()) + " bytes within " +
                                                     seconds(m_timeouts.send) + " (out of labels, or paused?)"};
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    std::size_t sent = 0;
    const CURLcode result = curl_easy_send(curl.get(), bytes.data() + done, bytes.size() - done, &sent);
    if (result == CURLE_OK) {
      done += sent;
      continue;
    }
    if (result != CURLE_AGAIN) {
      return tl::unexpected(PrinterError{PrinterFailure::Failed, who + " closed the connection after " +
                                                                     std::to_string(done) + " bytes (" +
                                                                     curl_easy_strerror(result) + ")"});
    }
    pollfd wait{socket, POLLOUT, 0};
    if (::poll(&wait, 1, remainingMs(deadline)) == 0 || Clock::now() >= deadline) {
      return tl::unexpected(stalled(done - std::min(done, unacknowledged(socket))));
    }
  }
  for (std::size_t queued = unacknowledged(socket); queued > 0; queued = unacknowledged(socket)) {
    if (Clock::now() >= deadline) return tl::unexpected(stalled(done - std::min(done, queued)));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done;
}

}  // namespace kiosk
