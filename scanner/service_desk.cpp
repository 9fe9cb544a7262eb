#include "scanner/service_desk.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk {

Result<ServiceDesk> loadServiceDesk(const std::filesystem::path& assetsDir) {
  const auto file = assetsDir / "service_desk.json";
  try {
    std::ifstream in(file);
    if (!in) return badInput("assets", "cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    const auto j = nlohmann::json::parse(text.str());
    ServiceDesk d;
    d.name = j.at("name").get<std::string>();
    d.phone = j.at("phone").get<std::string>();
    d.phoneAbroad = j.value("phone_abroad", std::string());
    d.email = j.at("email").get<std::string>();
    d.web = j.value("web", std::string());
    d.letter = j.value("letter", std::vector<std::string>{});
    d.hours = j.at("hours").get<std::string>();
    if (d.hours != "24x7") return badInput("assets", file.string() + ": hours: only \"24x7\" can be printed");
    d.generalAgreement = j.at("general_agreement").get<std::string>();
    return d;
  } catch (const nlohmann::json::exception& e) {
    return badInput("assets", file.string() + ": " + e.what());
  }
}

}  // namespace kiosk
