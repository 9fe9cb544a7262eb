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
