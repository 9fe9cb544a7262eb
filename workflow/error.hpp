#pragma once
// The one error convention at every boundary of the domain: Result<T> = T or Error.
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace kiosk {

enum class ErrorKind {
  BadInput,   // a field is malformed, missing or impossible (CLI exit 2)
  NotFound,   // no such case (CLI exit 2: an unknown number is bad input)
  Refused,    // the workflow does not allow the step now (CLI exit 1)
  Conflict,   // someone else changed the case first; reload and retry
  Storage,    // the database could not be read or written (CLI exit 3)
  Gateway,    // a parts supplier or carrier did not take the request: no answer, refused, or an
              // answer that is not the contract's (CLI exit 4, like a label printer that did not)
};

struct Error {
  ErrorKind kind = ErrorKind::BadInput;
  std::string field;  // the input field at fault, named as the CLI names it; empty if none
  std::string message;
};

template <class T>
using Result = tl::expected<T, Error>;

[[nodiscard]] inline tl::unexpected<Error> badInput(std::string field, std::string message) {
  return tl::unexpected(Error{ErrorKind::BadInput, std::move(field), std::move(message)});
}
[[nodiscard]] inline tl::unexpected<Error> refused(std::string message) {
  return tl::unexpected(Error{ErrorKind::Refused, {}, std::move(message)});
}
[[nodiscard]] inline tl::unexpected<Error> notFound(std::string field, std::string message) {
  return tl::unexpected(Error{ErrorKind::NotFound, std::move(field), std::move(message)});
}
[[nodiscard]] inline tl::unexpected<Error> storageError(std::string message) {
  return tl::unexpected(Error{ErrorKind::Storage, {}, std::move(message)});
}
[[nodiscard]] inline tl::unexpected<Error> gatewayError(std::string message) {
  return tl::unexpected(Error{ErrorKind::Gateway, {}, std::move(message)});
}
[[nodiscard]] inline tl::unexpected<Error> conflict(std::string message) {
  return tl::unexpected(Error{ErrorKind::Conflict, {}, std::move(message)});
}

}  // namespace kiosk
