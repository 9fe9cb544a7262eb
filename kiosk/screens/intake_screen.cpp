#include "kiosk/screens/intake_screen.hpp"

#include <imgui.h>

#include "kiosk/screens/role_limits.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/case_number.hpp"
#include "workflow/field_rules.hpp"
#include "workflow/staff_roles.hpp"

namespace kiosk {

void IntakeScreen::onShow(KioskContext& ctx) {
  (void)ctx;
  if (!m_created) m_focus = m_form.text(IntakeField::Serial).empty() ? IntakeField::Serial : m_focus;
}

void IntakeScreen::onDataChanged(KioskContext& ctx) {
  // Another station may have opened or closed a case of this device: list them again.
  if (m_lookedUp.empty()) return;
  m_lookedUp.clear();
  lookUpEarlierCases(ctx);
}

bool IntakeScreen::waiting() const {
  return m_pendingEarlier.active() || m_pendingRegister.active() || m_pendingDocuments.active() ||
         m_pendingPrint.active();
}

bool IntakeScreen::takeScan(KioskContext& ctx, const ScanReading& scan) {
  if (scan.isDeviceId() && m_created) startOver();  // the next device at the counter
  ScanReading reading = scan;
  // A vendor already chosen settles the 10-character ambiguity (Apple, HP, Lenovo machine type).
  if (const std::string& vendor = m_form.text(IntakeField::Vendor); scan.isDeviceId() && !vendor.empty()) {
    ScanReading hinted = parseScan(scan.raw, "", vendor);
    if (hinted.isDeviceId()) reading = std::move(hinted);
  }
  takeRead(ctx, reading);
  return true;  // whatever it was, the counter stays on intake and says what it read
}

void IntakeScreen::takeRead(KioskContext& ctx, const ScanReading& reading) {
  m_read = reading;
  if (reading.kind == ScanKind::CaseNumber) {
    ctx.nav.openCase(reading.text);
    return;
  }
  if (!reading.isDeviceId()) return;  // shown with the parser's warning, not taken as a serial
  m_form.takeDeviceId(reading, ctx.backend.vendors());
  m_changed = true;
  m_focus = IntakeField::Product;
  lookUpEarlierCases(ctx);
}

void IntakeScreen::lookUpEarlierCases(KioskContext& ctx) {
  const std::string serial = upperAlnum(m_form.text(IntakeField::Serial));
  if (serial == m_lookedUp) return;
  m_lookedUp = serial;
  m_earlier.clear();
  if (serial.empty()) return;
  m_pendingEarlier = Pending(ctx.backend.find(serial));
}

std::optional<std::string> IntakeScreen::openCaseOfSerial() const {
  for (const auto& c : m_earlier) {
    if (isOpen(c.status)) return c.number;
  }
  // Not listed yet: the store's refusal names the open case last.
  if (m_registerError) {
    const std::string& message = m_registerError->message;
    const auto space = message.find_last_of(' ');
    const auto number = normalizeCaseNumber(space == std::string::npos ? message : message.substr(space + 1));
    if (number) return *number;
  }
  return std::nullopt;
}

void IntakeScreen::startRegister(KioskContext& ctx) {
  if (m_pendingRegister.active()) return;
  m_registerError.reset();
  m_form.touchAll();
  m_form.revalidate(ctx.backend.vendors(), Actor{ctx.backend.staff(), ctx.backend.now()});
  if (!m_form.valid()) {
    for (std::size_t i = 0; i < kIntakeFieldCount; ++i) {
      if (m_form.errorFor(static_cast<IntakeField>(i)) != nullptr) m_focus = static_cast<IntakeField>(i);
    }
    return;
  }
  auto form = m_form.form();
  if (form) m_pendingRegister = Pending(ctx.backend.registerCase(std::move(*form)));
}

void IntakeScreen::pollResults(KioskContext& ctx) {
  if (auto found = m_pendingEarlier.take()) {
    m_earlier.clear();
    // find() also matches names and mobiles: keep this device's cases only.
    if (*found) {
      for (auto& c : **found) {
        if (c.device.serial == m_lookedUp) m_earlier.push_back(std::move(c));
      }
    }
  }
  if (auto registered = m_pendingRegister.take()) {
    if (*registered) {
      m_created = std::move(**registered);
      m_offerSecondCase = false;
      const std::string language = ctx.t().language();
      m_pendingDocuments = Pending(ctx.backend.saveIntakeDocuments(*m_created, language));
      if (!ctx.station.labelPrinter.empty()) {
        m_pendingPrint = Pending(ctx.backend.printLabel(*m_created, ctx.station.labelPrinter, language));
      }
    } else {
      m_registerError = registered->error();
      // The only refusal at intake: the device already has an open case. Ask why a second one.
      if (m_registerError->kind == ErrorKind::Refused) {
        m_offerSecondCase = true;
        m_focus = IntakeField::SecondCase;
        m_lookedUp.clear();
        lookUpEarlierCases(ctx);
      }
    }
  }
  if (auto saved = m_pendingDocuments.take()) {
    if (*saved) {
      m_documents = **saved;
    } else {
      m_documentsError = saved->error();
    }
  }
  if (auto printed = m_pendingPrint.take()) {
    if (*printed) {
      m_printed = **printed;
    } else {
      m_printError = printed->error();
    }
  }
}

void IntakeScreen::startOver() {
  m_form.clear();
  m_read.reset();
  m_lookedUp.clear();
  m_earlier.clear();
  m_registerError.reset();
  m_offerSecondCase = false;
  m_created.reset();
  m_documents.reset();
  m_documentsError.reset();
  m_printed.reset();
  m_printError.reset();
  m_focus = IntakeField::Serial;
}

void IntakeScreen::draw(KioskContext& ctx) {
  pollResults(ctx);
  const UiText& t = ctx.t();
  // Read before any widget: on the frame Enter confirms a text field, that field is still the
  // active item here, so Enter in a field never registers the case by accident.
  const bool enter = input::pressed(input::Key::Enter) && !ImGui::IsAnyItemActive();
  m_enterTaken = false;
  const bool ctrlEnter = input::pressed(input::Key::Enter) && input::ctrlHeld();

  if (const auto role = signedInRole(ctx); role && !roleMayRegister(*role)) {
    // Said, not just hidden: a technician who opens F1 learns who registers devices.
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(t("intake.title"));
    ImGui::PopFont();
    ImGui::TextWrapped("%s", t.format("role.intake_refused", {{"role", roleWord(t, *role)}}).c_str());
    return;
  }

  if (m_created) {
    if (input::pressed(input::Key::Escape)) {
      startOver();
    } else if (enter) {
      ctx.nav.openCase(m_created->number);
    }
    if (m_created) drawRegistered(ctx);
    return;
  }

  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(t("intake.title"));
  ImGui::PopFont();
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(t("intake.new")).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button(t("intake.new"))) startOver();

