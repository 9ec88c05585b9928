#!/usr/bin/env bash
# Packaging check, called from .ci/run: build a Release in build-pkg, make the
# .deb with `cpack -G DEB`, check its declared dependencies and contents,
# unpack it into a clean prefix (never installed system-wide) and run
# `ontrack --version` and the Hai Phong report from there. Also checks that
# `cmake --install` puts every file in its place.
#
#   bash .ci/package.sh              # from anywhere; builds in <repo>/build-pkg
#   ONTRACK_PKG_BUILD_DIR=/tmp/b bash .ci/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
build=${ONTRACK_PKG_BUILD_DIR:-build-pkg}
build_type=${ONTRACK_PKG_BUILD_TYPE:-Release}
jobs=$(nproc)

fail() {
    echo "package: FAIL: $*" >&2
    exit 1
}

# What building and packaging need on a fresh Debian 12 machine:
# dpkg-shlibdeps (dpkg-dev) and file(1) for CPack's Depends.
packages=(cmake g++ make libcli11-dev libfmt-dev libtomlplusplus-dev dpkg-dev file gzip)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "== installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== Release build in $build"
cmake -B "$build" -S . -DCMAKE_BUILD_TYPE="$build_type" -DONTRACK_BUILD_TESTS=OFF -DONTRACK_DEB_SHLIBDEPS=ON
cmake --build "$build" -j"$jobs"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[[ -n $version ]] || fail "no project version in $build/CMakeCache.txt"
echo "project version: $version"

echo "== cmake --install into a staging prefix"
stage=$(mktemp -d)
prefix=$(mktemp -d)
trap 'rm -rf "$stage" "$prefix"' EXIT
cmake --install "$build" --prefix "$stage/usr" >/dev/null
installed=(
    usr/bin/ontrack
    usr/share/man/man1/ontrack.1.gz
    usr/share/bash-completion/completions/ontrack
    usr/share/zsh/vendor-completions/_ontrack
    usr/share/doc/ontrack/README.md
    usr/share/doc/ontrack/examples/haiphong.toml
    usr/share/doc/ontrack/examples/basic.toml
    usr/share/doc/ontrack/examples/cron.sh
)
for f in "${installed[@]}"; do
    [[ -f $stage/$f ]] || fail "cmake --install did not install $f"
done
[[ -x $stage/usr/bin/ontrack && -x $stage/usr/share/doc/ontrack/examples/cron.sh ]] || fail "not executable"
echo "installed: ${#installed[@]} checked files in place"

echo "== cpack -G DEB"
rm -f "$build"/ontrack_*.deb
if ! (cd "$build" && cpack -G DEB); then
    echo "package: dpkg-shlibdeps failed; declaring the dependencies explicitly" >&2
    cmake -B "$build" -S . -DONTRACK_DEB_SHLIBDEPS=OFF >/dev/null
    (cd "$build" && cpack -G DEB)
fi
debs=("$build"/ontrack_"$version"_*.deb)
[[ -f ${debs[0]} ]] || fail "no $build/ontrack_${version}_*.deb"
deb=${debs[0]}
echo "package: $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb -f "$deb"

echo "== declared dependencies"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[[ -n $depends ]] || fail "the package declares no dependencies"
for lib in libfmt9 libtomlplusplus3 libstdc++6 libc6; do
    [[ ",$depends," == *[,\ ]"$lib"[\ ,]* ]] || fail "Depends does not name $lib"  # "$lib" literal: libstdc++6
done
[[ $(dpkg-deb -f "$deb" Package) == ontrack ]] || fail "Package is not ontrack"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "Version is not $version"
[[ $(dpkg-deb -f "$deb" Section) == utils ]] || fail "Section is not utils"

echo "== contents"
contents=$(dpkg-deb -c "$deb")
for f in "${installed[@]}"; do
    grep -q " \./$f\$" <<<"$contents" || fail "the package lacks /$f"
done
echo "package holds the binary, ontrack(1), both completions, README and examples"

echo "== unpacked into a clean prefix ($prefix)"
dpkg-deb -x "$deb" "$prefix"
bin=$prefix/usr/bin/ontrack

out=$("$bin" --version) || fail "ontrack --version exited $?"
echo "\$ ontrack --version"
echo "$out"
grep -qw -- "$version" <<<"$out" || fail "--version printed '$out', not the project version $version"

"$bin" --help >/dev/null || fail "ontrack --help exited $?"

echo "\$ ontrack $prefix/usr/share/doc/ontrack/examples/haiphong.toml --as-of 2026-11-23"
rc=0
"$bin" "$prefix/usr/share/doc/ontrack/examples/haiphong.toml" --as-of 2026-11-23 || rc=$?
echo "exit status: $rc"
((rc == 0 || rc == 1)) || fail "the Hai Phong report exited $rc"

man_page=$prefix/usr/share/man/man1/ontrack.1.gz
gzip -dc "$man_page" | grep -q '^\.TH ONTRACK 1' || fail "ontrack.1.gz is not the man page"
if command -v man >/dev/null; then
    MANWIDTH=80 man -l "$man_page" 2>/dev/null | head -n 4 || true
fi
bash -c "source '$prefix/usr/share/bash-completion/completions/ontrack' && complete -p ontrack" ||
    fail "the bash completion does not load"

echo "package: OK in $((SECONDS - started)) s"
