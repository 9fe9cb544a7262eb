#pragma once
// The intake counter: scan or type the serial (vendor and family recognised, the device's
// earlier cases listed), the vendor's required fields checked inline by the workflow's own
// rules, the warranty as far as known, then register: the case number, its label and receipt.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/intake_form_state.hpp"
#include "kiosk/screens/screen.hpp"

namespace kiosk {

class IntakeScreen final : public Screen {
 public:
  [[nodiscard]] ScreenId id() const override { return ScreenId::Intake; }
  [[nodiscard]] std::string_view titleKey() const override { return "intake.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  bool takeScan(KioskContext& ctx, const ScanReading& scan) override;
  [[nodiscard]] bool waiting() const override;

  // For tests: what the screen holds now.
  [[nodiscard]] const IntakeFormState& form() const { return m_form; }
  [[nodiscard]] const std::optional<ScanReading>& lastRead() const { return m_read; }
  [[nodiscard]] const std::vector<RepairCase>& earlierCases() const { return m_earlier; }
  [[nodiscard]] const std::optional<RepairCase>& registered() const { return m_created; }
  [[nodiscard]] const std::optional<IntakeDocuments>& documents() const { return m_documents; }
  [[nodiscard]] const std::optional<Error>& registerError() const { return m_registerError; }
  [[nodiscard]] const std::optional<Error>& printerError() const { return m_printError; }

 private:
  // intake_screen.cpp: the flow.
  void takeRead(KioskContext& ctx, const ScanReading& reading);
  void lookUpEarlierCases(KioskContext& ctx);
  void startRegister(KioskContext& ctx);
  void pollResults(KioskContext& ctx);
  void startOver();
  void drawRegistered(KioskContext& ctx);
  void drawRegisterBar(KioskContext& ctx);
  [[nodiscard]] std::optional<std::string> openCaseOfSerial() const;

  // intake_screen_form.cpp: the fields.
  void drawForm(KioskContext& ctx);
  void drawDeviceColumn(KioskContext& ctx);
  void drawCustomerColumn(KioskContext& ctx);
  void drawSerialField(KioskContext& ctx);
  void drawChoice(KioskContext& ctx, IntakeField field, const std::vector<std::string>& options,
                  const char* textKeyPrefix);
  void drawTextField(KioskContext& ctx, IntakeField field, int flags = 0, bool multiline = false);
  void fieldLabel(KioskContext& ctx, IntakeField field);
  void fieldError(KioskContext& ctx, IntakeField field);
  void drawWarranty(KioskContext& ctx);
  void drawEarlierCases(KioskContext& ctx);

  IntakeFormState m_form;
  bool m_changed = false;                   // a field changed this frame: validate again
  bool m_enterTaken = false;                // a focused earlier case took this frame's Enter
  std::optional<IntakeField> m_focus;       // gets the keyboard focus when next drawn
  std::optional<ScanReading> m_read;        // the last scan or typed serial, as the parser read it
  std::string m_lookedUp;                   // the serial whose earlier cases are listed
  std::vector<RepairCase> m_earlier;
  Pending<Result<std::vector<RepairCase>>> m_pendingEarlier;

  Pending<Result<RepairCase>> m_pendingRegister;
  std::optional<Error> m_registerError;
  bool m_offerSecondCase = false;           // the device has an open case: ask for a reason
  std::optional<RepairCase> m_created;
  Pending<Result<IntakeDocuments>> m_pendingDocuments;
  std::optional<IntakeDocuments> m_documents;
  std::optional<Error> m_documentsError;
  Pending<Result<LabelPrinted>> m_pendingPrint;
  std::optional<LabelPrinted> m_printed;
  std::optional<Error> m_printError;
};

}  // namespace kiosk
