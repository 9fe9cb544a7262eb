#!/usr/bin/env bash
# Starts the real kiosk under Xvfb (Mesa's software OpenGL) in --screenshot mode on a demo
# database and checks that every screen came out as a drawn PNG, not a blank one; on SQLite also
# a second run, signed in as a technician, that draws the case screen's passcode prompt.
#   screenshot_smoke_test.sh KIOSK KIOSKCTL ASSETS [POSTGRES_DEMO_SERVER]
# With the fourth, the demo cases are on a throwaway PostgreSQL server that program starts, and
# the kiosk runs with --db-url.
set -euo pipefail
kiosk="$1" kioskctl="$2" assets="$3" pg_demo="${4:-}"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  if [ -n "${PGDEMO_PID:-}" ]; then
    # Its standard input closes: it stops the server and exits.
    [ -n "${PGDEMO[1]:-}" ] && eval "exec ${PGDEMO[1]}>&-"
    wait "$PGDEMO_PID" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free display number: the first without a lock file.
display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
  [ -e "/tmp/.X11-unix/X${display#:}" ] && break
  sleep 0.05
done

if [ -n "$pg_demo" ]; then
  coproc PGDEMO { "$pg_demo" 40 2026-11-25T10:00; }
  read -r -t 120 url <&"${PGDEMO[0]}" || { echo "the PostgreSQL demo server did not start" >&2; exit 1; }
  database=(--db-url "$url")
else
  "$kioskctl" --db "$work/cases.db" --assets "$assets" --at 2026-11-25T10:00 demo --cases 40 >/dev/null
  database=(--db "$work/cases.db")
fi
# Mesa's driver is dlclose()d at exit with a few hundred bytes it never freed, which LeakSanitizer
# can only report as "<unknown module>": leak checking is off for this one process. Our own code's
# leaks are checked by the headless UI tests, which run the same screens under LeakSanitizer.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" LIBGL_ALWAYS_SOFTWARE=1 DISPLAY="$display" "$kiosk" "${database[@]}" --assets "$assets" \
  --at 2026-11-25T10:00 --station "Benk 1" --staff "Kari" --screenshot "$work/shots" >"$work/list.txt"

status=0
# Every PNG a run listed: one per file in its folder, each full size and drawn.
check_shots() {
  local list="$1" folder="$2"
  local count screens
  count=$(wc -l <"$list")
  screens=$(ls "$folder"/*.png | wc -l)
  [ "$count" -ge 1 ] && [ "$count" -eq "$screens" ] || { echo "expected one PNG per screen, got $screens (listed $count)" >&2; exit 1; }
  while read -r png; do
    size=$(identify -format '%w %h' "$png")
    read -r w h <<<"$size"
    if [ "$w" -lt 1280 ] || [ "$h" -lt 720 ]; then echo "$png is ${w}x${h}, smaller than 1280x720" >&2; status=1; fi
    # A drawn screen has text and colours: many distinct colours, not one flat fill.
    colours=$(convert "$png" -format '%k' info:)
    if [ "$colours" -lt 50 ]; then echo "$png looks blank ($colours colours)" >&2; status=1; fi
    echo "$png ${w}x${h} $colours colours"
  done <"$list"
}
check_shots "$work/list.txt" "$work/shots"
if grep -q -- '-passcode\.png$' "$work/list.txt"; then
  echo "a passcode page without a technician signed in or a case with a passcode" >&2
  status=1
fi

# The case screen's "Show passcode" prompt: drawn only for a signed-in technician on an open
# case that holds a passcode, so a second, small database has both (its own passcode key).
if [ -z "$pg_demo" ]; then
  pc="$work/passcode"
  mkdir -p "$pc"
  export KIOSK_PASSCODE_KEY="$pc/passcode.key"
  ctl=("$kioskctl" --db "$pc/cases.db" --assets "$assets" --at 2026-11-25T10:00)
  "${ctl[@]}" demo --cases 3 >/dev/null
  printf '24681357\n' | "${ctl[@]}" staff add --name Kari --role technician --pin - >/dev/null
  "${ctl[@]}" case new --vendor apple --family mac --serial C02XK0JHJG5H --product "MacBook Pro 14" \
    --purchased 2024-03-01 --seller atea --customer "Kari Nordmann" --mobile "912 34 567" \
    --address "Storgata 1, 0155 Oslo" --fault "Starter ikke" --passcode "Lykke-4817" >/dev/null
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" LIBGL_ALWAYS_SOFTWARE=1 DISPLAY="$display" "$kiosk" --db "$pc/cases.db" \
    --assets "$assets" --at 2026-11-25T10:00 --station "Benk 1" --staff "Kari" --screenshot "$pc/shots" >"$pc/list.txt"
  check_shots "$pc/list.txt" "$pc/shots"
  grep -q -- '-passcode\.png$' "$pc/list.txt" || { echo "no passcode page for a technician and a case with a passcode" >&2; status=1; }
fi
exit $status
