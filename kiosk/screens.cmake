# Every screen and what they share; one screen = one class = one .hpp/.cpp pair.
target_sources(kiosk_app PRIVATE
  screens/case_header.cpp
  screens/case_rows.cpp
  screens/case_screen.cpp
  screens/case_step_forms.cpp
  screens/case_step_panel.cpp
  screens/case_timeline.cpp
  screens/case_messages.cpp
  screens/case_warranty_text.cpp
  screens/customer_status_lines.cpp
  screens/customer_status_screen.cpp
  screens/dashboard_chart.cpp
  screens/dashboard_screen.cpp
  screens/intake_form_state.cpp
  screens/intake_screen.cpp
  screens/intake_screen_form.cpp
  screens/queue_page_cache.cpp
  screens/queue_screen.cpp
  screens/role_limits.cpp
  screens/screen_registry.cpp
  screens/settings_screen.cpp
  screens/settings_gateways.cpp
  screens/settings_vendors.cpp
  screens/sign_in_screen.cpp
  screens/signature_pad.cpp
)
