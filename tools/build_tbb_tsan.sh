#!/usr/bin/env bash
# Builds Debian 12's own oneTBB (source package `onetbb`, the version of the installed libtbb-dev)
# with ThreadSanitizer, so the tsan preset sees TBB's synchronisation: with the uninstrumented
# libtbb every hand-off between TBB's threads reads as a data race.
# Prints the directory to pass as -DTBB_DIR (its lib/cmake/TBB). Reuses an earlier build.
# Usage: tools/build_tbb_tsan.sh [WORK_DIR=build/tbb-tsan]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-build/tbb-tsan}")
prefix=$work/install
config=$prefix/lib/cmake/TBB
if [[ -f $config/TBBConfig.cmake ]]; then
  echo "$config"
  exit 0
fi
mkdir -p "$work"

# The source of the installed version, from Debian's archive (deb-src entries added if missing).
version=$(dpkg-query -W -f '${Version}' libtbb-dev 2>/dev/null) || {
  echo "build_tbb_tsan.sh: libtbb-dev is not installed (run .ci/deps)" >&2
  exit 2
}
if ! ls "$work"/onetbb_*.orig.tar.* >/dev/null 2>&1; then
  if ! (cd "$work" && apt-get source -qq --download-only "onetbb=$version") >/dev/null 2>&1; then
    list=/etc/apt/sources.list.d/finsim-deb-src.sources
    echo "build_tbb_tsan.sh: adding Debian source entries ($list)" >&2
    cat >"$list" <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt-get update -qq
    (cd "$work" && apt-get source -qq --download-only "onetbb=$version") >&2
  fi
fi
rm -rf "$work/src"
mkdir -p "$work/src"
tar -xf "$work"/onetbb_*.orig.tar.* -C "$work/src" --strip-components=1

# Only the task scheduler (libtbb): tbbmalloc and tbbbind are not used by Finsim.
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTBB_SANITIZE=thread \
  -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF -DTBBMALLOC_BUILD=OFF -DTBBMALLOC_PROXY_BUILD=OFF -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON \
  -DTBB_STRICT=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >&2
cmake --build "$work/build" -j2 >&2
cmake --install "$work/build" >&2
echo "$config"
