# Decoding: image files, the ZXing decoder and its passes, camera and folder frame sources,
# the decode worker thread. ZXing, stb and libv4l2 stay private to these sources.
target_sources(kiosk_scanner PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/image_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/barcode_decoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/barcode_decoder_image_ops.cpp
  ${CMAKE_CURRENT_LIST_DIR}/barcode_decoder_locate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/barcode_decoder_zxing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decode_worker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/folder_frame_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/v4l2_frame_source.cpp)
target_link_libraries(kiosk_scanner PRIVATE ZXing::ZXing PkgConfig::STB PkgConfig::LIBV4L2 PUBLIC Threads::Threads)

# The per-pixel loops (rotation, thresholds, texture, masks) at -O1 in the unoptimised sanitizer
# build, as AddressSanitizer's documentation advises for reasonable speed: at -O0 the decoder's
# time limit would cut its passes short in the test suite where it does not in the product.
if(KIOSK_SANITIZE AND NOT CMAKE_BUILD_TYPE MATCHES "Rel")
  set_source_files_properties(
    ${CMAKE_CURRENT_LIST_DIR}/barcode_decoder_image_ops.cpp
    ${CMAKE_CURRENT_LIST_DIR}/barcode_decoder_locate.cpp
    TARGET_DIRECTORY kiosk_scanner
    PROPERTIES COMPILE_OPTIONS -O1)
endif()
