# The outbox relay's name (host, pid, random): POSIX calls, so not in workflow/.
target_sources(kiosk_gateways PRIVATE ${CMAKE_CURRENT_LIST_DIR}/relay_name.cpp)
