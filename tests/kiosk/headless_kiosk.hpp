#pragma once
// The real kiosk UI with no window and no GPU: an ImGui context with the kiosk's fonts, a
// backend on an in-memory SQLite store (or a PostgreSQL database), a fixed clock, and input injected through the same
// io.KeysDown / io.MousePos path the GLFW backend uses (kiosk/ui/imgui_input.hpp).
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/app/kiosk_context.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "store/pg_case_store.hpp"
#include "support/scratch_passcode_vault.hpp"
#include "workflow/clock.hpp"

namespace kiosk::test {

struct HeadlessOptions {
  std::string now = "2026-11-25T10:00:00";  // the fixed clock
  std::size_t demoCases = 0;                 // demo cases registered before the UI starts
  std::string language = "nb";
  std::filesystem::path documents;           // empty: a fresh temp folder
  GatewayConfig gateways;                    // none by default: messages wait, no carrier
  // A PostgreSQL database (TestPostgresServer::createDatabase): the backend opens it through
  // openStore as `kiosk --db-url` does. Empty: a private in-memory SQLite store.
  std::string databaseUrl;
  // With it, the store is PgCaseStore::open(databaseUrl, *pgRetry): a test that must see a
  // write fail while the server is down gives up sooner than the kiosk's half a minute.
  std::optional<PgRetryPolicy> pgRetry;
  std::chrono::milliseconds watchInterval{20};  // how often the backend looks for changes
  // Staff accounts made (Argon2id, as kioskctl staff add) before the kiosk starts: the PIN pad
  // then stands in front of the staff screens. None: the kiosk works as before accounts.
  struct StaffAccount {
    std::string name, role, pin;
  };
  std::vector<StaffAccount> staff;
  std::string stationStaff = "Tekniker Test";  // --staff: who steps are recorded as with no accounts
};

[[nodiscard]] inline HeadlessOptions withDemoCases(std::size_t count) {
  HeadlessOptions options;
  options.demoCases = count;
  return options;
}

class HeadlessKiosk {
 public:
  explicit HeadlessKiosk(const HeadlessOptions& options = {});
  ~HeadlessKiosk();
  HeadlessKiosk(const HeadlessKiosk&) = delete;
  HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;

  // One frame: NewFrame, the kiosk UI, Render.
  void frame(int count = 1);
  // Frames until the backend is idle and no screen waits (at most ~400 frames; fails the
  // test if it never settles).
  void settle();

  // Input, each followed by the frames it takes to reach widgets.
  void type(std::string_view utf8);  // characters into the focused widget
  void press(input::Key key);        // down for one frame, then up
  void pressWithCtrl(input::Key key);
  void clickAt(float x, float y);    // left button down for one frame, then up, at a point
  // Clicks the `nth` (0-based) clickable item met when moving the mouse left to right along
  // y; false when there is none. For rows of buttons such as the tab bar.
  bool clickNthItemOnRow(float y, int nth);
  void scan(const std::string& raw, const std::string& format = "");
  // Presses the left button at `from`, moves to `to` over `steps` frames and releases: one
  // stroke of a finger or the mouse (a signature).
  void drag(ImVec2 from, ImVec2 to, int steps = 8);

  [[nodiscard]] KioskUi& ui() { return *m_ui; }
  [[nodiscard]] KioskContext& ctx() { return *m_ctx; }
  [[nodiscard]] KioskBackend& backend() { return *m_backend; }
  [[nodiscard]] FixedClock& clock() { return m_clock; }
  [[nodiscard]] CaseService& service() { return *m_service; }
  // The passcode vault on the key file the backend uses too.
  [[nodiscard]] PasscodeVault& vault() { return m_vault; }
  // The store behind the backend: for checks a screen cannot show (the outbox).
  [[nodiscard]] CaseStore& store() { return *m_store; }  // to set up cases as another station would
  // The staff accounts, as kioskctl staff would change them (Argon2id PINs).
  [[nodiscard]] StaffService& staff() { return *m_staff; }
  [[nodiscard]] const std::filesystem::path& documents() const { return m_documents; }
  [[nodiscard]] ScreenId screen() const { return m_ctx->nav.current(); }
  // The current screen as its class, or nullptr.
  template <class S>
  [[nodiscard]] S* screenAs() {
    return dynamic_cast<S*>(&m_ui->current());
  }

 private:
  FixedClock m_clock;
  std::filesystem::path m_documents;
  bool m_ownDocuments = false;
  ImGuiContext* m_imgui = nullptr;
  ScratchPasscodeVault m_vault;                  // the backend's key file too: one key, as at a station
  std::unique_ptr<VendorCatalog> m_vendors;      // the harness's own service's catalog
  CaseStore* m_store = nullptr;                  // owned by the backend
  std::unique_ptr<PinHasher> m_pinHasher;
  std::unique_ptr<StaffService> m_staff;         // on the backend's store
  std::unique_ptr<CaseService> m_service;
  std::unique_ptr<KioskBackend> m_backend;
  std::unique_ptr<KioskContext> m_ctx;
  std::unique_ptr<KioskUi> m_ui;
};

}  // namespace kiosk::test
