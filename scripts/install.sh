#!/usr/bin/env bash
# Installs what Simpul needs on Debian 12 with Node 20: the system GDAL (gdal-async is compiled
# against it), then the npm dependencies, then the build. With --test also the test clients
# (GDAL/OGR, OWSLib, QGIS, Chromium, xmllint, PostGIS for the second backend).
# Installs only what is missing, so running it again is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

RUN_PKGS=(gdal-bin libgdal-dev g++ make python3)
TEST_PKGS=(libxml2-utils postgresql-15-postgis-3 python3-owslib python3-qgis chromium xvfb docker-compose zip curl)

pkgs=("${RUN_PKGS[@]}")
[ "${1:-}" = "--test" ] && pkgs+=("${TEST_PKGS[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/simpul-apt.log \
    || { tail -40 /tmp/simpul-apt.log; exit 1; }
fi

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node >= 20.19 is needed, found "+process.version); process.exit(1) }'

# gdal-async: build against the system GDAL (its bundled GDAL takes hours; its prebuilt
# binaries are downloaded from a host that may not be reachable).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (gdal-async is compiled against the system GDAL, about a minute)"
  npm_config_build_from_source=gdal-async npm_config_shared_gdal=true npm ci --no-audit --no-fund
else
  npm run --silent build
fi
