#include "crypto/secure_wipe.hpp"

#include <sodium.h>

namespace kiosk {

void secureWipe(char* data, std::size_t size) noexcept { sodium_memzero(data, size); }

}  // namespace kiosk
