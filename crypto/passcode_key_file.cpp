#include "crypto/passcode_key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace kiosk {
namespace {

std::string quoted(const std::filesystem::path& file) { return "passcode key file '" + file.string() + "'"; }

std::string systemMessage(int error) { return std::system_category().message(error); }

// Closes a descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  [[nodiscard]] int get() const { return m_fd; }
  [[nodiscard]] int release() { return std::exchange(m_fd, -1); }

 private:
  int m_fd;
};

std::string keyId(const std::array<unsigned char, kPasscodeKeyBytes>& key) {
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), key.data(), key.size(), nullptr, 0);
  std::array<char, 9> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), 4);
  return std::string(hex.data(), 8);
}

bool writeAll(int fd, const unsigned char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// The folder's entry for the new file is on disk too, not only the file's bytes.
void syncFolder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

std::filesystem::path passcodeKeyFile(const std::string& configured) {
  if (!configured.empty()) return configured;
  const auto env = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(value != nullptr ? value : "");
  };
  if (const std::string fromEnv = env("KIOSK_PASSCODE_KEY"); !fromEnv.empty()) return fromEnv;
  // As kioskctl and the kiosk find their default database (cli/cli_context.cpp, kiosk_options.cpp).
  std::filesystem::path folder;
  if (const std::string xdg = env("XDG_DATA_HOME"); !xdg.empty()) {
    folder = std::filesystem::path(xdg) / "repair-kiosk";
  } else if (const std::string home = env("HOME"); !home.empty()) {
    folder = std::filesystem::path(home) / ".local" / "share" / "repair-kiosk";
  } else {
    folder = "repair-kiosk";
  }
  return folder / "passcode.key";
}

PasscodeKey::~PasscodeKey() { sodium_memzero(bytes.data(), bytes.size()); }

Result<std::optional<PasscodeKey>> readPasscodeKey(const std::filesystem::path& file) {
  if (sodium_init() < 0) return storageError("libsodium cannot be initialised: no passcode can be sealed or opened");
  Descriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::optional<PasscodeKey>{};
    return storageError("cannot read the " + quoted(file) + ": " + systemMessage(errno));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return storageError("cannot read the " + quoted(file) + ": " + systemMessage(errno));
  if (!S_ISREG(st.st_mode)) return storageError("the " + quoted(file) + " is not a regular file");
  if ((st.st_mode & 077) != 0) {
    std::array<char, 8> mode{};
    std::snprintf(mode.data(), mode.size(), "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return storageError("the " + quoted(file) + " may be read or changed by others than its owner (mode " +
                        mode.data() + "); make it the service account's alone: chmod 600 '" + file.string() + "'");
  }
  if (st.st_size != static_cast<off_t>(kPasscodeKeyBytes)) {
    return storageError("the " + quoted(file) + " holds " + std::to_string(st.st_size) + " bytes, not a key of " +
                        std::to_string(kPasscodeKeyBytes) + ": it is not a passcode key (or was cut off)");
  }
  PasscodeKey key;
  std::size_t got = 0;
  while (got < key.bytes.size()) {
    const ssize_t n = ::read(fd.get(), key.bytes.data() + got, key.bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return storageError("cannot read the " + quoted(file) + ": it ended early");
    got += static_cast<std::size_t>(n);
  }
  key.id = keyId(key.bytes);
  return std::optional<PasscodeKey>(std::move(key));
}

Result<PasscodeKey> createPasscodeKey(const std::filesystem::path& file) {
  if (sodium_init() < 0) return storageError("libsodium cannot be initialised: no passcode key can be drawn");
  const std::filesystem::path folder = file.parent_path();
  std::error_code ec;
  if (!folder.empty()) {
    std::filesystem::create_directories(folder, ec);
    if (ec) return storageError("cannot make the folder of the " + quoted(file) + ": " + ec.message());
  }
  std::array<unsigned char, 8> tag{};
  randombytes_buf(tag.data(), tag.size());
  std::array<char, 17> tagHex{};
  sodium_bin2hex(tagHex.data(), tagHex.size(), tag.data(), tag.size());
  const std::filesystem::path temporary = file.string() + ".new-" + tagHex.data();
  {
    Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) return storageError("cannot create the " + quoted(file) + ": " + systemMessage(errno));
    std::array<unsigned char, kPasscodeKeyBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    const bool written = writeAll(fd.get(), bytes.data(), bytes.size()) && ::fsync(fd.get()) == 0;
    const int writeError = errno;
    sodium_memzero(bytes.data(), bytes.size());
    if (!written || ::close(fd.release()) != 0) {
      ::unlink(temporary.c_str());
      return storageError("cannot write the " + quoted(file) + ": " + systemMessage(writeError));
    }
  }
  // link() never replaces: the first process's key stays, and a later one reads it below.
  const bool linked = ::link(temporary.c_str(), file.c_str()) == 0;
  const int linkError = errno;
  ::unlink(temporary.c_str());
  if (!linked && linkError != EEXIST) {
    return storageError("cannot create the " + quoted(file) + ": " + systemMessage(linkError));
  }
  syncFolder(folder);
  auto key = readPasscodeKey(file);
  if (!key) return tl::unexpected(key.error());
  if (!*key) return storageError("the " + quoted(file) + " vanished as it was created");
  return std::move(**key);
}

}  // namespace kiosk
