# The gateway configuration file (TOML, Debian's libtomlplusplus-dev), kept private to the library.
target_sources(kiosk_gateways PRIVATE ${CMAKE_CURRENT_LIST_DIR}/gateway_config.cpp)
target_link_libraries(kiosk_gateways PRIVATE PkgConfig::TOMLPLUSPLUS)
