# Every dependency is a Debian package installed by scripts/install-deps.
find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(date REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
find_package(ZXing 1.4 REQUIRED)
# ZXing-cpp 1.4.0's Result::text() is a wide string unless ZX_USE_UTF8 is defined (and every
# file that includes it says so in a #pragma message); with it, text() is UTF-8. Defined for
# every target that uses ZXing, so the class reads the same everywhere.
set_property(TARGET ZXing::ZXing APPEND PROPERTY INTERFACE_COMPILE_DEFINITIONS ZX_USE_UTF8)
find_package(CURL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-ft cairo-pdf cairo-png)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(LIBV4L2 REQUIRED IMPORTED_TARGET libv4l2)
# stb (libstb-dev): stb_image for PNG/JPEG input, from the packaged library.
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
# toml++ (libtomlplusplus-dev): the gateway configuration file; pkg-config only.
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
# libpq (libpq-dev): the PostgreSQL client library, for the shared store and its tests.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
# libsodium (libsodium-dev): BLAKE2b (crypto_generichash) for kioskctl migrate's checksum.
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Dear ImGui 1.86 (libimgui-dev): a static library with the GLFW and OpenGL3 backends inside,
# found only through pkg-config. GLFW and OpenGL for the kiosk's window.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
find_package(OpenGL REQUIRED)
if(KIOSK_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(KIOSK_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
