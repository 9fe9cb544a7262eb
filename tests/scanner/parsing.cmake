# The scan parser (a table of real-looking reads, check-digit and bad-input properties) and the
# keyboard-wedge detector (synthetic key timings). The parser is also fuzzed: tests/fuzz/.
kiosk_add_test(scanner_parse_tests
  SOURCES
    scan_parser_table_test.cpp
    scan_parser_test.cpp
    wedge_detector_test.cpp
  LIBS kiosk_scanner)
