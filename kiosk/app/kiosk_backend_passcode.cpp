// KioskBackend's device passcode read: the case screen's "Show passcode". The rules (who may
// read, the PIN judged as a sign-in, the "passcode-read" event and audit log entry) are
// PasscodeService's; this only
// runs it on the worker for the member signed in here, signs them out when their PIN is answered
// Locked or Disabled, and keeps the PIN and the passcode out of memory once they are used.
#include "kiosk/app/kiosk_backend.hpp"

namespace kiosk {

std::future<Result<PasscodeReading>> KioskBackend::readPasscode(std::string number, std::shared_ptr<SecretText> pin) {
  // The PIN goes by pointer: the job is moved a few times on its way to the worker, and a moved
  // std::string would leave a short PIN behind in each moved-from copy.
  return storeCall<PasscodeReading>([this, number = std::move(number), pin = std::move(pin)]() -> Result<PasscodeReading> {
    const auto member = signedIn();
    if (!member) {
      pin->wipe();
      return refused("nobody is signed in at this station; sign in with your PIN first");
    }
    PasscodeService passcodes(*m_store, *m_vault, m_staffService, m_store.get());  // each attempt in the audit log
    auto answer = passcodes.read(number, member->name, pin->view(), m_clock.now(), systemUtcMs());
    pin->wipe();  // judged: not kept a moment longer
    if (!answer) return tl::unexpected(answer.error());
    const SignInVerdict judged = answer->signIn.verdict;
    if (judged == SignInVerdict::Locked || judged == SignInVerdict::Disabled) {
      signOutBecause(member->name, answer->signIn);  // only the member the PIN was judged for
    }
    PasscodeReading reading;
    reading.verdict = answer->verdict;
    reading.signIn = answer->signIn;
    reading.passcode = SecretText(answer->passcode);
    SecretText::wipe(answer->passcode);
    return reading;
  });
}

}  // namespace kiosk
