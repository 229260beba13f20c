#!/bin/sh
# windows/deps.sh - the third-party libraries of ibmkit built for win64.
#
#   sh windows/deps.sh PREFIX
#
# Fetches Debian's source packages (apt-get source --download-only through a
# private deb-src list and a private apt state: the system's apt setup is
# untouched), applies Debian's patches when the package has them (for some
# only the upstream tarball is served, which is all the build needs), and
# builds static libraries with the mingw-w64 cross compiler into PREFIX
# (PREFIX/include, PREFIX/lib). zlib is Debian's cross package
# libz-mingw-w64-dev. getopt_long comes from the mingw-w64 runtime.
#
# PREFIX/.stamp records a key of this script and the suites; a second run
# with the same key does nothing. IBMKIT_DEPS_CACHE (default
# ~/.cache/ibmkit) keeps a copy of the result under that key, so that a
# fresh clone on the same machine (CI) unpacks it instead of building.
set -eu
prefix=${1:?usage: windows/deps.sh PREFIX}
here=$(cd "$(dirname "$0")" && pwd)
HOST=${HOST:-x86_64-w64-mingw32}
CC="$HOST-gcc"
AR="$HOST-ar"
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
PKGS="libcsv libxlsxwriter libharu libpng1.6 libzip expat sqlite3 cmocka"
JOBS=${JOBS:-2}
CFLAGS_DEPS="-O2 -g0 -w"

key=$(cat "$0" | sha256sum | cut -c1-16)-$SUITE
if [ -f "$prefix/.stamp" ] && [ "$(cat "$prefix/.stamp")" = "$key" ]; then
	exit 0
fi
cache=${IBMKIT_DEPS_CACHE:-${HOME:-/tmp}/.cache/ibmkit}/win64-deps-$key.tar
if [ -f "$cache" ]; then
	rm -rf "$prefix"
	mkdir -p "$prefix"
	tar -xf "$cache" -C "$prefix"
	echo "windows/deps.sh: libraries from $cache"
	exit 0
fi

start=$(date +%s)
rm -rf "$prefix"
mkdir -p "$prefix/include" "$prefix/lib"
prefix=$(cd "$prefix" && pwd)
work=$prefix/.work
mkdir -p "$work"

# --- fetch: a private apt configuration with deb-src lines only
apt=$work/apt
mkdir -p "$apt/etc/sources.list.d" "$apt/etc/preferences.d" \
	"$apt/state/lists/partial" "$apt/cache/archives/partial" "$work/src"
# the same mirror and suites as the system's deb lines
cat >"$apt/etc/sources.list" <<EOF
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $SUITE main
EOF
APT="apt-get -q -o Dir::Etc::SourceList=$apt/etc/sources.list
	-o Dir::Etc::SourceParts=$apt/etc/sources.list.d
	-o Dir::Etc::Preferences=$apt/etc/preferences
	-o Dir::Etc::PreferencesParts=$apt/etc/preferences.d
	-o Dir::State=$apt/state -o Dir::Cache=$apt/cache
	-o Debug::NoLocking=1 -o APT::Sandbox::User=root"
$APT update >"$work/apt-update.log" 2>&1 || {
	cat "$work/apt-update.log" >&2
	exit 1
}
(
	cd "$work/src"
	for p in $PKGS; do
		# a missing Debian diff is no error: the upstream tarball is enough
		$APT source --download-only "$p" >"$work/fetch-$p.log" 2>&1 || true
		ls "$p"_*.orig.tar.* >/dev/null 2>&1 || {
			cat "$work/fetch-$p.log" >&2
			echo "windows/deps.sh: no source for $p" >&2
			exit 1
		}
	done
)

# how long each step took (make check-windows reports it)
last=$start
step() {
	now=$(date +%s)
	echo "windows/deps.sh: $1 in $((now - last)) s"
	last=$now
}
step "sources fetched"

