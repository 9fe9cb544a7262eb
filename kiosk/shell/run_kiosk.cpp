#include "kiosk/shell/run_kiosk.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>

#include <imgui.h>

#include "kiosk/app/camera_scanner.hpp"
#include "kiosk/app/kiosk_context.hpp"
#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/screens/case_screen.hpp"
#include "kiosk/shell/glfw_shell.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk {
namespace {

int fail(const Error& error) {
  std::cerr << "kiosk: " << (error.field.empty() ? "" : "--" + error.field + ": ") << error.message << "\n";
  return error.kind == ErrorKind::Storage ? 3 : 2;
}

std::unique_ptr<Clock> makeClock(const std::string& at, Error& error) {
  if (at.empty()) return std::make_unique<OsloSystemClock>();
  const auto parsed = parseLocalTime(at);
  if (!parsed) {
    error = Error{ErrorKind::BadInput, "at", "'" + at + "' is not a local time YYYY-MM-DDTHH:MM"};
    return nullptr;
  }
  return std::make_unique<FixedClock>(*parsed);
}

// The case screen's "Show passcode" prompt, open on the first open case holding a passcode, when
// the --staff member is a technician (the only role that may read one). False when there is no
// such case or member: no page then. The passcode itself needs a PIN, which this mode never has.
Result<bool> passcodeScreenshot(GlfwShell& shell, KioskUi& ui, KioskContext& ctx, const std::filesystem::path& file) {
  const auto member = ctx.backend.signedIn();
  if (!member || !PasscodeService::mayRead(member->role)) return false;
  auto open = ctx.backend.queuePage(QueueFilter{}, 0, 500).get();
  if (!open) return tl::unexpected(open.error());
  const auto withPasscode = std::find_if(open->begin(), open->end(),
                                         [](const RepairCase& c) { return isOpen(c.status) && !c.intake.passcode.empty(); });
  if (withPasscode == open->end()) return false;
  // Opened by the navigator at the end of the first frame, as a scan opens one (showing the screen
  // here as well would have that request load the case shown before over this one).
  ctx.nav.openCase(withPasscode->number);
  dynamic_cast<CaseScreen&>(ui.screen(ScreenId::Case)).passcode().openPromptFor(withPasscode->number);
  auto saved = shell.capture(ui, [&ui] { return !ui.waiting(); }, file);
  if (!saved) return tl::unexpected(saved.error());
  std::cout << file.string() << "\n";
  return true;
}

// Every screen in tab order, one PNG each: 1-queue.png, 2-intake.png, ...
int screenshots(GlfwShell& shell, KioskUi& ui, KioskContext& ctx, const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return fail(Error{ErrorKind::BadInput, "screenshot", "cannot create " + folder.string() + ": " + ec.message()});
  int index = 0;
  for (const auto& screen : ui.screens()) {
    if (screen->id() == ScreenId::Case) {
      // The case screen shows the most urgent open case.
      auto first = ctx.backend.queuePage(QueueFilter{}, 0, 1).get();
      if (first && !first->empty()) ctx.nav.openCase(first->front().number);
    }
    ui.show(screen->id());
    std::string name(screen->titleKey());
    name = name.substr(0, name.find('.'));
    const auto file = folder / (std::to_string(++index) + "-" + name + ".png");
    auto saved = shell.capture(ui, [&ui] { return !ui.waiting(); }, file);
    if (!saved) return fail(saved.error());
    std::cout << file.string() << "\n";
  }
  if (auto saved = passcodeScreenshot(shell, ui, ctx, folder / (std::to_string(index + 1) + "-passcode.png")); !saved) {
    return fail(saved.error());
  } else if (*saved) {
    ++index;
  }
  // The PIN pad, as a station with staff accounts shows it to whoever is not signed in.
  ctx.backend.signOut();
  ui.showSignInPad(true);
  ui.show(ScreenId::Queue);
  const auto file = folder / (std::to_string(++index) + "-signin.png");
  auto saved = shell.capture(ui, [&ui] { return !ui.waiting(); }, file);
  if (!saved) return fail(saved.error());
  std::cout << file.string() << "\n";
  return 0;
}

// The bench camera, when there is one: a machine without one says so and goes on with the
// keyboard scanner and typing.
void startCamera(KioskUi& ui, KioskContext& ctx, const KioskOptions& o) {
  if (o.noCamera) {
    ctx.station.cameraStatus = ctx.t()("camera.off");
    return;
  }
  auto camera = openCamera(o.camera.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.camera));
  if (!camera) {
    std::cerr << "kiosk: " << camera.error().message << "; scanning with a keyboard scanner and typing still work\n";
    ctx.station.cameraStatus = camera.error().message;
    return;
  }
  ui.attachCamera(std::make_unique<CameraScanner>(std::move(*camera), [] { GlfwShell::wake(); }));
}

}  // namespace

