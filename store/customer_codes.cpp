#include "store/customer_codes.hpp"

#include "crypto/sodium_random_source.hpp"
#include "workflow/customer_code.hpp"

namespace kiosk {

std::string drawCustomerCode() {
  SodiumRandomSource random;  // holds no state: libsodium's generator is the process's
  return newCustomerCode(random);
}

}  // namespace kiosk
