#include "kiosk/screens/settings_screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kiosk/screens/dashboard_chart.hpp"
#include "kiosk/screens/settings_gateways.hpp"
#include "kiosk/screens/settings_vendors.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk {
namespace {

template <std::size_t N>
void copyInto(std::array<char, N>& buffer, const std::string& text) {
  const std::size_t n = std::min(text.size(), N - 1);
  std::memcpy(buffer.data(), text.data(), n);
  buffer[n] = '\0';
}

// Section titles in the body font and the accent colour: five sections fit the left column of
// a 1280x800 window without scrolling.
void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_CheckMark), "%s", title);
  ImGui::Separator();
}

// Secondary text, wrapped to the column (paths and hints can be long).
void muted(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(theme::kMuted, "%s", text.c_str());
  ImGui::PopTextWrapPos();
}

// A text field that applies on Enter or when it loses the focus after an edit.
bool field(const char* label, const char* hint, char* buffer, std::size_t size, float width) {
  ImGui::SetNextItemWidth(width);
  const bool entered = ImGui::InputTextWithHint(label, hint, buffer, size, ImGuiInputTextFlags_EnterReturnsTrue);
  return entered || ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace

void SettingsScreen::onShow(KioskContext& ctx) {
  if (m_languages.empty()) m_languages = Translations::available(ctx.backend.config().assets);
  copyInto(m_station, ctx.station.name);
  copyInto(m_staff, ctx.backend.staff());
  copyInto(m_printer, ctx.station.labelPrinter);
  m_printerError.reset();
  m_pendingDatabase = Pending(ctx.backend.databaseInfo());
  m_pendingCameras = Pending(ctx.backend.cameras());
}

void SettingsScreen::onDataChanged(KioskContext& ctx) {
  // Only the case count can have moved.
  if (!m_pendingDatabase.active()) m_pendingDatabase = Pending(ctx.backend.databaseInfo());
}

bool SettingsScreen::waiting() const {
  return m_pendingTexts.active() || m_pendingDatabase.active() || m_pendingCameras.active() || m_newTexts.has_value();
}

std::optional<ImVec2> SettingsScreen::controlAt(const std::string& name) const {
  const auto it = m_controls.find(name);
  if (it == m_controls.end()) return std::nullopt;
  return it->second;
}

void SettingsScreen::remember(const std::string& name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  // Left of centre: a labelled field's label is part of the item but does not take a click.
  m_controls[name] = ImVec2(min.x + std::min(20.0f, (max.x - min.x) * 0.5f), (min.y + max.y) * 0.5f);
}

void SettingsScreen::pollResults() {
  if (auto texts = m_pendingTexts.take()) {
    if (*texts) {
      m_newTexts = std::move(**texts);
      m_languageError.reset();
    } else {
      m_languageError = texts->error();
    }
  }
  if (auto info = m_pendingDatabase.take()) {
    if (*info) {
      m_database = **info;
      m_databaseError.reset();
    } else {
      m_databaseError = info->error();
    }
  }
  if (auto cameras = m_pendingCameras.take()) m_cameras = std::move(*cameras);
}

void SettingsScreen::draw(KioskContext& ctx) {
  pollResults();
  // The new language replaces the texts before anything is drawn with them, never in the
  // middle of a frame that still holds pointers into the old ones.
  if (m_newTexts) {
    ctx.text = std::make_unique<UiText>(std::move(*m_newTexts));
    m_newTexts.reset();
  }
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(t("settings.title"));
  ImGui::PopFont();
  muted(t("settings.in_memory"));

  const float width = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginChild("##station_settings", ImVec2(std::floor(width * 0.36f), 0), false);
  drawLanguage(ctx);
  drawStation(ctx);
  drawPrinter(ctx);
  drawCamera(ctx);
  ImGui::EndChild();
  ImGui::SameLine(0, spacing * 2);
  ImGui::BeginChild("##database_and_vendors", ImVec2(0, 0), false);
  drawDatabase(ctx);
  section(t("settings.gateways"));
  drawGatewaySettings(ctx);
  section(t("settings.vendors"));
  muted(t("settings.vendors_note"));
  drawVendorProfiles(ctx.backend.vendors(), t);
  ImGui::EndChild();
}

void SettingsScreen::drawLanguage(KioskContext& ctx) {
  const UiText& t = ctx.t();
  section(t("settings.language"));
  for (const auto& language : m_languages) {
    const std::string name = t.translations().lookupOr("settings.lang." + language, language);
    ImGui::PushID(language.c_str());
    if (ImGui::RadioButton(name.c_str(), language == t.language()) && language != t.language() &&
        !m_pendingTexts.active()) {
      m_pendingTexts = Pending(ctx.backend.loadTexts(language));
    }
    remember("language." + language);
    ImGui::PopID();
    ImGui::SameLine();
  }
  if (m_pendingTexts.active()) widgets::spinner();
  ImGui::NewLine();
  if (m_languageError) widgets::errorLine(*m_languageError, t);
}

void SettingsScreen::drawStation(KioskContext& ctx) {
  const UiText& t = ctx.t();
  section(t("settings.station"));
  const float width = ImGui::GetFontSize() * 12;
  if (field(t("settings.station_name"), "", m_station.data(), m_station.size(), width)) {
    ctx.station.name = trim(m_station.data());
  }
  remember("station");
  if (ctx.backend.signInRequired()) {
    // Staff accounts exist: the PIN pad picks who steps are recorded as, never a typed name.
    if (const auto member = ctx.backend.signedIn()) {
      muted(t.format("signin.settings_signed_in",
                     {{"name", member->name}, {"role", t(std::string("signin.role.") + std::string(roleName(member->role)))}}));
    } else {
      muted(t("signin.settings_nobody"));
    }
    return;
  }
  if (field(t("settings.staff"), t("settings.staff_hint"), m_staff.data(), m_staff.size(), width)) applyStaff(ctx);
  remember("staff");
  const std::string staff = ctx.backend.staff();
  if (staff.empty()) {
    ImGui::TextColored(theme::kAtRisk, "%s", t("settings.nobody_signed_in"));
  } else {
    muted(t.format("settings.signed_in", {{"staff", staff}}));
  }
}

void SettingsScreen::applyStaff(KioskContext& ctx) {
  const std::string staff = trim(m_staff.data());
  ctx.backend.setStaff(staff);
  copyInto(m_staff, staff);
}

void SettingsScreen::drawPrinter(KioskContext& ctx) {
  const UiText& t = ctx.t();
  section(t("settings.printer"));
  if (field(t("settings.printer_address"), t("settings.printer_hint"), m_printer.data(), m_printer.size(), ImGui::GetFontSize() * 12)) {
    applyPrinter(ctx);
  }
  remember("printer");
  if (m_printerError) widgets::errorLine(*m_printerError, t);
  if (ctx.station.labelPrinter.empty()) {
    muted(t.format("settings.printer_none", {{"folder", ctx.backend.config().documents.string()}}));
  } else {
    muted(t.format("settings.printer_in_use", {{"printer", ctx.station.labelPrinter}}));
  }
}

void SettingsScreen::applyPrinter(KioskContext& ctx) {
  const std::string typed = trim(m_printer.data());
  if (typed.empty()) {  // no printer: documents are saved as files
    ctx.station.labelPrinter.clear();
    m_printerError.reset();
    return;
  }
  auto address = KioskBackend::checkPrinterAddress(typed);
  if (!address) {
    // The field by its name on screen, so the person at the station knows which one.
    m_printerError = Error{ErrorKind::BadInput, ctx.t()("settings.printer_address"),
                           ctx.t().format("settings.printer_invalid", {{"why", address.error().message}})};
    return;
  }
  m_printerError.reset();
  ctx.station.labelPrinter = *address;
  copyInto(m_printer, *address);
}

void SettingsScreen::drawCamera(KioskContext& ctx) {
  const UiText& t = ctx.t();
  section(t("settings.camera"));
  ImGui::PushTextWrapPos(0.0f);
  if (!ctx.station.cameraStatus.empty()) {
    ImGui::TextUnformatted(t.format("settings.camera_in_use", {{"camera", ctx.station.cameraStatus}}).c_str());
  }
  if (!m_cameras) {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("settings.looking_for_cameras"));
  } else if (m_cameras->empty()) {
    ImGui::TextColored(theme::kAtRisk, "%s", t("settings.no_camera"));
  } else {
    std::string list;
    for (const auto& camera : *m_cameras) list += (list.empty() ? "" : ", ") + camera;
    ImGui::TextUnformatted(t.format("settings.cameras_found", {{"cameras", list}}).c_str());
  }
  muted(t("settings.camera_hint"));
  ImGui::PopTextWrapPos();
}

void SettingsScreen::drawDatabase(KioskContext& ctx) {
  const UiText& t = ctx.t();
  section(t("settings.database"));
  ImGui::PushTextWrapPos(0.0f);
  // The store's own word for where it is: the file's whole path, or the server's URL without
  // its password.
  ImGui::TextUnformatted(ctx.backend.databaseLocation().c_str());
  ImGui::PopTextWrapPos();
  if (m_databaseError) widgets::errorLine(*m_databaseError, t);
  if (m_database) {
    muted(t.format("settings.database_figures", {{"version", std::to_string(m_database->schemaVersion)},
                                                 {"cases", groupedCount(m_database->cases, t)}}));
  } else if (m_pendingDatabase.active()) {
    widgets::spinner();
  }
}

}  // namespace kiosk
