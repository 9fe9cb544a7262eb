#pragma once
// One screen of the kiosk. A screen owns only UI state; it asks the backend for data and work
// (results come back as futures it polls) and records what the user asked for while drawing,
// applying it after. All screens are made in screen_registry.cpp.
#include <string_view>

#include "kiosk/app/kiosk_context.hpp"
#include "scanner/scan_parser.hpp"

namespace kiosk {

class Screen {
 public:
  Screen() = default;
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;
  virtual ~Screen() = default;

  [[nodiscard]] virtual ScreenId id() const = 0;
  // The i18n key of its name on the tab bar.
  [[nodiscard]] virtual std::string_view titleKey() const = 0;

  // It became the visible screen (also the first time): ask for fresh data.
  virtual void onShow(KioskContext& ctx) { (void)ctx; }
  // Another screen is about to be shown in its place: drop what must not wait unseen.
  virtual void onHide(KioskContext& ctx) { (void)ctx; }
  // The signed-in member signed out (the button, the idle time, an account disabled meanwhile):
  // forget what only they were shown.
  virtual void onSignOut(KioskContext& ctx) { (void)ctx; }
  // Another station (or this one) changed cases: refresh what is shown.
  virtual void onDataChanged(KioskContext& ctx) { onShow(ctx); }
  // One frame, inside the kiosk's main window below the tab bar.
  virtual void draw(KioskContext& ctx) = 0;
  // A barcode scan while this screen is visible. True when the screen took it; otherwise the
  // kiosk does the default (a case number opens its case, a serial is looked up in the queue).
  virtual bool takeScan(KioskContext& ctx, const ScanReading& scan) {
    (void)ctx;
    (void)scan;
    return false;
  }
  // True while it waits for the backend (the screenshot mode waits until no screen is).
  [[nodiscard]] virtual bool waiting() const { return false; }
};

}  // namespace kiosk
