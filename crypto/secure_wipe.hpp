#pragma once
// Overwrites memory that held a secret (a PIN, a device passcode) so that it does not linger
// after use: libsodium's sodium_memzero, which the optimiser may not drop as a dead store.
#include <cstddef>

namespace kiosk {

void secureWipe(char* data, std::size_t size) noexcept;

}  // namespace kiosk
