#!/usr/bin/env bash
# Measures the build the way the README states its figures: every compiler call wrapped in
# /usr/bin/time (user + system CPU seconds, peak memory), the wall time of the whole build.
#
#   tools/measure-build.sh [DIR]                 configure DIR afresh (Release, no ccache) and build all
#   tools/measure-build.sh DIR --touch FILE [--target T]
#                                                touch FILE, then rebuild T (default: all) in DIR
#
# Prints one line per unit compiled (CPU seconds, GB, object), then the totals. Needs Debian's
# `time` package (/usr/bin/time); ccache is bypassed, so that every unit is really compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "measure-build: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
dir=${1:-build-measure}
shift || true
touch_file="" target=all
while [ $# -gt 0 ]; do
  case $1 in
    --touch) touch_file=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    *) echo "measure-build: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
log=$dir/compile-times.txt
launcher=$dir/time-compiler
if [ -z "$touch_file" ]; then
  # DIR is emptied first: refuse anything but an empty folder or a build folder this script made
  if [ -n "$(ls -A "$dir")" ] && [ ! -x "$launcher" ]; then
    echo "measure-build: $dir is not empty and was not made by this script; not emptying it" >&2
    exit 2
  fi
  rm -rf "${dir:?}"/*
  cat > "$launcher" <<EOF
#!/usr/bin/env bash
out="" prev=""
for a in "\$@"; do [ "\$prev" = "-o" ] && out=\$a; prev=\$a; done
exec /usr/bin/time -f "%U %S %M \$out" -a -o "$log" "\$@"
EOF
  chmod +x "$launcher"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" > "$dir/configure.log"
else
  [ -x "$launcher" ] || { echo "measure-build: $dir was not configured by this script" >&2; exit 2; }
  touch "$touch_file"
fi
rm -f "$log"
start=$(date +%s.%N)
cmake --build "$dir" -j 2 --target "$target" > "$dir/build.log"
end=$(date +%s.%N)
[ -f "$log" ] || { echo "nothing was compiled"; exit 0; }
awk '{ printf "%8.1f CPU-s %5.2f GB  %s\n", $1 + $2, $3 / 1048576, $4 }' "$log" | sort -g -r
awk -v start="$start" -v end="$end" '
  { cpu += $1 + $2; if ($3 > peak) peak = $3; n++ }
  END { printf "%d units, %.0f CPU-s (%.1f CPU-minutes), largest compiler process %.2f GB, %.0f s wall\n",
               n, cpu, cpu / 60, peak / 1048576, end - start }' "$log"
