#!/usr/bin/env bash
# Several kioskctl processes register cases on one database while others are killed with
# SIGKILL in the middle of their intake. Every number a writer printed (acknowledged) must be
# in the database afterwards, numbers must be unique, and no writer may fail (no "database is
# locked" reaching a user).
set -euo pipefail
kioskctl="$1"
assets="$2"
work="$(mktemp -d)"
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/cases.db"
writers=4
rounds=15

intake() {  # intake SERIAL: registers one case, prints its number
  (exec_intake "$1")
}

exec_intake() {  # the kioskctl command itself, so that `exec_intake ... &` can be killed as one
  exec "$kioskctl" --db "$db" --assets "$assets" --staff "writer" case new --vendor apple --family mac \
    --serial "$1" --product "MacBook Pro" --purchased 2024-03-01 --seller atea \
    --customer "Kari Nordmann" --mobile 91234567 --address "Storgata 1, Oslo" --fault "Starter ikke"
}

writer() {  # writer ID: registers `rounds` cases, recording each acknowledged number
  local id="$1" i number
  for ((i = 0; i < rounds; i++)); do
    if ! number="$(intake "W${id}N$(printf '%04d' "$i")" 2>>"$work/errors.$id")"; then
      echo "writer $id failed at round $i" >>"$work/errors.$id"
      return 1
    fi
    echo "$number" >>"$work/acked.$id"
  done
}

victims() {  # starts intakes and kills each at a random point, until told to stop
  local n=0 pid
  while [ ! -e "$work/stop" ]; do
    # exec: $! is kioskctl itself, not a subshell that would leave it running when killed.
    (exec_intake "VICTIM$(printf '%05d' "$n")" >/dev/null 2>&1) &
    pid=$!
    # 1-150 ms: from before the database is opened to after the commit (sanitizer builds start slowly).
    sleep "$(printf '0.%03d' $((RANDOM % 150 + 1)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    n=$((n + 1))
  done
  echo "$n" >"$work/victims"
}

victims &
victims_pid=$!
pids=()
for ((w = 0; w < writers; w++)); do
  writer "$w" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
touch "$work/stop"
wait "$victims_pid"

if [ "$failed" -ne 0 ]; then
  echo "FAIL: a writer failed:"; cat "$work"/errors.* ; exit 1
fi
cat "$work"/acked.* | sort >"$work/acked"
acked=$(wc -l <"$work/acked")
if [ "$acked" -ne $((writers * rounds)) ]; then
  echo "FAIL: expected $((writers * rounds)) acknowledged cases, got $acked"; exit 1
fi
"$kioskctl" --db "$db" --assets "$assets" case list --all --json --limit 0 >"$work/all.json"
python3 - "$work/acked" "$work/all.json" <<'PY'
import json, sys
acked = [line.strip() for line in open(sys.argv[1]) if line.strip()]
cases = json.load(open(sys.argv[2]))
numbers = [c["number"] for c in cases]
missing = sorted(set(acked) - set(numbers))
assert not missing, f"acknowledged but missing: {missing}"
assert len(numbers) == len(set(numbers)), "duplicate case numbers"
serials = [c["serial"] for c in cases if c["serial"].startswith("W")]
assert len(serials) == len(set(serials)), "a writer's case stored twice"
print(f"ok: {len(acked)} acknowledged cases all present; {len(cases)} cases in all, numbers unique")
PY
echo "victims started and killed: $(cat "$work/victims")"
echo "1 passed, 0 failed"
