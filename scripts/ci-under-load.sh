#!/usr/bin/env bash
# CI on a loaded machine, several times in a row (issue 13: "green three times in a row on a loaded
# machine"). Clones the current commit into a scratch folder with ../shared beside it, as CI does,
# keeps LOAD busy loops running at normal priority (default: one per core), and runs `.ci/run` RUNS
# times (default 3), each from a fresh clone. Prints one line per run and exits non-zero if any failed.
#
#   bash scripts/ci-under-load.sh              3 runs, a busy loop per core
#   RUNS=1 LOAD=1 bash scripts/ci-under-load.sh
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
RUNS="${RUNS:-3}"
LOAD="${LOAD:-$(nproc)}"
work="$(mktemp -d /tmp/ci-under-load.XXXXXX)"
commit="$(git -C "$repo" rev-parse --short HEAD)"
echo "== CI under load: commit $commit, $RUNS runs, $LOAD busy loops on $(nproc) cores, logs in $work"

hogs=()
for ((i = 0; i < LOAD; i++)); do
  (while :; do :; done) &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT

failed=0
for ((r = 1; r <= RUNS; r++)); do
  rm -rf "$work/run" && mkdir -p "$work/run"
  git clone -q "$repo" "$work/run/main" && cp -r "$shared" "$work/run/shared"
  t=$SECONDS
  (cd "$work/run/main" && CI=true bash .ci/run >"$work/run-$r.log" 2>&1)
  rc=$?
  ((rc == 0)) || failed=1
  echo "run $r: exit $rc in $((SECONDS - t)) s; $(grep -E '^vscode: [0-9]+ passed' "$work/run-$r.log" | tail -1)"
done
rm -rf "$work/run"
exit $failed
