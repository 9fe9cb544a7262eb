#include "workflow/demo_cases.hpp"

#include <array>
#include <random>
#include <string_view>

#include "workflow/working_days.hpp"

namespace kiosk {
namespace {

struct DemoDevice {
  std::string_view vendor, family, product, serialPrefix;
};

constexpr std::array<DemoDevice, 12> kDevices = {{
    {"apple", "mac", "MacBook Pro 14-inch (2023)", "C02"},
    {"apple", "mac", "MacBook Air 13-inch (M2)", "FVF"},
    {"apple", "ipad", "iPad Air (5th generation)", "DMP"},
    {"apple", "ipad", "iPad Pro 11-inch", "F9F"},
    {"apple", "iphone", "iPhone 14", "G6T"},
    {"apple", "watch", "Apple Watch Series 8", "H4J"},
    {"apple", "accessory", "Magic Keyboard", "F0T"},
    {"hp", "printer", "HP LaserJet Pro M404dn", "PHB"},
    {"hp", "laptop", "HP EliteBook 840 G9", "5CG"},
    {"lenovo", "laptop", "ThinkPad T14 Gen 3", "PF3"},
    {"lenovo", "desktop", "ThinkCentre M70q", "MJ0"},
    {"lenovo", "tablet", "Lenovo Tab P11", "HA1"},
}};

constexpr std::array<std::string_view, 12> kNames = {
    "Kari Nordmann", "Ola Hansen", "Ingrid Bakke", "Lars Østby", "Sofie Ærø", "Magnus Dahl",
    "Nora Haugen", "Henrik Solberg", "Emma Lie", "Jonas Åsheim", "Sara Berg", "Per Kristiansen"};
constexpr std::array<std::string_view, 6> kAddresses = {
    "Karl Johans gate 1, 0154 Oslo", "Storgata 12, 0184 Oslo", "Bryggen 4, 5003 Bergen",
    "Nedre Slottsgate 8, 0157 Oslo", "Kongens gate 30, 7012 Trondheim", "Markveien 35, 0554 Oslo"};
constexpr std::array<std::string_view, 6> kFaults = {
    "Starter ikke", "Skjermen flimrer", "Batteriet lades ikke", "Tastaturet mangler taster",
    "Papirstopp hver gang", "Høy vifte og varm"};

// How far along each demo case goes; the list cycles so every status appears.
enum class Goal { Registered, Diagnosed, Quoted, AwaitingParts, InRepair, Repaired, Shipped, Closed, Declined };
constexpr std::array<Goal, 9> kGoals = {Goal::Registered, Goal::Diagnosed, Goal::Quoted, Goal::AwaitingParts,
                                        Goal::InRepair, Goal::Repaired, Goal::Shipped, Goal::Closed, Goal::Declined};

// Cases still early in the workflow came in recently; finished ones weeks ago. So the demo
// queue shows a few cases at risk or overdue, not a wall of red.
int daysBackFor(Goal goal, std::size_t i) {
  switch (goal) {
    case Goal::Registered:
    case Goal::Diagnosed:
    case Goal::Quoted: return static_cast<int>(i % 2);
    case Goal::AwaitingParts:
    case Goal::InRepair:
    case Goal::Repaired: return 1 + static_cast<int>(i % 3);
    case Goal::Shipped:
    case Goal::Closed:
    case Goal::Declined: return 3 + static_cast<int>(i % 15);
  }
  return 0;
}

Date previousWorkingDays(Date today, int n) {
  Date day = isWorkingDay(today) ? today : previousWorkingDay(today);
  for (int k = 0; k < n; ++k) day = previousWorkingDay(day);
  return day;
}

std::string demoSerial(std::mt19937& rng, std::string_view prefix) {
  static constexpr std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  std::string serial(prefix);
  std::uniform_int_distribution<std::size_t> pick(0, kChars.size() - 1);
  while (serial.size() < 12) serial += kChars[pick(rng)];
  return serial;
}

// Walks one registered case towards its goal, an hour or so between steps.
Result<void> advance(CaseService& s, const RepairCase& c, Goal goal, LocalTime at, const std::string& staff) {
  const auto step = [&](auto&& run) -> Result<void> {
    at += std::chrono::minutes{47};
    auto r = run(Actor{staff, at});
    if (!r) return tl::unexpected(r.error());
    return {};
  };
  const std::string& n = c.number;
  const bool lenovo = c.device.vendor == "lenovo";
  if (goal == Goal::Registered) return {};
  if (auto r = step([&](const Actor& a) { return s.diagnose(n, "Feil bekreftet på benken", Damage::None, a); }); !r) return r;
  if (goal == Goal::Diagnosed) return {};
  const bool wantsQuote = goal == Goal::Quoted || goal == Goal::Declined;
  auto decided = s.decide(n, Actor{staff, at += std::chrono::minutes{10}});
  if (!decided) return tl::unexpected(decided.error());
  const bool covered = decided->warranty && decided->warranty->covered;
  if (!covered || wantsQuote) {
    if (covered) return {};  // a covered case gets no quote; it stays decided
    if (auto r = step([&](const Actor& a) { return s.quote(n, 189900, a); }); !r) return r;
    if (auto r = step([&](const Actor& a) { return s.inform(n, "sms", a); }); !r) return r;
    if (goal == Goal::Quoted) return {};
    if (goal == Goal::Declined) return step([&](const Actor& a) { return s.decline(n, false, a); });
    if (auto r = step([&](const Actor& a) { return s.approve(n, a); }); !r) return r;
  } else if (lenovo) {
    if (auto r = step([&](const Actor& a) { return s.dispatch(n, a); }); !r) return r;
    if (goal == Goal::AwaitingParts || goal == Goal::InRepair) return {};
    if (auto r = step([&](const Actor& a) { return s.markRepaired(n, a); }); !r) return r;
    if (goal == Goal::Closed) return step([&](const Actor& a) { return s.close(n, "", a); });
    return {};
  } else {
    if (auto r = step([&](const Actor& a) { return s.inform(n, "sms", a); }); !r) return r;
    if (auto r = step([&](const Actor& a) { return s.orderParts(n, {"661-26310 Logic board"}, a); }); !r) return r;
  }
  if (goal == Goal::AwaitingParts) return {};
  if (auto r = step([&](const Actor& a) { return s.receiveParts(n, a); }); !r) return r;
  if (goal == Goal::InRepair) return {};
  if (auto r = step([&](const Actor& a) { return s.markRepaired(n, a); }); !r) return r;
  if (goal == Goal::Repaired) return {};
  if (auto r = step([&](const Actor& a) { return s.ship(n, "Posten", "70701234567890123", a); }); !r) return r;
  if (goal == Goal::Shipped) return {};
  return step([&](const Actor& a) { return s.close(n, "", a); });
}

}  // namespace

Result<std::size_t> fillWithDemoCases(CaseService& service, std::size_t count, LocalTime now) {
  std::mt19937 rng(static_cast<std::mt19937::result_type>(now.time_since_epoch().count()));
  std::size_t added = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const DemoDevice& device = kDevices[i % kDevices.size()];
    const Goal goal = kGoals[(i / kDevices.size() + i) % kGoals.size()];
    // Registered on a working day in opening hours, early enough that all of its steps (47
    // minutes apart, at most nine hours in all) lie before `now`.
    Date day = previousWorkingDays(dateOf(now), daysBackFor(goal, i));
    const auto registeredOn = [&i](Date d) {
      return LocalTime{date::local_days{d}.time_since_epoch()} + std::chrono::hours{8 + static_cast<int>(i % 7)} +
             std::chrono::minutes{(i * 13) % 60};
    };
    while (registeredOn(day) + std::chrono::hours{9} > now) day = previousWorkingDay(day);
    const LocalTime registered = registeredOn(day);
    IntakeForm f;
    f.vendor = device.vendor;
    f.family = device.family;
    f.serial = demoSerial(rng, device.serialPrefix);
    f.product = device.product;
    f.purchased = addDays(day, -static_cast<int>(60 + (i * 97) % 1400));
    f.seller = i % 3 == 0 ? "other" : "atea";
    f.customer = kNames[i % kNames.size()];
    f.mobile = "+47 9" + std::to_string(1000000 + (i * 7919) % 8999999);
    f.email = i % 2 == 0 ? "kunde" + std::to_string(i) + "@example.no" : "";
    f.address = kAddresses[i % kAddresses.size()];
    f.fault = kFaults[i % kFaults.size()];
    f.channel = i % 4 == 0 ? "phone" : "counter";
    f.demo = true;
    f.accessories = i % 2 == 0 ? "Lader" : "";
    f.condition = i % 5 == 0 ? "Riper i lokket" : "Pent brukt";
    f.shelf = "H" + std::to_string(1 + i % 12);
    const std::string staff = i % 2 == 0 ? "Tekniker Anne" : "Tekniker Bjørn";
    auto created = service.registerCase(f, Actor{"Skranke", registered});
    if (!created) return tl::unexpected(created.error());
    if (auto r = advance(service, *created, goal, registered, staff); !r) return tl::unexpected(r.error());
    ++added;
  }
  return added;
}

}  // namespace kiosk