# unpack PKG's upstream tarball into $work/PKG (only the members matching
# the optional patterns) and apply Debian's patches
unpack() {
	p=$1
	shift
	d=$work/$p
	rm -rf "$d"
	mkdir -p "$d"
	for t in "$work/src/$p"_*.orig.tar.?z*; do
		case $t in *.asc) continue ;; esac
		tar -xf "$t" -C "$d" --strip-components=1 --wildcards "$@"
		break
	done
	set -- "$work/src/$p"_*.debian.tar.*
	if [ -f "$1" ]; then
		tar -xf "$1" -C "$d" debian
		if [ -f "$d/debian/patches/series" ]; then
			sed -e 's/#.*//' -e '/^[[:space:]]*$/d' \
				"$d/debian/patches/series" |
			while read -r patch opts; do
				patch -d "$d" -s -N ${opts:--p1} \
					<"$d/debian/patches/$patch" || {
					echo "windows/deps.sh: $p: $patch does not apply" >&2
					exit 1
				}
			done
		fi
	fi
}

# compile C files into one static library: lib NAME CFLAGS -- FILES
lib() {
	name=$1
	shift
	flags=""
	while [ "$1" != -- ]; do
		flags="$flags $1"
		shift
	done
	shift
	o=$work/obj-$name
	mkdir -p "$o"
	for f in "$@"; do
		echo "$f"
	done | xargs -P "$JOBS" -I{} sh -c \
		'b=$(basename "$1" .c); exec '"$CC $CFLAGS_DEPS $flags"' -c -o "$2/$b.o" "$1"' \
		sh {} "$o"
	rm -f "$prefix/lib/lib$name.a"
	$AR rcs "$prefix/lib/lib$name.a" "$o"/*.o
}

cmake_build() {
	src=$1
	shift
	cmake -S "$src" -B "$src/_build" -G "Unix Makefiles" \
		-DCMAKE_SYSTEM_NAME=Windows -DCMAKE_C_COMPILER="$CC" \
		-DCMAKE_RC_COMPILER="$HOST-windres" \
		-DCMAKE_FIND_ROOT_PATH="$prefix;/usr/$HOST" \
		-DCMAKE_FIND_ROOT_PATH_MODE_PROGRAM=NEVER \
		-DCMAKE_FIND_ROOT_PATH_MODE_LIBRARY=ONLY \
		-DCMAKE_FIND_ROOT_PATH_MODE_INCLUDE=ONLY \
		-DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS="$CFLAGS_DEPS" \
		-DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF \
		"$@" >"$src/cmake.log" 2>&1 || {
		cat "$src/cmake.log" >&2
		exit 1
	}
	make -C "$src/_build" -j"$JOBS" install >"$src/make.log" 2>&1 || {
		tail -40 "$src/make.log" >&2
		exit 1
	}
}

inc=/usr/$HOST/include

# libcsv: one file
unpack libcsv
lib csv -I"$work/libcsv" -- "$work/libcsv/libcsv.c"
cp "$work/libcsv/csv.h" "$prefix/include/"
step libcsv

# libpng: the library sources with the prebuilt configuration
unpack libpng1.6
d=$work/libpng1.6
cp "$d/scripts/pnglibconf.h.prebuilt" "$d/pnglibconf.h"
lib png -I"$d" -DPNG_ARM_NEON_OPT=0 -- $(for f in png pngerror pngget \
	pngmem pngpread pngread pngrio pngrtran pngrutil pngset pngtrans \
	pngwio pngwrite pngwtran pngwutil; do echo "$d/$f.c"; done)
cp "$d/png.h" "$d/pngconf.h" "$d/pnglibconf.h" "$prefix/include/"
step libpng

# libharu, with PNG and zlib
unpack libharu
d=$work/libharu
# Debian's libharu calls itself 2.3.0 (the PDF's Producer); its diff is not
# always served: then the same bytes as the Linux build's PDFs all the same
sed -i 's/#define HPDF_VERSION_TEXT "2.3.0RC2"/#define HPDF_VERSION_TEXT "2.3.0"/' \
	"$d/include/hpdf_version.h"
cat >"$d/include/hpdf_config.h" <<'EOF'
#define LIBHPDF_HAVE_LIBPNG 1
#define LIBHPDF_HAVE_LIBZ 1
#define LIBHPDF_HAVE_STDINT_H 1
#define LIBHPDF_HAVE_STDLIB_H 1
#define LIBHPDF_HAVE_STRING_H 1
#define LIBHPDF_STDC_HEADERS 1
EOF
lib hpdf -I"$d/include" -I"$prefix/include" -DHPDF_STATIC -- "$d"/src/*.c
cp "$d"/include/*.h "$prefix/include/"
step libharu

# libxlsxwriter with its bundled minizip (win32 file API), tmpfileplus, md5
unpack libxlsxwriter '*/src/*' '*/include/*' '*/third_party/*'
d=$work/libxlsxwriter
lib xlsxwriter -I"$d/include" -I"$d/third_party" -DUSE_FILE32API \
	-DNOCRYPT -DNOUNCRYPT -- "$d"/src/*.c \
	"$d/third_party/minizip/ioapi.c" "$d/third_party/minizip/zip.c" \
	"$d/third_party/minizip/iowin32.c" \
	"$d/third_party/tmpfileplus/tmpfileplus.c" "$d/third_party/md5/md5.c"
cp -r "$d/include/xlsxwriter.h" "$d/include/xlsxwriter" "$prefix/include/"
step libxlsxwriter

# expat and libzip: CMake (their configuration headers are generated)
unpack expat
# Debian's security patches test "XML_DTD == 1" as autoconf defines it
sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/' \
	"$work/expat/expat/expat_config.h.cmake"
cmake_build "$work/expat/expat" -DEXPAT_SHARED_LIBS=OFF \
	-DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
	-DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF \
	-DEXPAT_BUILD_PKGCONFIG=OFF -DEXPAT_MSVC_STATIC_CRT=OFF
step expat

unpack libzip
cmake_build "$work/libzip" -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF \
	-DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=OFF \
	-DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DBUILD_TOOLS=OFF \
	-DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF \
	-DZLIB_INCLUDE_DIR="$inc" -DZLIB_LIBRARY="/usr/$HOST/lib/libz.a"
step libzip

# SQLite: its one-file amalgamation (sqlite3.c) made from Debian's source
# tree by the tree's own build on this machine (cc and tclsh), then
# compiled for win64
unpack sqlite3
d=$work/sqlite3
(cd "$d" && ./configure --disable-tcl >configure.log 2>&1 &&
	make sqlite3.c >make.log 2>&1) || {
	tail -40 "$d/configure.log" "$d/make.log" >&2
	exit 1
}
lib sqlite3 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_THREADSAFE=1 -- \
	"$d/sqlite3.c"
cp "$d/sqlite3.h" "$prefix/include/"
step sqlite3

# cmocka, for the unit tests under Wine: one file and what its
# configuration finds on mingw-w64
unpack cmocka
d=$work/cmocka
cat >"$d/config.h" <<'EOF'
#define HAVE_INTTYPES_H 1
#define HAVE_MALLOC_H 1
#define HAVE_SIGNAL_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRUCT_TIMESPEC 1
#define HAVE_GCC_THREAD_LOCAL_STORAGE 1
#define WORDS_SIZEOF_VOID_P 8
EOF
lib cmocka -DHAVE_CONFIG_H -I"$d" -I"$d/include" -- "$d/src/cmocka.c"
cp "$d/include/cmocka.h" "$d/include/cmocka_pbc.h" "$prefix/include/"
step cmocka

# the static archives under the names the Makefile links
for a in "$prefix"/lib/lib*-static.a; do
	[ -f "$a" ] && cp "$a" "${a%-static.a}.a"
done
rm -f "$prefix"/lib/*.dll.a
rm -rf "$prefix/bin" "$prefix/share" "$prefix/lib/cmake" "$prefix/lib/pkgconfig"
rm -rf "$work"
step "clean-up"
echo "$key" >"$prefix/.stamp"
mkdir -p "$(dirname "$cache")" && tar -cf "$cache.tmp" -C "$prefix" . &&
	mv "$cache.tmp" "$cache" || true
echo "windows/deps.sh: built in $(($(date +%s) - start)) s"
