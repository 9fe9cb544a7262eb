# Decoding: image files, the ZXing decoder and its passes, frame sources, the decode worker.
# Synthetic label photos come from kiosk_test_photos (tests/support). ZXing is linked here too
# for the one test that shows what ZXing's default options do on the stress corpus.
kiosk_add_test(scanner_decode_tests
  SOURCES
    image_file_test.cpp
    decode_clean_test.cpp
    decode_photos_test.cpp
    decode_abort_safety_test.cpp
    decode_worker_test.cpp
    frame_source_test.cpp
  LIBS kiosk_scanner kiosk_test_photos ZXing::ZXing)
