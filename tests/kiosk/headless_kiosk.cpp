#include "headless_kiosk.hpp"

#include <gtest/gtest.h>

#include <random>

#include <imgui_internal.h>

#include "crypto/sodium_pin_hasher.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_case_store.hpp"
#include "workflow/demo_cases.hpp"

namespace kiosk::test {
namespace {

LocalTime parseTime(const std::string& text) {
  const auto parsed = parseLocalTime(text);
  if (!parsed) throw std::runtime_error("bad test time " + text);
  return *parsed;
}

std::filesystem::path freshFolder() {
  std::random_device random;
  auto dir = std::filesystem::temp_directory_path() / ("kiosk-ui-test-" + std::to_string(random()));
  std::filesystem::create_directories(dir);
  return dir;
}

// The store the backend gets: a private SQLite database, or PostgreSQL as the kiosk opens it.
Result<std::unique_ptr<CaseDatabase>> openTestStore(const HeadlessOptions& options) {
  if (options.databaseUrl.empty()) return SqliteCaseStore::openInMemory();
  if (options.pgRetry) return PgCaseStore::open(options.databaseUrl, *options.pgRetry);
  return openStore(StoreLocation{{}, options.databaseUrl});
}

}  // namespace

HeadlessKiosk::HeadlessKiosk(const HeadlessOptions& options) : m_clock(parseTime(options.now)) {
  m_documents = options.documents;
  if (m_documents.empty()) {
    m_documents = freshFolder();
    m_ownDocuments = true;
  }
  m_imgui = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  input::installKeyMap();
  auto fonts = loadKioskFonts();
  if (!fonts) throw std::runtime_error(fonts.error().message);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas, as a renderer would

  auto catalog = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
  if (!catalog) throw std::runtime_error(catalog.error().message);
  auto store = openTestStore(options);
  if (!store) throw std::runtime_error(store.error().message);
  m_store = store->get();
  m_vendors = std::make_unique<VendorCatalog>(*catalog);
  m_service = std::make_unique<CaseService>(*m_store, *m_vendors, nullptr, &m_vault);
  m_pinHasher = std::make_unique<SodiumPinHasher>();
  m_staff = std::make_unique<StaffService>(**store, *m_pinHasher, options.gateways.staff);
  for (const auto& account : options.staff) {
    auto added = m_staff->add(account.name, account.role, account.pin);
    if (!added) throw std::runtime_error(added.error().message);
  }
  if (options.demoCases > 0) {
    auto added = fillWithDemoCases(*m_service, options.demoCases, m_clock.now());
    if (!added) throw std::runtime_error(added.error().message);
  }
  BackendConfig config;
  config.store = StoreLocation{options.databaseUrl.empty() ? ":memory:" : "", options.databaseUrl};
  config.assets = KIOSK_ASSETS_DIR;
  config.documents = m_documents;
  config.watchInterval = options.watchInterval;
  config.gateways = options.gateways;
  config.passcodeKeyFile = m_vault.keyFile();
  auto messages = MessageTexts::load(KIOSK_ASSETS_DIR, kDefaultLanguage);
  if (!messages) throw std::runtime_error(messages.error().message);
  m_backend = std::make_unique<KioskBackend>(config, m_clock, std::move(*store), std::move(*catalog),
                                             std::function<void()>{}, std::move(*messages));
  m_backend->setStaff(options.stationStaff);
  auto texts = Translations::load(KIOSK_ASSETS_DIR, options.language);
  if (!texts) throw std::runtime_error(texts.error().message);
  m_ctx = std::unique_ptr<KioskContext>(
      new KioskContext{*m_backend, std::make_unique<UiText>(std::move(*texts)), *fonts, {}, {}, {}});
  m_ctx->station.name = "Test";
  m_ui = std::make_unique<KioskUi>(*m_ctx);
  frame();
}

HeadlessKiosk::~HeadlessKiosk() {
  m_ui.reset();
  m_ctx.reset();
  m_backend.reset();
  ImGui::DestroyContext(m_imgui);
  if (m_ownDocuments) {
    std::error_code ec;
    std::filesystem::remove_all(m_documents, ec);
  }
}

void HeadlessKiosk::frame(int count) {
  for (int i = 0; i < count; ++i) {
    ImGui::NewFrame();
    m_ui->frame();
    ImGui::Render();
  }
}

void HeadlessKiosk::settle() {
  int quiet = 0;
  for (int i = 0; i < 400 && quiet < 3; ++i) {
    m_backend->waitUntilIdle();
    frame();
    quiet = m_ui->waiting() ? 0 : quiet + 1;
  }
  EXPECT_EQ(quiet, 3) << "the kiosk never settled: a screen still waits for the backend";
}

void HeadlessKiosk::type(std::string_view utf8) {
  input::typeText(utf8);
  frame(2);
}

void HeadlessKiosk::press(input::Key key) {
  input::setKey(key, true);
  frame();
  input::setKey(key, false);
  frame();
}

void HeadlessKiosk::pressWithCtrl(input::Key key) {
  input::setKey(input::Key::LeftCtrl, true);
  press(key);
  input::setKey(input::Key::LeftCtrl, false);
  frame();
}

void HeadlessKiosk::clickAt(float x, float y) {
  input::setMousePosition(x, y);
  frame();
  input::setMouseButton(0, true);
  frame();
  input::setMouseButton(0, false);
  frame();
}

bool HeadlessKiosk::clickNthItemOnRow(float y, int nth) {
  ImGuiID last = 0;
  int seen = -1;
  // One frame at the start of the row first: the hovered item of the previous position (the
  // tab clicked last) would otherwise be counted as the row's first item.
  input::setMousePosition(2, y);
  frame();
  for (float x = 2; x < ImGui::GetIO().DisplaySize.x; x += 4) {
    input::setMousePosition(x, y);
    frame();
    const ImGuiID hovered = ImGui::GetCurrentContext() != nullptr ? ImGui::GetHoveredID() : 0;
    if (hovered != 0 && hovered != last) {
      ++seen;
      last = hovered;
      if (seen == nth) {
        clickAt(x, y);
        return true;
      }
    }
    if (hovered == 0) last = 0;
  }
  return false;
}

void HeadlessKiosk::scan(const std::string& raw, const std::string& format) {
  m_ui->scan(raw, format);
  frame();
}

void HeadlessKiosk::drag(ImVec2 from, ImVec2 to, int steps) {
  input::setMousePosition(from.x, from.y);
  frame();
  input::setMouseButton(0, true);
  frame();
  for (int i = 1; i <= steps; ++i) {
    const float f = static_cast<float>(i) / static_cast<float>(steps);
    input::setMousePosition(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
    frame();
  }
  input::setMouseButton(0, false);
  frame();
}

}  // namespace kiosk::test
