#!/usr/bin/env bash
# Install Case Workstation from this offline bundle; no network is used.
#   ./install.sh [TARGET_DIR]     (default: ~/case-workstation)
set -euo pipefail
bundle="$(cd "$(dirname "$0")" && pwd)"
target="${1:-$HOME/case-workstation}"
python="${PYTHON:-python3}"

echo "Checking the bundle's files against SHA256SUMS..."
(cd "$bundle" && sha256sum --check --quiet SHA256SUMS)

echo "Creating the virtual environment in $target/venv..."
"$python" -m venv "$target/venv"
PIP_CONFIG_FILE=/dev/null "$target/venv/bin/python" -m pip install --quiet --no-index \
  --find-links "$bundle/wheels" case-workstation

echo "Provisioning the face model packs..."
mkdir -p "$target/models"
cp -R "$bundle/models/." "$target/models/"
"$target/venv/bin/workstation" --models "$target/models" models provision
"$target/venv/bin/workstation" --models "$target/models" models list

cat <<DONE
Installed. Start with:
  export WORKSTATION_MODELS="$target/models"
  $target/venv/bin/workstation demo
DONE
