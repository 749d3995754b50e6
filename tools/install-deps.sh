#!/usr/bin/env bash
# Installs the Debian 12 packages twolayer builds with (run as root); skips those present.
set -euo pipefail
packages=(g++ cmake make pkg-config libboost-dev libeigen3-dev libmpfr-dev libgmp-dev
          libmpfi-dev catch2 gnuplot-nox ccache)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
