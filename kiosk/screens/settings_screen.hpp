#pragma once
// Settings for this station: the language (the whole UI switches at once), who is signed in,
// the station's name, the label printer, the camera, the database in use, and the vendor
// profiles as the assets define them (read only). Kept in memory for this run only.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/screens/screen.hpp"

namespace kiosk {

class SettingsScreen final : public Screen {
 public:
  [[nodiscard]] ScreenId id() const override { return ScreenId::Settings; }
  [[nodiscard]] std::string_view titleKey() const override { return "settings.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  [[nodiscard]] bool waiting() const override;

  // For tests: where a control was drawn last frame ("language.en", "printer", "staff",
  // "station"), to click it.
  [[nodiscard]] std::optional<ImVec2> controlAt(const std::string& name) const;
  [[nodiscard]] const std::optional<Error>& printerError() const { return m_printerError; }

 private:
  void drawLanguage(KioskContext& ctx);
  void drawStation(KioskContext& ctx);
  void drawPrinter(KioskContext& ctx);
  void drawCamera(KioskContext& ctx);
  void drawDatabase(KioskContext& ctx);
  void drawVendors(KioskContext& ctx);
  void applyPrinter(KioskContext& ctx);
  void applyStaff(KioskContext& ctx);
  void pollResults();
  void remember(const std::string& name);

  std::vector<std::string> m_languages;
  Pending<Result<Translations>> m_pendingTexts;
  std::optional<Error> m_languageError;
  std::optional<Translations> m_newTexts;  // applied after the frame that drew with the old ones

  std::array<char, 64> m_station{};
  std::array<char, 64> m_staff{};
  std::array<char, 128> m_printer{};
  std::optional<Error> m_printerError;

  Pending<Result<DatabaseInfo>> m_pendingDatabase;
  std::optional<DatabaseInfo> m_database;
  std::optional<Error> m_databaseError;
  Pending<std::vector<std::string>> m_pendingCameras;
  std::optional<std::vector<std::string>> m_cameras;

  std::map<std::string, ImVec2> m_controls;
};

}  // namespace kiosk
