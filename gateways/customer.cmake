# The customer's SMS (JSON over HTTP) and e-mail (SMTP) gateways behind the Notifier port.
target_sources(kiosk_gateways PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/curl_support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sms_gateway.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mime_message.cpp
  ${CMAKE_CURRENT_LIST_DIR}/smtp_gateway.cpp
  ${CMAKE_CURRENT_LIST_DIR}/customer_notifier.cpp)
target_link_libraries(kiosk_gateways PRIVATE nlohmann_json::nlohmann_json)
