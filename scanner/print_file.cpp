#include "scanner/print_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace kiosk {
namespace {

// Closes the descriptor and removes the temporary file unless the write went through.
class TempFile {
 public:
  TempFile(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_kept) ::unlink(m_path.c_str());
  }
  [[nodiscard]] int fd() const { return m_fd; }
  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] bool close() {
    const int fd = m_fd;
    m_fd = -1;
    return ::close(fd) == 0;
  }
  void keep() { m_kept = true; }

 private:
  int m_fd;
  std::string m_path;
  bool m_kept = false;
};

std::string reason(int error) { return std::strerror(error); }

}  // namespace

Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes, std::string_view field) {
  const std::string name(field);
  if (path.empty() || path.filename().empty()) return badInput(name, "no file name given");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return badInput(name, path.string() + " is a folder, not a file");
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  // In the same folder, so the rename is atomic; hidden, so nobody opens it half-written.
  std::string pattern = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const int fd = ::mkstemp(buffer.data());
  if (fd < 0) return badInput(name, "cannot write " + path.string() + ": " + reason(errno));
  TempFile temp(fd, buffer.data());
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(temp.fd(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return badInput(name, "cannot write " + path.string() + ": " + reason(n < 0 ? errno : EIO));
    done += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file private (0600); a label or receipt is an ordinary document.
  if (::fchmod(temp.fd(), 0644) != 0 || ::fsync(temp.fd()) != 0) {
    return badInput(name, "cannot write " + path.string() + ": " + reason(errno));
  }
  if (!temp.close()) return badInput(name, "cannot write " + path.string() + ": " + reason(errno));
  if (::rename(temp.path().c_str(), path.c_str()) != 0) {
    return badInput(name, "cannot write " + path.string() + ": " + reason(errno));
  }
  temp.keep();
  return {};
}

}  // namespace kiosk
