#pragma once
// The kiosk's command line.
#include <filesystem>
#include <optional>
#include <string>

#include "workflow/error.hpp"

namespace kiosk {

struct KioskOptions {
  std::filesystem::path database;    // --db; default: the user's data folder (as kioskctl)
  // --db-url postgresql://user@host:port/dbname, or KIOSK_DB_URL when neither --db nor --db-url
  // is given: the shared PostgreSQL store instead of the SQLite file. Empty: the file.
  std::string databaseUrl;
  std::filesystem::path assets;      // --assets; default: KIOSK_ASSETS or the build's assets
  std::filesystem::path documents;   // --documents; where labels and receipts are saved (default:
                                     // beside the SQLite file, or in the data folder on PostgreSQL)
  // --config FILE (or KIOSK_CONFIG): the gateways (SMS, e-mail, parts, carrier) and how the
  // outbox relay sends; none: messages wait in the outbox (gateways/README.md).
  std::optional<std::filesystem::path> gatewayConfig;
  std::string language = "nb";       // --lang nb|en
  std::string station;               // --station; default: the host name
  std::string staff;                 // --staff: who is signed in at start
  std::string camera;                // --camera /dev/videoN; default: the first camera found
  bool noCamera = false;             // --no-camera: keyboard scanner and typing only
  std::string at;                    // --at YYYY-MM-DDTHH:MM: a fixed clock (screenshots, demos)
  std::optional<std::filesystem::path> screenshotDir;  // --screenshot DIR: draw every screen, save PNGs, exit
  int width = 1280, height = 800;    // --size WxH
  bool customerDisplay = false;      // --customer-display: only the customer status screen, locked
  bool fullscreen = false;           // --fullscreen
  bool reportFirstFrame = false;     // --report-first-frame: print when the first frame is on screen
};

// Parses argv; errors name the option. Prints help and returns nothing for --help.
[[nodiscard]] Result<std::optional<KioskOptions>> parseKioskOptions(int argc, const char* const* argv);

}  // namespace kiosk
