#pragma once
// The PIN pad: who is at the station. The kiosk draws it in place of every staff screen while
// staff accounts exist and nobody is signed in (the customer status screen, F4, never needs it).
// A name is picked from the enabled accounts or typed, the PIN typed on the pad or a keyboard;
// KioskBackend::signIn judges it on the worker (StaffService::signIn) and the answer is said in
// words: wrong (with the PINs left), locked (with the minutes left), disabled, unknown.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/background_tasks.hpp"
#include "kiosk/screens/screen.hpp"

namespace kiosk {

class SignInScreen final : public Screen {
 public:
  [[nodiscard]] ScreenId id() const override { return ScreenId::SignIn; }
  [[nodiscard]] std::string_view titleKey() const override { return "signin.title"; }
  // The roster again; the PIN typed so far is forgotten.
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  // A scan at the pad is nobody's business: taken and dropped, so it opens nothing behind it.
  bool takeScan(KioskContext& ctx, const ScanReading& scan) override;
  [[nodiscard]] bool waiting() const override { return m_roster.active() || m_signIn.active(); }

  // The kiosk signed the member out after `minutes` without input: said on the pad.
  void noteIdleSignOut(const KioskContext& ctx, int minutes);
  // The backend signed the member out because of `why`: a PIN of theirs answered locked or
  // disabled at the case screen's "Show passcode", or their account found disabled (or gone) at a
  // step or intake. Said on the pad in the sign-in's own words.
  void noteSignedOut(const KioskContext& ctx, const SignInAnswer& why);

  // Tests.
  [[nodiscard]] const std::string& typedName() const { return m_name; }
  [[nodiscard]] std::size_t typedPinLength() const { return m_pin.size(); }
  [[nodiscard]] const std::string& message() const { return m_message; }
  [[nodiscard]] const std::vector<StaffMember>& roster() const { return m_enabled; }

 private:
  void takeAnswers(KioskContext& ctx);
  void submit(KioskContext& ctx);
  void say(std::string text, bool error);
  void drawNames(KioskContext& ctx);
  void drawPin(KioskContext& ctx);
  void drawKeypad(KioskContext& ctx);

  Pending<Result<StaffRoster>> m_roster;
  Pending<Result<SignInAnswer>> m_signIn;
  std::vector<StaffMember> m_enabled;
  bool m_accountsExist = true;
  std::optional<Error> m_rosterError;
  std::string m_name;  // as picked or typed
  std::string m_pin;   // as typed; cleared when it is sent, and whenever the pad shows again
  std::string m_message;
  bool m_messageIsError = false;
  bool m_focusPin = false;
};

}  // namespace kiosk
