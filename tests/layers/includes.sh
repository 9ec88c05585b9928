#!/usr/bin/env bash
# The layers hold only if every include names a header by its file name
# alone: the include path of each layer's library (cmake/Layers.cmake) then
# decides what it can see. A path in an include ("../i18n.hpp",
# "render/wording.hpp") would reach past it.
# Every source file is listed in the build, too.
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

# Sources are listed, not globbed: a .cpp of src/ or a _test.cpp of tests/
# that is in no list would silently not be built.
unlisted=0
for f in src/*/*.cpp; do
  layer=${f#src/} layer=${layer%%/*} name=${f##*/} name=${name%.cpp}
  if ! awk -v layer="ontrack_layer($layer" '$0 == layer { on = 1; next } on && /^  LINKS/ { exit } on { print $1 }' \
      cmake/Layers.cmake | grep -qxF "$name"; then
    echo "$f is not listed under ontrack_layer($layer in cmake/Layers.cmake"
    unlisted=1
  fi
done
for f in $(cd tests && find . -name '*_test.cpp' | sed 's|^\./||'); do
  grep -qxF "  $f" tests/CMakeLists.txt || { echo "tests/$f is not listed in tests/CMakeLists.txt"; unlisted=1; }
done
((unlisted)) && exit 1
echo "every source is listed in the build"
