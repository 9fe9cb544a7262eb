#pragma once
// What both stores do alike at their boundary: turn every exception into a Storage error, read
// a case number as typed at a counter, and refuse a change that does more than append.
#include <exception>
#include <string>
#include <string_view>

#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// Nothing thrown below this line crosses the port: every exception becomes a Storage error
// that says what the store was doing ("cannot read case" + " " + subject).
template <class F>
auto guarded(std::string_view doing, std::string_view subject, F&& body) noexcept -> decltype(body()) {
  const auto describe = [&](std::string_view cause) {
    std::string message(doing);
    if (!subject.empty()) message.append(" ").append(subject);
    return message.append(": ").append(cause);
  };
  try {
    return body();
  } catch (const std::exception& e) {
    try {
      return storageError(describe(e.what()));
    } catch (...) {
    }
  } catch (...) {
    try {
      return storageError(describe("unexpected error"));
    } catch (...) {
    }
  }
  // Building the message itself failed (out of memory): say as little as possible.
  return tl::unexpected(Error{ErrorKind::Storage, {}, {}});
}

[[nodiscard]] bool sameEvent(const CaseEvent& a, const CaseEvent& b);

// Case numbers are typed at a counter: any spelling the number parser accepts; NotFound on
// field "case" for one that is no case number at all.
[[nodiscard]] Result<std::string> lookupNumber(const std::string& number);

// Everything a change may not do to the stored case, checked before anything is written: alter
// its sequence, number or customer code, remove or alter earlier events, queue a message for an
// older event.
[[nodiscard]] Result<void> checkChange(const RepairCase& before, const RepairCase& after);

// The audit trail's rule (store/audit_chain.hpp): every change to a case appends an event, so its
// chain seals it. A change that appended none must leave the case as it was (the store then
// writes nothing); one that altered it anyway is refused.
[[nodiscard]] Result<void> appendsOrKeeps(const RepairCase& before, const RepairCase& after);

}  // namespace kiosk
