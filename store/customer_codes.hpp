#pragma once
// Where both stores draw a new case's customer code (workflow/customer_code.hpp): libsodium's
// randombytes, through crypto/'s RandomSource. Internal to store/.
#include <string>

namespace kiosk {

// A fresh code. Throws std::runtime_error when there is no secure randomness (the store's
// boundary turns it into a Storage error: a case is never created with a guessable code).
[[nodiscard]] std::string drawCustomerCode();

}  // namespace kiosk
