# The parts supplier and the carrier: JSON over HTTP (contracts in README.md), on one small
# libcurl client that other JSON gateways can share.
target_sources(kiosk_gateways PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/http_json_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_answer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parts_supplier_http.cpp
  ${CMAKE_CURRENT_LIST_DIR}/carrier_http.cpp)
target_link_libraries(kiosk_gateways PRIVATE nlohmann_json::nlohmann_json)
