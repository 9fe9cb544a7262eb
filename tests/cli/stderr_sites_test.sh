#!/usr/bin/env bash
# The places in the kiosk's and kioskctl's code that write to standard error or a system log,
# each reviewed for personal data and passcodes (README "Personal data"): kioskctl's messages all
# go through cli/main.cpp's stream (checked by cli_tests NoPersonalDataOnStderr); the kiosk
# writes only start-up errors and the camera's absence (kiosk/shell/run_kiosk.cpp). A new place
# fails this test until it is reviewed and added here.
set -euo pipefail
root="$1"
reviewed=(
  "kiosk/shell/run_kiosk.cpp"
  "cli/main.cpp"
)
cd "$root"
found=$(grep -rlE 'std::(cerr|clog)|[^_[:alnum:]]stderr[^_[:alnum:]]|syslog\(|std::perror|[^_[:alnum:]]perror\(' \
          kiosk cli workflow store gateways crypto scanner --include='*.cpp' --include='*.hpp' --include='*.h' |
        while read -r file; do
          # A comment that names stderr is no write to it.
          if grep -E 'std::(cerr|clog)|[^_[:alnum:]]stderr[^_[:alnum:]]|syslog\(|perror\(' "$file" |
               grep -qvE '^[[:space:]]*//'; then echo "$file"; fi
        done | sort)
status=0
for file in $found; do
  ok=0
  for r in "${reviewed[@]}"; do [[ "$file" == "$r" ]] && ok=1; done
  if [[ $ok == 0 ]]; then
    echo "$file writes to stderr or a log: review it for personal data and passcodes, then list it in $0"
    grep -nE 'std::(cerr|clog)|stderr|syslog\(|perror\(' "$file"
    status=1
  fi
done
for r in "${reviewed[@]}"; do
  [[ -f "$r" ]] || { echo "$r is listed as reviewed but is gone: take it off the list"; status=1; }
done
[[ $status == 0 ]] && echo "every place that writes to stderr or a log is reviewed: ${reviewed[*]}"
exit $status
