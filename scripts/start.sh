#!/usr/bin/env bash
# One command to a working node: installs what is needed, loads the Kota Tangerang demo
# into the embedded database (./var, no database server needed) and serves on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
node bin/simpul.js demo "$@"
echo "==> Simpul on http://localhost:${PORT:-8080}/ (Ctrl-C to stop)"
exec node bin/simpul.js serve
