# What a read means: serials, IMEIs, case numbers (scan_parser*), and telling a keyboard-wedge
# scanner's burst from a person typing (wedge_detector). Plain C++, no ZXing: the fuzz target in
# tests/fuzz/ compiles the same parser sources with clang, so they are listed once, here.
set(KIOSK_SCAN_PARSER_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/scan_parser.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/scan_parser_formats.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/scan_parser_gs1.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/scan_parser_text.cpp
)
set(KIOSK_SCAN_PARSER_HEADERS
  ${CMAKE_CURRENT_SOURCE_DIR}/scan_parser.hpp
  ${CMAKE_CURRENT_SOURCE_DIR}/scan_parser_internal.hpp
)
set_property(GLOBAL PROPERTY KIOSK_SCAN_PARSER_SOURCES ${KIOSK_SCAN_PARSER_SOURCES})
set_property(GLOBAL PROPERTY KIOSK_SCAN_PARSER_HEADERS ${KIOSK_SCAN_PARSER_HEADERS})

target_sources(kiosk_scanner PRIVATE
  ${KIOSK_SCAN_PARSER_SOURCES}
  wedge_detector.cpp
)