  const float barHeight = ImGui::GetFrameHeightWithSpacing() * (m_offerSecondCase ? 3.6f : 1.6f);
  ImGui::BeginChild("##intake_form", ImVec2(0, -barHeight), false, ImGuiWindowFlags_NavFlattened);
  drawForm(ctx);
  ImGui::EndChild();
  if (m_changed) {
    m_form.revalidate(ctx.backend.vendors(), Actor{ctx.backend.staff(), ctx.backend.now()});
    m_changed = false;
  }
  drawRegisterBar(ctx);
  if ((enter || ctrlEnter) && !m_enterTaken && !m_pendingRegister.active()) startRegister(ctx);
}

void IntakeScreen::drawRegisterBar(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::Separator();
  if (m_offerSecondCase) {
    const auto open = openCaseOfSerial();
    const std::string line = t.format("intake.second_case.open", {{"number", open.value_or("?")}});
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kAtRisk, "%s", line.c_str());
    if (open) {
      ImGui::SameLine();
      if (ImGui::Button(t("intake.second_case.show"))) ctx.nav.openCase(*open);
    }
    drawTextField(ctx, IntakeField::SecondCase);
  }
  ImGui::PushFont(ctx.fonts.heading);
  const bool busy = m_pendingRegister.active();
  if (busy) ImGui::BeginDisabled();
  if (ImGui::Button(t("intake.register"))) startRegister(ctx);
  if (busy) ImGui::EndDisabled();
  ImGui::PopFont();
  ImGui::SameLine();
  if (busy) {
    widgets::spinner();
    ImGui::SameLine();
  }
  if (m_registerError && !m_offerSecondCase) {
    widgets::writeErrorLine(*m_registerError, t);
  } else if (const Error* error = m_form.formError(); error != nullptr && m_form.touched(IntakeField::Serial)) {
    widgets::errorLine(*error, t);
  } else {
    ImGui::TextColored(theme::kMuted, "%s", t("intake.register_hint"));
  }
}

void IntakeScreen::drawRegistered(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.heading);
  widgets::centredText(t("intake.registered"));
  ImGui::PopFont();
  ImGui::PushFont(ctx.fonts.huge);
  widgets::centredText(m_created->number.c_str());
  ImGui::PopFont();
  ImGui::Spacing();

  if (m_documents) {
    ImGui::TextUnformatted(t.format("intake.saved_label", {{"path", m_documents->label.string()}}).c_str());
    ImGui::TextUnformatted(t.format("intake.saved_receipt", {{"path", m_documents->receipt.string()}}).c_str());
  } else if (m_documentsError) {
    ImGui::TextColored(theme::kError, "%s", t("intake.documents_failed"));
    widgets::errorLine(*m_documentsError, t);
  } else {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("intake.saving"));
  }
  if (m_printed) {
    ImGui::TextUnformatted(t.format("intake.printed", {{"printer", m_printed->printer}}).c_str());
  } else if (m_printError) {
    // The case is registered whatever the printer does: say so, and where the label went instead.
    ImGui::TextColored(theme::kError, "%s",
                       t.format("intake.print_failed", {{"printer", ctx.station.labelPrinter}}).c_str());
    widgets::errorLine(*m_printError, t);
  } else if (m_pendingPrint.active()) {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t.format("intake.printing", {{"printer", ctx.station.labelPrinter}}).c_str());
  }

  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.heading);
  if (ImGui::Button(t("intake.open_case"))) ctx.nav.openCase(m_created->number);
  ImGui::SameLine();
  const bool newIntake = ImGui::Button(t("intake.new"));
  ImGui::PopFont();
  ImGui::TextColored(theme::kMuted, "%s", t("intake.registered_hint"));
  if (newIntake) startOver();
}

}  // namespace kiosk
