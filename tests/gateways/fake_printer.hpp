#pragma once
// A loopback stand-in for a network label printer's raw port, started by the test on
// 127.0.0.1 and a port the kernel picks. It can read the job, accept and never read (a paused
// printer), or never answer a connect at all (a black hole).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : m_fd(fd) {}
  Fd(Fd&& other) noexcept : m_fd(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    reset(other.release());
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  [[nodiscard]] int get() const { return m_fd; }
  int release() {
    const int fd = m_fd;
    m_fd = -1;
    return fd;
  }
  void reset(int fd = -1) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = fd;
  }

 private:
  int m_fd;
};

inline sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

inline int portOf(int fd) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) throw std::runtime_error("getsockname");
  return ntohs(address.sin_port);
}

// A loopback port nobody listens on: bound and closed again, so a connect is refused.
inline int closedLoopbackPort() {
  Fd fd(::socket(AF_INET, SOCK_STREAM, 0));
  sockaddr_in address = loopback(0);
  if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("bind");
  return portOf(fd.get());
}

class FakePrinter {
 public:
  enum class Mode {
    Reads,         // accepts one connection and reads it to the end
    NeverReads,    // accepts, then lets the bytes pile up: a paused or jammed printer
    NeverAccepts,  // a full accept queue: the kernel drops further SYNs, so a connect hangs
  };

  explicit FakePrinter(Mode mode = Mode::Reads) : m_mode(mode) {
    m_listen = Fd(::socket(AF_INET, SOCK_STREAM, 0));
    const int yes = 1;
    ::setsockopt(m_listen.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (mode == Mode::NeverReads) {
      // A small window (inherited by the accepted socket) so the sender stalls soon.
      const int small = 4096;
      ::setsockopt(m_listen.get(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    }
    sockaddr_in address = loopback(0);
    if (::bind(m_listen.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("bind");
    // Backlog 0: the queue holds one finished handshake; the fillers below take it.
    if (::listen(m_listen.get(), mode == Mode::NeverAccepts ? 0 : 4) != 0) throw std::runtime_error("listen");
    m_port = portOf(m_listen.get());
    if (mode == Mode::NeverAccepts) {
      fillAcceptQueue();
      return;
    }
    m_thread = std::thread([this] { serve(); });
  }
  FakePrinter(const FakePrinter&) = delete;
  FakePrinter& operator=(const FakePrinter&) = delete;
  ~FakePrinter() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
  }

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }

  // What the one connection sent, once the sender closed it (empty after 10 s without that).
  std::string received() {
    auto future = m_received.get_future();
    if (future.wait_for(std::chrono::seconds(10)) != std::future_status::ready) return {};
    return future.get();
  }

 private:
  void fillAcceptQueue() {
    for (int i = 0; i < 3; ++i) {
      Fd filler(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
      sockaddr_in address = loopback(m_port);
      ::connect(filler.get(), reinterpret_cast<sockaddr*>(&address), sizeof address);
      m_fillers.push_back(std::move(filler));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the handshakes finish
  }

  // Waits for `fd` to be readable, checking every 50 ms whether the test is over.
  bool waitReadable(int fd) const {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!m_stop && std::chrono::steady_clock::now() < give_up) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) > 0) return true;
    }
    return false;
  }

  void serve() {
    std::string bytes;
    if (waitReadable(m_listen.get())) {
      Fd client(::accept(m_listen.get(), nullptr, nullptr));
      if (m_mode == Mode::NeverReads) {
        while (!m_stop) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      } else {
        char buffer[65536];
        while (waitReadable(client.get())) {
          const ssize_t n = ::read(client.get(), buffer, sizeof buffer);
          if (n <= 0) break;
          bytes.append(buffer, static_cast<std::size_t>(n));
        }
      }
    }
    m_received.set_value(std::move(bytes));
  }

  Mode m_mode;
  Fd m_listen;
  int m_port = 0;
  std::vector<Fd> m_fillers;
  std::atomic<bool> m_stop{false};
  std::promise<std::string> m_received;
  std::thread m_thread;
};

}  // namespace kiosk::test
