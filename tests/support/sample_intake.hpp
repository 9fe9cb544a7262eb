#pragma once
// The intake forms tests register again and again: what a counter types for a Mac bought from
// the reseller (covered) and for a Lenovo laptop (on-site). Tests change the fields they test.
#include <string>

#include "workflow/case_service.hpp"

namespace kiosk::test {

[[nodiscard]] inline IntakeForm macIntake(std::string serial = "C02XK1ZZJGH5") {
  IntakeForm form;
  form.vendor = "apple";
  form.family = "mac";
  form.serial = std::move(serial);
  form.product = "MacBook Pro 14";
  form.purchased = parseDate("2025-03-01");
  form.seller = "atea";
  form.customer = "Kari Nordmann";
  form.mobile = "+4791234567";
  form.address = "Storgata 1, 0155 Oslo";
  form.fault = "Starter ikke";
  form.passcode = "0000";
  return form;
}

[[nodiscard]] inline IntakeForm lenovoIntake(std::string serial = "PF2XK9QZ") {
  IntakeForm form;
  form.vendor = "lenovo";
  form.family = "laptop";
  form.serial = std::move(serial);
  form.product = "ThinkPad T14";
  form.purchased = parseDate("2025-06-01");
  form.customer = "Ingrid Bakke";
  form.mobile = "+4798765432";
  form.address = "Kirkegata 5, 0153 Oslo";
  form.fault = "Tastaturet virker ikke";
  return form;
}

}  // namespace kiosk::test
