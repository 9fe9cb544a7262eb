# Device labels (PNG through cairo, ZPL II for Zebra printers) and customer receipts (PDF through
# cairo-pdf with DejaVu embedded via FreeType). Included by scanner/CMakeLists.txt.
target_sources(kiosk_scanner PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/barcode_encoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/customer_receipt.cpp
  ${CMAKE_CURRENT_LIST_DIR}/device_label.cpp
  ${CMAKE_CURRENT_LIST_DIR}/label_zpl.cpp
  ${CMAKE_CURRENT_LIST_DIR}/print_canvas.cpp
  ${CMAKE_CURRENT_LIST_DIR}/print_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/print_layout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/print_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receipt_pdf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/service_desk.cpp
)
target_link_libraries(kiosk_scanner PRIVATE
  PkgConfig::CAIRO PkgConfig::FREETYPE ZXing::ZXing nlohmann_json::nlohmann_json)
