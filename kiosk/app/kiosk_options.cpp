#include "kiosk/app/kiosk_options.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#ifndef KIOSK_ASSETS_DIR
#define KIOSK_ASSETS_DIR "assets"
#endif

namespace kiosk {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// The same file kioskctl uses by default, so both see the same cases.
std::filesystem::path defaultDataFolder() {
  if (const auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "repair-kiosk";
  if (const auto home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / "repair-kiosk";
  }
  return "repair-kiosk";
}

std::string hostName() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0) return "kiosk";
  return name.data();
}

}  // namespace

Result<std::optional<KioskOptions>> parseKioskOptions(int argc, const char* const* argv) {
  KioskOptions o;
  std::string db, dbUrl, assets, documents, screenshot, size, config;
  CLI::App app{"kiosk: the repair workflow at the bench and the counter"};
  app.add_option("--db", db, "SQLite case database (default: KIOSK_DB or the user's data folder)");
  app.add_option("--db-url", dbUrl,
                 "Shared PostgreSQL store, postgresql://user@host:port/dbname (default: KIOSK_DB_URL unless --db "
                 "is given; a password belongs in ~/.pgpass or PGPASSWORD, not here)");
  app.add_option("--assets", assets, "Folder with vendor profiles, translations and print layouts");
  app.add_option("--documents", documents,
                 "Where labels and receipts are saved (default: beside the SQLite file; with --db-url the user's "
                 "data folder)");
  app.add_option("--config", config, "Gateway configuration, TOML (default: KIOSK_CONFIG; none: messages wait)");
  app.add_option("--lang", o.language, "Language: nb (default) or en");
  app.add_option("--station", o.station, "This station's name (default: the host name)");
  app.add_option("--staff", o.staff, "Who is signed in at start");
  app.add_option("--camera", o.camera, "Camera device for scanning barcodes (default: the first /dev/video*)");
  app.add_flag("--no-camera", o.noCamera, "Do not use a camera (keyboard scanner and typing only)");
  app.add_option("--at", o.at, "Run with the clock fixed at YYYY-MM-DDTHH:MM (demos, screenshots)");
  app.add_option("--screenshot", screenshot, "Draw every screen, save one PNG each into this folder, exit");
  app.add_option("--size", size, "Window size WxH (default 1280x800)");
  app.add_flag("--customer-display", o.customerDisplay,
               "A display the public uses: only the customer status screen, no way to the others");
  app.add_flag("--fullscreen", o.fullscreen, "Fill the screen (a kiosk station)");
  app.add_flag("--report-first-frame", o.reportFirstFrame,
               "Print 'first-frame-ms N' on standard output once the first frame is on screen (bench/kiosk_bench)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return std::optional<KioskOptions>{};
  } catch (const CLI::ParseError& e) {
    return badInput("", e.what());  // CLI11 names the option itself
  }
  if (!db.empty() && !dbUrl.empty()) {
    return badInput("db-url", "give --db (an SQLite file) or --db-url (a PostgreSQL server), not both");
  }
  // A --db on the command line is a choice made now: it beats a URL left in the environment.
  o.databaseUrl = !dbUrl.empty() ? dbUrl : db.empty() ? env("KIOSK_DB_URL") : std::string();
  o.database = !db.empty() ? std::filesystem::path(db)
               : !env("KIOSK_DB").empty() ? std::filesystem::path(env("KIOSK_DB"))
                                          : defaultDataFolder() / "cases.db";
  o.assets = !assets.empty() ? std::filesystem::path(assets)
             : !env("KIOSK_ASSETS").empty() ? std::filesystem::path(env("KIOSK_ASSETS"))
                                            : std::filesystem::path(KIOSK_ASSETS_DIR);
  o.documents = !documents.empty()        ? std::filesystem::path(documents)
                : !o.databaseUrl.empty() ? defaultDataFolder() / "documents"
                                         : o.database.parent_path() / "documents";
  if (!config.empty()) {
    o.gatewayConfig = config;
  } else if (!env("KIOSK_CONFIG").empty()) {
    o.gatewayConfig = env("KIOSK_CONFIG");
  }
  if (o.station.empty()) o.station = hostName();
  if (!screenshot.empty()) o.screenshotDir = screenshot;
  if (!size.empty()) {
    int w = 0, h = 0;
    char x = 0;
    if (std::sscanf(size.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 640 || h < 480 || w > 7680 ||
        h > 4320) {
      return badInput("size", "'" + size + "' is not WIDTHxHEIGHT between 640x480 and 7680x4320");
    }
    o.width = w;
    o.height = h;
  }
  return std::optional<KioskOptions>(std::move(o));
}

}  // namespace kiosk