int runKiosk(int argc, const char* const* argv) {
  const auto started = std::chrono::steady_clock::now();
  auto options = parseKioskOptions(argc, argv);
  if (!options) return fail(options.error());
  if (!*options) return 0;  // --help
  const KioskOptions& o = **options;

  Error clockError;
  const auto clock = makeClock(o.at, clockError);
  if (!clock) return fail(clockError);
  auto texts = Translations::load(o.assets, o.language);
  if (!texts) return fail(texts.error());
  GatewayConfig gateways;  // none set: the customer's messages wait in the outbox
  if (o.gatewayConfig) {
    auto loaded = GatewayConfig::load(*o.gatewayConfig);
    if (!loaded) return fail(loaded.error());  // before a window opens: the error names the key
    gateways = std::move(*loaded);
  }

  auto shell = GlfwShell::open(WindowOptions{o.width, o.height, o.fullscreen, !o.screenshotDir.has_value()});
  if (!shell) return fail(shell.error());
  if (o.reportFirstFrame) {
    (*shell)->onFirstFrame([started] {
      const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - started;
      std::cout << "first-frame-ms " << ms.count() << std::endl;  // flushed: the reader is a pipe
    });
  }
  theme::apply();
  auto fonts = loadKioskFonts();
  if (!fonts) return fail(fonts.error());

  BackendConfig config;
  config.store = StoreLocation{o.database, o.databaseUrl};
  config.assets = o.assets;
  config.documents = o.documents;
  config.gateways = std::move(gateways);
  config.station = o.station;
  auto backend = KioskBackend::open(config, *clock, [] { GlfwShell::wake(); });
  if (!backend) return fail(backend.error());
  // With staff accounts, --staff must name an enabled one (refused here, before a window is of
  // use), and sign-in picks who steps are recorded as; without any, --staff does, as before.
  if (auto staff = (*backend)->checkStartStaff(o.staff); !staff) return fail(staff.error());
  if (o.screenshotDir && (*backend)->signInRequired() && !o.staff.empty()) {
    if (auto shown = (*backend)->signInForScreenshots(o.staff); !shown) return fail(shown.error());
  }

  KioskContext ctx{**backend, std::make_unique<UiText>(std::move(*texts)), *fonts, {}, {}, {}};
  ctx.station.name = o.station;
  ctx.station.staffIdleSignOut = std::chrono::minutes(config.gateways.staffIdleSignOutMinutes);
  ctx.station.passcodeShownFor = std::chrono::seconds(config.gateways.passcodeShowSeconds);
  int code = 0;
  {
    KioskUi ui(ctx);
    if (o.screenshotDir) {
      code = screenshots(**shell, ui, ctx, *o.screenshotDir);
    } else {
      if (o.customerDisplay) ui.lockTo(ScreenId::CustomerStatus);
      startCamera(ui, ctx, o);
      (*shell)->run(ui, ctx);
    }
  }
  backend->reset();  // its threads stop before the window (which they wake) goes
  return code;
}

}  // namespace kiosk
