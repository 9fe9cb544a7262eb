// kioskctl: the scripting interface; the program lives in kiosk_cli.
#include <iostream>

#include "cli/cli_context.hpp"

int main(int argc, char** argv) {
  const kiosk::OsloSystemClock clock;
  return kiosk::cli::runKioskctl(argc, argv, std::cin, std::cout, std::cerr, clock);
}
