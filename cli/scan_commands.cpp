#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "scanner/barcode_decoder.hpp"
#include "scanner/image_file.hpp"
#include "scanner/scan_parser.hpp"

namespace kiosk::cli {
namespace {

struct ScanOptions {
  std::vector<std::string> files;
};

nlohmann::json positionJson(const DecodedCode& code) {
  auto corners = nlohmann::json::array();
  for (const auto& p : code.position) corners.push_back({p.x, p.y});
  return corners;
}

void printReading(Context& ctx, const std::string& file, const DecodedCode& code, const ScanReading& reading) {
  if (ctx.options.json) {
    nlohmann::json line = {{"file", file},
                           {"text", reading.text},
                           {"raw", reading.raw},
                           {"format", code.format},
                           {"kind", std::string(scanKindName(reading.kind))},
                           {"position", positionJson(code)}};
    if (!reading.machineType.empty()) line["machine_type"] = reading.machineType;
    if (!reading.customerCode.empty()) line["customer_code"] = reading.customerCode;  // a receipt's QR code
    if (!reading.warning.empty()) line["warning"] = reading.warning;
    // A code may hold bytes that are not UTF-8; they must not stop the report.
    ctx.out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  ctx.out << file << '\t' << scanKindName(reading.kind) << '\t' << reading.text << '\t' << code.format;
  if (!reading.warning.empty()) ctx.out << "\twarning: " << reading.warning;
  ctx.out << '\n';
}

// Every file is reported; the exit code says the worst: 2 a file could not be read, 1 a file
// held no code.
int scanFiles(Context& ctx, const ScanOptions& o) {
  const BarcodeDecoder decoder;
  int exitCode = kOk;
  for (const auto& file : o.files) {
    const auto image = loadImageFile(file);
    if (!image) {
      ctx.err << "kioskctl: " << image.error().message << '\n';
      exitCode = kBadInput;
      continue;
    }
    const auto codes = decoder.decode(*image);
    if (!codes) {
      ctx.err << "kioskctl: " << file << ": " << codes.error().message << '\n';
      exitCode = kBadInput;
      continue;
    }
    if (codes->empty()) {
      ctx.err << "kioskctl: " << file << ": no barcode found\n";
      if (exitCode == kOk) exitCode = kRefused;
      continue;
    }
    for (const auto& code : *codes) printReading(ctx, file, code, parseScan(code.text, code.format));
  }
  return exitCode;
}

}  // namespace

void addScanCommand(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<ScanOptions>();
  CLI::App* scan = app.add_subcommand("scan", "Read the barcodes in image files (PNG, JPEG)");
  scan->add_option("files", o->files, "Image files")->required();
  scan->callback([&ctx, &action, o]() { action = [&ctx, o]() { return scanFiles(ctx, *o); }; });
}

}  // namespace kiosk::cli
