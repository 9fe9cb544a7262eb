# Build options as INTERFACE targets that each of our targets links, never global flags,
# so that third-party code is not built with our -Werror or sanitizers by accident.
option(KIOSK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KIOSK_BUILD_TESTS "Build the GoogleTest suites" ON)
option(KIOSK_BUILD_BENCH "Build the benchmark programs under bench/" ON)

add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Werror)

# GCC 12 reports impossible overlaps in std::string concatenation at -O2 (GCC bug 105651);
# the warning is wrong there, so optimised builds would fail on correct code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kiosk_warnings INTERFACE -Wno-restrict)
endif()

add_library(kiosk_sanitizers INTERFACE)
if(KIOSK_SANITIZE)
  target_compile_options(kiosk_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kiosk_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Every target of ours links this one; it carries both concerns.
add_library(kiosk_options INTERFACE)
target_link_libraries(kiosk_options INTERFACE kiosk_warnings kiosk_sanitizers)
