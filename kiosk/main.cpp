// The kiosk: everything is in the libraries (kiosk_app, kiosk_shell); see shell/run_kiosk.cpp.
#include "kiosk/shell/run_kiosk.hpp"

int main(int argc, char** argv) { return kiosk::runKiosk(argc, argv); }
