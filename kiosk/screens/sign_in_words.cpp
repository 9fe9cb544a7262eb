#include "kiosk/screens/sign_in_words.hpp"

#include <cstdint>

#include "kiosk/ui/widgets.hpp"
#include "workflow/clock.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk {
namespace {

// Whole minutes from now until `untilMs` (UTC), at least 1: "locked for 14 more minutes".
std::int64_t minutesUntil(std::int64_t untilMs) { return wholeMinutesLeft(untilMs - systemUtcMs()); }

}  // namespace

std::string signInRefusalText(const UiText& t, const SignInAnswer& a, std::string_view typedName) {
  switch (a.verdict) {
    case SignInVerdict::Ok: return {};
    case SignInVerdict::WrongPin: return t.format("signin.wrong_pin", {{"left", std::to_string(a.pinsLeft)}});
    case SignInVerdict::Locked:
      return t.format("signin.locked", {{"minutes", std::to_string(minutesUntil(a.lockedUntilMs.value_or(0)))}});
    case SignInVerdict::Disabled:
      return t.format("signin.disabled", {{"name", a.member ? a.member->name : std::string(typedName)}});
    case SignInVerdict::Unknown: return t.format("signin.unknown", {{"name", std::string(typedName)}});
  }
  return {};
}

std::string signInErrorText(const UiText& t, const Error& e) {
  if (e.kind == ErrorKind::BadInput && e.field == "pin") return t("signin.bad_pin");  // not 6+ digits: not counted
  if (e.kind == ErrorKind::BadInput && e.field == "name") return t.format("signin.bad_name", {{"message", e.message}});
  return widgets::writeErrorText(e, t);
}

}  // namespace kiosk
