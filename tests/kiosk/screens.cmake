# One test file per screen, plus what they share; all in one executable.
kiosk_add_test(kiosk_ui_tests
  SOURCES kiosk_texts_test.cpp kiosk_shell_ui_test.cpp sign_in_screen_test.cpp queue_screen_test.cpp intake_screen_test.cpp customer_status_screen_test.cpp case_screen_test.cpp case_passcode_test.cpp case_messages_test.cpp station_relay_test.cpp dashboard_screen_test.cpp settings_screen_test.cpp
  LIBS kiosk_headless kiosk_test_loopback)
