#!/usr/bin/env bash
# The layers hold only if every include names a header by its file name
# alone: the include path of each layer's library (cmake/Layers.cmake) then
# decides what it can see. A path in an include ("../i18n.hpp",
# "render/wording.hpp") would reach past it.
# Usage: includes.sh SOURCE_DIR
set -uo pipefail
cd "$1" || exit 2
found=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*/' src tests --include='*.cpp' --include='*.hpp')
if [[ -n $found ]]; then
  echo "includes with a path (name the header alone; the layer's library decides what it may see):"
  echo "$found"
  exit 1
fi
echo "every include names a header alone"
