#include "tests/store/pg_cut_proxy.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <system_error>

namespace kiosk::test {
namespace {

std::uint32_t bigEndian32(const char* bytes) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

// Splits one direction's bytes into protocol messages. A client starts with untyped messages
// (the startup packet, and before it any TLS or GSS request); after the startup packet, and in
// the server's direction from the start, every message is a type byte and a length.
class Framer {
 public:
  struct Message {
    std::string bytes;
    bool typed = false;
  };

  explicit Framer(bool startup) : m_startup(startup) {}

  void feed(const char* data, std::size_t size) { m_buffer.append(data, size); }

  std::optional<Message> next() {
    const std::size_t typeBytes = m_startup ? 0 : 1;
    if (m_buffer.size() < typeBytes + 4) return std::nullopt;
    const std::uint32_t length = bigEndian32(m_buffer.data() + typeBytes);
    const std::size_t total = typeBytes + length;
    if (length < 4 || m_buffer.size() < total) return std::nullopt;
    Message message{m_buffer.substr(0, total), !m_startup};
    m_buffer.erase(0, total);
    // Protocol 3.x: the startup packet's first word is the version, 3 in its upper half.
    if (m_startup && total >= 8 && (bigEndian32(message.bytes.data() + 4) >> 16) == 3) m_startup = false;
    return message;
  }

 private:
  bool m_startup;
  std::string m_buffer;
};

// The SQL a client message carries: a simple query's text, or the text of a statement being
// prepared (Parse). Empty for any other message.
std::string statementOf(const Framer::Message& message) {
  const std::string& m = message.bytes;
  if (!message.typed || m.size() <= 5) return {};
  if (m[0] == 'Q') return std::string(m.c_str() + 5);
  if (m[0] == 'P') {
    const auto nameEnd = m.find('\0', 5);
    if (nameEnd == std::string::npos || nameEnd + 1 >= m.size()) return {};
    return std::string(m.c_str() + nameEnd + 1);
  }
  return {};
}

bool writeAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

int connectTo(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  const sockaddr_in address = loopback(port);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void closeIfOpen(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

PgCutProxy::PgCutProxy(int serverPort) : m_serverPort(serverPort) {
  if (::pipe2(m_wake, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
  m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback(0);
  socklen_t size = sizeof address;
  if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(m_listen, 64) != 0 || ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    const int error = errno;
    closeIfOpen(m_listen);
    ::close(m_wake[0]);
    ::close(m_wake[1]);
    throw std::system_error(error, std::generic_category(), "cannot listen on 127.0.0.1");
  }
  m_port = ntohs(address.sin_port);
  m_acceptor = std::thread([this] { acceptLoop(); });
}

PgCutProxy::~PgCutProxy() {
  {
    const std::scoped_lock lock(m_mutex);
    m_stopping = true;
  }
  m_changed.notify_all();
  ::close(m_wake[1]);  // every poll on the read end wakes
  m_acceptor.join();
  for (std::thread& session : m_sessions) session.join();
  closeKeptSessions();
  ::close(m_listen);
  ::close(m_wake[0]);
}

std::string PgCutProxy::url(const std::string& database) const {
  return "postgresql://kiosk@127.0.0.1:" + std::to_string(m_port) + "/" + database + "?sslmode=disable&gssencmode=disable";
}

void PgCutProxy::cutAt(std::string sql, Cut how) {
  const std::scoped_lock lock(m_mutex);
  m_cutSql = std::move(sql);
  m_cutHow = how;
  m_cutDone = false;
}

bool PgCutProxy::waitForCut(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  return m_changed.wait_for(lock, timeout, [&] { return m_cutDone; });
}

void PgCutProxy::hold() {
  const std::scoped_lock lock(m_mutex);
  m_held = true;
}

void PgCutProxy::release() {
  {
    const std::scoped_lock lock(m_mutex);
    m_held = false;
  }
  m_changed.notify_all();
}

void PgCutProxy::closeKeptSessions() {
  const std::scoped_lock lock(m_mutex);
  for (int& fd : m_kept) closeIfOpen(fd);
  m_kept.clear();
}

bool PgCutProxy::takeCut(const std::string& statement, Cut& how) {
  if (statement.empty()) return false;
  const std::scoped_lock lock(m_mutex);
  if (m_cutSql.empty() || statement.find(m_cutSql) == std::string::npos) return false;
  how = m_cutHow;
  m_cutSql.clear();
  return true;
}

void PgCutProxy::keep(int server) {
  const std::scoped_lock lock(m_mutex);
  m_kept.push_back(server);
}

void PgCutProxy::acceptLoop() {
  for (;;) {
    pollfd fds[2] = {{m_listen, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    const std::scoped_lock lock(m_mutex);
    m_sessions.emplace_back([this, client] { serve(client); });
  }
}

void PgCutProxy::serve(int client) {
  {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_held || m_stopping; });
    if (m_stopping) {
      ::close(client);
      return;
    }
  }
  int server = connectTo(m_serverPort);
  if (server < 0) {
    ::close(client);
    return;
  }
  Framer fromClient(true);
  Framer fromServer(false);
  bool droppingAnswer = false;  // AnswerLost: the statement went; its answer is not passed on
  const auto cutDone = [&] {
    {
      const std::scoped_lock lock(m_mutex);
      m_cutDone = true;
    }
    m_changed.notify_all();
  };
  char buffer[65536];
  for (;;) {
    pollfd fds[3] = {{droppingAnswer ? -1 : client, POLLIN, 0}, {server, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].revents != 0) break;
    if (fds[1].revents != 0) {
      const ssize_t got = ::read(server, buffer, sizeof buffer);
      if (got <= 0) break;
      fromServer.feed(buffer, static_cast<std::size_t>(got));
      bool answered = false;
      while (const auto message = fromServer.next()) answered = answered || message->bytes[0] == 'Z';
      if (droppingAnswer) {
        if (!answered) continue;
        cutDone();
        break;
      }
      if (!writeAll(client, buffer, static_cast<std::size_t>(got))) break;
    }
    if (fds[0].revents != 0) {
      const ssize_t got = ::read(client, buffer, sizeof buffer);
      if (got <= 0) break;
      fromClient.feed(buffer, static_cast<std::size_t>(got));
      bool open = true;
      while (open && !droppingAnswer) {
        const auto message = fromClient.next();
        if (!message) break;
        Cut how = Cut::Unsent;
        if (!takeCut(statementOf(*message), how)) {
          open = writeAll(server, message->bytes.data(), message->bytes.size());
          continue;
        }
        // Whatever the client sent after it stays unsent: the client never learns of it.
        if (how == Cut::SentUnanswered || how == Cut::SentSessionKept || how == Cut::AnswerLost) {
          open = writeAll(server, message->bytes.data(), message->bytes.size());
        }
        if (how == Cut::AnswerLost) {
          droppingAnswer = true;  // the client hears nothing until the server has answered
          continue;
        }
        if (how == Cut::UnsentSessionKept || how == Cut::SentSessionKept) {
          keep(server);
          server = -1;
        }
        closeIfOpen(client);
        closeIfOpen(server);
        cutDone();
        return;
      }
      if (!open) break;
    }
  }
  closeIfOpen(client);
  closeIfOpen(server);
}

}  // namespace kiosk::test
