#include "bench/loopback_http_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace kiosk::bench {
namespace {

constexpr std::string_view kAnswer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}";

std::size_t contentLength(const std::string& headers) {
  // Header names are case-insensitive; curl writes "Content-Length".
  for (const char* name : {"Content-Length:", "content-length:"}) {
    const auto at = headers.find(name);
    if (at != std::string::npos) return std::stoul(headers.substr(at + std::strlen(name)));
  }
  return 0;
}

bool sendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

LoopbackHttpSink::LoopbackHttpSink() {
  m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
  if (m_listener < 0) throw std::runtime_error("bench sink: socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(m_listener, 128) != 0) {
    ::close(m_listener);
    throw std::runtime_error("bench sink: cannot listen on 127.0.0.1");
  }
  socklen_t length = sizeof address;
  ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
  m_port = ntohs(address.sin_port);
  m_acceptor = std::thread([this] { acceptLoop(); });
}

LoopbackHttpSink::~LoopbackHttpSink() {
  m_stopping = true;
  ::shutdown(m_listener, SHUT_RDWR);
  ::close(m_listener);
  m_acceptor.join();
  {
    std::lock_guard lock(m_mutex);
    for (int fd : m_clients) ::shutdown(fd, SHUT_RDWR);
  }
  for (auto& t : m_threads) t.join();
  for (int fd : m_clients) ::close(fd);  // closed only here, so no number is reused before
}

std::string LoopbackHttpSink::url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/sms"; }

std::size_t LoopbackHttpSink::distinctReferences() const {
  std::lock_guard lock(m_mutex);
  return m_references.size();
}

void LoopbackHttpSink::reset() {
  std::lock_guard lock(m_mutex);
  m_references.clear();
  m_requests = 0;
}

void LoopbackHttpSink::acceptLoop() {
  while (!m_stopping) {
    const int client = ::accept(m_listener, nullptr, nullptr);
    if (client < 0) continue;
    const int one = 1;
    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard lock(m_mutex);
    m_clients.push_back(client);
    m_threads.emplace_back([this, client] { serve(client); });
  }
}

void LoopbackHttpSink::serve(int client) {
  std::string buffer;
  char chunk[16384];
  for (;;) {
    const auto headerEnd = buffer.find("\r\n\r\n");
    if (headerEnd != std::string::npos) {
      const std::size_t bodyLength = contentLength(buffer.substr(0, headerEnd));
      const std::size_t total = headerEnd + 4 + bodyLength;
      if (buffer.size() >= total) {
        noteBody(buffer.substr(headerEnd + 4, bodyLength));
        buffer.erase(0, total);
        ++m_requests;
        if (!sendAll(client, kAnswer)) break;
        continue;
      }
    }
    const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

void LoopbackHttpSink::noteBody(const std::string& body) {
  constexpr std::string_view kKey = "\"reference\":\"";
  const auto at = body.find(kKey);
  if (at == std::string::npos) return;
  const auto from = at + kKey.size();
  const auto to = body.find('"', from);
  std::lock_guard lock(m_mutex);
  m_references.insert(body.substr(from, to - from));
}

}  // namespace kiosk::bench
