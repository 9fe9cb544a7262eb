#pragma once
// The case screen's actions: a button for every step the workflow allows now (the likeliest one
// first, as the primary), and an inline form for the steps that need input. Keyboard: Alt+digit
// picks the step with that number, Enter the primary step or confirms the open form, Escape
// cancels it, Tab moves between its text fields, Ctrl+digit picks one of its choices.
// Drawing records the confirmed step; the case screen runs it.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_context.hpp"
#include "kiosk/screens/signature_pad.hpp"
#include "scanner/scan_parser.hpp"
#include "workflow/case_steps.hpp"

namespace kiosk {

struct StepIntent {
  Step step;
  KioskBackend::StepCommand command;
};

// The i18n key of a step as a command ("case.step.order-parts").
[[nodiscard]] const char* stepTextKey(Step step);

// The step a technician most likely does next among `allowed` (DOMAIN.md's order of work).
[[nodiscard]] std::optional<Step> likeliestStep(const RepairCase& repairCase, const VendorProfile& vendor,
                                                const std::vector<Step>& allowed);

class CaseStepPanel {
 public:
  // Another case is shown: no form open, every field empty.
  void reset();
  // The case changed (a step here or at another station): a form for a step no longer allowed closes.
  void caseChanged(const RepairCase& repairCase, const VendorProfile& vendor);
  // The step ran: its form closes. It was refused: the reason shows in the error colour.
  void stepDone();
  void stepFailed(Error error);

  // Draws buttons, form and error; `busy` while a step runs (nothing can be started then).
  [[nodiscard]] std::optional<StepIntent> draw(KioskContext& ctx, const RepairCase& repairCase,
                                               const VendorProfile& vendor, bool busy);
  // A scan while the ship form is open is its tracking number; while the order-parts form is
  // open, a part number. False when the open form (if any) does not take scans.
  [[nodiscard]] bool takeScan(const ScanReading& scan);

  // For tests: what is offered, in button order (the primary first), the open form, the pad.
  [[nodiscard]] const std::vector<Step>& offered() const { return m_offered; }
  // Steps the case allows now that the signed-in member's role may not take (named, not offered).
  [[nodiscard]] const std::vector<Step>& notForRole() const { return m_notForRole; }
  [[nodiscard]] std::optional<Step> openForm() const { return m_form; }
  [[nodiscard]] const SignaturePad& signaturePad() const { return m_signature; }
  [[nodiscard]] const std::optional<Error>& error() const { return m_error; }

 private:
  // Opens the step's form, or returns the step itself when it needs no input.
  [[nodiscard]] std::optional<StepIntent> start(Step step, const RepairCase& repairCase);
  void drawButtons(KioskContext& ctx, bool busy, std::optional<Step>& clicked);
  void drawNotForRole(KioskContext& ctx, StaffRole role) const;
  [[nodiscard]] std::optional<StepIntent> drawForm(KioskContext& ctx, const RepairCase& repairCase,
                                                   const VendorProfile& vendor, bool enter);
  // Each returns the intent when the form is confirmed (`confirm`: Enter or the button).
  [[nodiscard]] std::optional<StepIntent> diagnoseForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  [[nodiscard]] std::optional<StepIntent> decideForm(KioskContext& ctx, const RepairCase& c,
                                                     const VendorProfile& v, bool confirm);
  [[nodiscard]] std::optional<StepIntent> quoteForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  [[nodiscard]] std::optional<StepIntent> orderPartsForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  [[nodiscard]] std::optional<StepIntent> informForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  [[nodiscard]] std::optional<StepIntent> declineForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  [[nodiscard]] std::optional<StepIntent> shipForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  [[nodiscard]] std::optional<StepIntent> closeForm(KioskContext& ctx, const RepairCase& c, bool confirm);
  // A text field of the open form; true when Enter was pressed in it.
  bool textField(const char* label, const char* hint, char* buffer, std::size_t size, float width);
  // A row of radio buttons for the open form's one choice, each with its Ctrl+digit.
  void choice(KioskContext& ctx, int& selected, std::initializer_list<const char*> optionKeys);
  // The confirm and cancel buttons under a form: true when confirm was clicked.
  bool formButtons(KioskContext& ctx, const char* confirmKey);

  std::vector<Step> m_offered;
  std::vector<Step> m_notForRole;
  std::optional<Step> m_form;
  bool m_focusFirstField = false;
  std::optional<Error> m_error;

  std::array<char, 512> m_finding{};
  int m_damage = 0;  // index into none, liquid, impact, cracked-screen
  std::array<char, 32> m_amount{};
  std::array<char, 512> m_parts{};
  int m_via = 0;     // sms, email, phone
  int m_boughtNew = 0;  // no, yes
  std::array<char, 64> m_carrier{};
  std::array<char, 128> m_tracking{};
  std::array<char, 128> m_acceptedBy{};
  SignaturePad m_signature;
};

}  // namespace kiosk
