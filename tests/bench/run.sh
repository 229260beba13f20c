#!/bin/sh
# tests/bench/run.sh - `make bench`: each tests/bench/*.sh case in turn.
# Not part of `make check`: it measures, it does not pass or fail.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export BUILD=${BUILD:-$here/../../build}
export BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}
mkdir -p "$BENCH_DIR"
for b in "$here"/*.sh; do
	case $(basename "$b") in run.sh|lib.sh) continue ;; esac
	echo "== $(basename "$b" .sh)"
	sh "$b"
done
