# Network label printers on their raw port (9100): ZPL from kioskctl label --printer.
target_sources(kiosk_gateways PRIVATE ${CMAKE_CURRENT_LIST_DIR}/raw_printer.cpp)
