#include "kiosk/ui/kiosk_ui.hpp"

#include <imgui.h>

#include "kiosk/screens/screen_registry.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {
namespace {

// F1..F6 switch screens from the keyboard, in tab order.
constexpr input::Key kScreenKeys[] = {input::Key::F1, input::Key::F2, input::Key::F3,
                                      input::Key::F4, input::Key::F5, input::Key::F6};

constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

KioskUi::KioskUi(KioskContext& ctx) : m_ctx(ctx), m_screens(makeScreens()), m_signIn(makeSignInScreen()) {
  m_current = &screen(m_ctx.nav.current());
  m_current->onShow(m_ctx);
  m_lastInput = m_now();
}

KioskUi::~KioskUi() = default;

Screen& KioskUi::screen(ScreenId id) {
  for (auto& s : m_screens) {
    if (s->id() == id) return *s;
  }
  return *m_screens.front();  // every ScreenId is registered (tests/kiosk checks it)
}

Screen& KioskUi::current() { return *m_current; }

bool KioskUi::waiting() const {
  // A screen behind the PIN pad is not drawn, so it takes no answer: only the pad's count.
  return m_ctx.backend.busy() > 0 || (gated() ? m_signIn->waiting() : m_current->waiting());
}

void KioskUi::show(ScreenId id) {
  Screen& next = screen(id);
  if (m_current != nullptr && m_current != &next) m_current->onHide(m_ctx);
  m_ctx.nav.setCurrent(id);
  m_current = &next;
  m_current->onShow(m_ctx);
}

void KioskUi::scan(const std::string& raw, const std::string& format) {
  m_lastInput = m_now();
  const ScanReading reading = parseScan(raw, format);
  if (gated()) {
    (void)m_signIn->takeScan(m_ctx, reading);
    return;
  }
  if (m_current->takeScan(m_ctx, reading)) return;
  if (reading.kind == ScanKind::CaseNumber) {
    m_ctx.nav.openCase(reading.text);
  } else {
    m_ctx.nav.search(reading.isDeviceId() ? reading.text : reading.raw);
  }
  applyNavigation();
}

void KioskUi::lockTo(ScreenId id) {
  m_locked = id;
  show(id);
}

void KioskUi::attachCamera(std::unique_ptr<CameraScanner> camera) {
  m_ctx.station.cameraStatus = camera != nullptr ? camera->describe() : std::string();
  m_camera = std::move(camera);
}

void KioskUi::frame() {
  if (m_camera) {
    for (const auto& read : m_camera->take()) scan(read.text, read.format);
  }
  if (m_ctx.backend.takeChanged()) {
    m_current->onDataChanged(m_ctx);
    // Accounts added or removed elsewhere (kioskctl staff) change whether sign-in is needed.
    if (!m_accountsLook.active()) m_accountsLook = Pending(m_ctx.backend.staffRoster());
  }
  (void)m_accountsLook.take();
  trackStaffIdle();
  noticeSignOut();
  for (std::size_t i = 0; !m_locked && i < m_screens.size() && i < std::size(kScreenKeys); ++i) {
    if (input::pressed(kScreenKeys[i])) m_ctx.nav.show(m_screens[i]->id());
  }

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("##kiosk", nullptr, kRootFlags);
  if (!m_locked) drawTabBar();
  drawOfflineBand();
  const float statusHeight = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("##screen", ImVec2(0, -statusHeight), false, ImGuiWindowFlags_NavFlattened);
  const bool isGated = gated();
  if (isGated && !m_wasGated) m_signIn->onShow(m_ctx);
  m_wasGated = isGated;
  (isGated ? static_cast<Screen&>(*m_signIn) : *m_current).draw(m_ctx);
  ImGui::EndChild();
  drawStatusLine();
  ImGui::End();
  applySignOut();
  noticeSignOut();
  applyNavigation();
}

void KioskUi::drawTabBar() {
  const UiText& t = m_ctx.t();
  for (std::size_t i = 0; i < m_screens.size(); ++i) {
    Screen& s = *m_screens[i];
    const bool active = &s == m_current;
    if (i > 0) ImGui::SameLine();
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const std::string label = "F" + std::to_string(i + 1) + "  " + t(s.titleKey()) + "##tab" + std::to_string(i);
    if (ImGui::Button(label.c_str())) m_ctx.nav.show(s.id());
    if (active) ImGui::PopStyleColor();
  }
  drawStaffHeader();
  ImGui::Separator();
}

// Above every screen while the store does not answer, so nobody takes what they see for
// current or what they do for saved. The public display says only what concerns the customer.
void KioskUi::drawOfflineBand() {
  m_showedOffline = !m_ctx.backend.online();
  if (!m_showedOffline) return;
  const UiText& t = m_ctx.t();
  if (m_locked) {
    widgets::banner(t("offline.public"), theme::kOfflineBand);
    return;
  }
  const std::string reason = m_ctx.backend.offlineReason();
  const std::string text = reason.empty() ? std::string(t("offline.banner"))
                                          : std::string(t("offline.banner")) + "\n" +
                                                t.format("offline.reason", {{"message", reason}});
  widgets::banner(text.c_str(), theme::kOfflineBand);
}

void KioskUi::drawStatusLine() {
  const UiText& t = m_ctx.t();
  ImGui::Separator();
  if (m_ctx.backend.busy() > 0) {
    widgets::spinner(7.0f);
    ImGui::SameLine();
    ImGui::TextUnformatted(t("status.working"));
    ImGui::SameLine();
  }
  if (m_locked) {
    ImGui::TextColored(theme::kMuted, "%s", t.translations().dateTime(m_ctx.backend.now()).c_str());
    return;
  }
  const std::string staff = m_ctx.backend.staff();
  const std::string line =
      t.format("status.line", {{"station", m_ctx.station.name},
                               {"staff", staff.empty() ? std::string(t("status.no_staff")) : staff},
                               {"time", t.translations().dateTime(m_ctx.backend.now())}});
  ImGui::TextColored(theme::kMuted, "%s", line.c_str());
}

void KioskUi::applyNavigation() {
  const auto request = m_ctx.nav.takeRequest();
  if (!request) return;
  if (m_locked && *request != *m_locked) {
    (void)m_ctx.nav.takeCaseNumber();  // a locked display never opens a case for the public
    (void)m_ctx.nav.takeSearch();
    return;
  }
  show(*request);
}

}  // namespace kiosk
