# Labels and receipts: content, layout, ZPL, and read-back of what we print with the project's
# own decoder and with independent tools (zbarimg, poppler-utils).
kiosk_add_test(printing_tests
  SOURCES
    label_test.cpp
    print_file_test.cpp
    receipt_test.cpp
    translations_test.cpp
    zpl_test.cpp
  LIBS kiosk_scanner)
