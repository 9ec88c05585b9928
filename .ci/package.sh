#!/usr/bin/env bash
# The Debian package, called from .ci/run after the test suite has passed:
# copy the source tree into a build directory of its own (dpkg-buildpackage
# builds in the source tree, and CI's own build/ must never be reconfigured),
# build the .deb with `dpkg-buildpackage -us -uc -b` and DEB_BUILD_OPTIONS=
# nocheck, fail on any lintian error or warning, install the package with
# apt-get, run it from where it is installed, and purge it again (the machine
# is reused).
#
#   bash .ci/package.sh                      # from anywhere; builds in <repo>/build-deb
#   ONTRACK_DEB_DIR=/tmp/deb bash .ci/package.sh
#   ONTRACK_DEB_KEEP=1 bash .ci/package.sh   # leave the package installed
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
top=$(pwd)
out=${ONTRACK_DEB_DIR:-build-deb}

fail() {
    echo "package: FAIL: $*" >&2
    exit 1
}

# What building and checking the package need on a fresh Debian 12 machine,
# besides the build dependencies of debian/control.
packages=(dpkg-dev debhelper fakeroot lintian cmake g++ make gettext libcli11-dev libfmt-dev libtomlplusplus-dev libxlsxwriter-dev libutf8proc-dev pkgconf)
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

version=$(dpkg-parsechangelog -S Version)
project_version=$(sed -n 's/^project(ontrack VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[[ $version == "$project_version" ]] ||
    fail "debian/changelog says $version, CMakeLists.txt $project_version: add a changelog entry (dch -v)"

echo "== copying the source tree into $out/ontrack-$version"
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=$out/ontrack-$version
rm -rf "$src" "$out"/ontrack_*
mkdir -p "$src"
# The files git knows and those it would add (not ignored: no build dirs).
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [[ -e $f ]] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$src"

echo "== dpkg-buildpackage -us -uc -b (DEB_BUILD_OPTIONS=nocheck: the suite has run)"
# debhelper gives the build a HOME of its own: keep using the real cache when
# ccache is the compiler launcher. The copy's path stays the same from one run
# to the next, so ccache's results are reused.
if [[ -n ${CMAKE_CXX_COMPILER_LAUNCHER:-} ]] && command -v ccache >/dev/null; then
    CCACHE_DIR=${CCACHE_DIR:-$(ccache -k cache_dir)}
    export CCACHE_DIR
fi
(cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
    tail -n 40 "$out/build.log" >&2
    fail "dpkg-buildpackage failed (log: $out/build.log)"
}
arch=$(dpkg --print-architecture)
deb=$out/ontrack_${version}_$arch.deb
changes=$out/ontrack_${version}_$arch.changes
[[ -f $deb && -f $changes ]] || fail "no $deb or $changes"
echo "package: $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb -f "$deb"
dpkg-deb -c "$deb"

echo "== lintian (any error or warning fails)"
lintian --fail-on error,warning --display-info --pedantic "$changes" || fail "lintian"
echo "lintian: no error, no warning"

echo "== contents"
contents=$(dpkg-deb -c "$deb")
for f in usr/bin/ontrack usr/share/man/man1/ontrack.1.gz usr/share/bash-completion/completions/ontrack \
    usr/share/zsh/vendor-completions/_ontrack usr/share/ontrack/haiphong.toml usr/share/ontrack/cron.sh \
    usr/share/doc/ontrack/copyright usr/share/doc/ontrack/README.md.gz usr/share/doc/ontrack/examples/basic.toml; do
    grep -q " \./$f\$" <<<"$contents" || fail "the package lacks /$f"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libfmt9 libtomlplusplus3 libstdc++6 libc6 libxlsxwriter4; do
    [[ ",$depends," == *[,\ ]"$lib"[\ ,]* ]] || fail "Depends ($depends) does not name $lib"
done

echo "== apt-get install ./$(basename "$deb")"
export DEBIAN_FRONTEND=noninteractive
(cd "$out" && apt-get install -y -qq -o Dpkg::Use-Pty=0 "./$(basename "$deb")") || fail "apt-get install"
purge() { apt-get purge -y -qq ontrack >/dev/null && echo "== purged ontrack"; }
[[ -n ${ONTRACK_DEB_KEEP:-} ]] || trap purge EXIT

[[ $(command -v ontrack) == /usr/bin/ontrack ]] || fail "ontrack is not /usr/bin/ontrack"
echo "\$ ontrack --version"
out_version=$(ontrack --version) || fail "ontrack --version exited $?"
echo "$out_version"
[[ $(head -n 1 <<<"$out_version") == "ontrack $version" ]] || fail "--version does not start with 'ontrack $version'"
grep -q "The ontrack authors" <<<"$out_version" || fail "--version names no copyright holder"
grep -q "MIT" <<<"$out_version" || fail "--version names no licence"

echo "\$ ontrack check /usr/share/ontrack/haiphong.toml"
ontrack check /usr/share/ontrack/haiphong.toml || fail "ontrack check exited $?"

echo "\$ ontrack /usr/share/ontrack/haiphong.toml --as-of 2026-11-23"
rc=0
(cd / && ontrack /usr/share/ontrack/haiphong.toml --as-of 2026-11-23) || rc=$?
echo "exit status: $rc (1 by design: the later phases are behind)"
((rc == 1)) || fail "the Hai Phong report exited $rc, not 1"

man -w ontrack >/dev/null 2>&1 || [[ -f /usr/share/man/man1/ontrack.1.gz ]] || fail "no man page"
bash -c 'source /usr/share/bash-completion/completions/ontrack && complete -p ontrack' >/dev/null ||
    fail "the bash completion does not load"
[[ -x /usr/share/ontrack/cron.sh ]] || fail "/usr/share/ontrack/cron.sh is not executable"

cd "$top"
echo "package: OK in $((SECONDS - started)) s"
