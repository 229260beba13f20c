#!/bin/sh
# windows/check.sh - make check-windows: the win64 build tested under Wine.
#
# Under prove: the unit tests (build-win64/tests/*.exe, cmocka), every
# end-to-end case of tests/cases/ against the .exe files (tests/cases.t
# with WINE=1: the expected outputs are Linux's, byte for byte, unless a
# case has its own .windows files), and windows/zip.t (the zip unpacked
# into an empty folder: each tool's --version and the examples of
# BACA-SAYA.txt through cmd.exe, their outputs compared with Linux's) and
# windows/paths.t (paths as Windows users type them, the register, files
# held open as in Excel, NUL, /?, the version resources; its helper is
# $WIN/helpers/probe.exe).
#
# Wine runs in a private prefix (WINEPREFIX, default build-win64/wine,
# made once with wineboot) with one persistent wineserver for the run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
WIN=${WIN:-$top/build-win64}
BUILD=${BUILD:-$top/build}
export WIN BUILD
export WINEPREFIX=${WINEPREFIX:-$WIN/wine}
export WINEDEBUG=-all
# no Mono or Gecko installer dialogs: the tools need neither
export WINEDLLOVERRIDES="mscoree,mshtml="
start=$(date +%s)
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	mkdir -p "$WINEPREFIX"
	wineboot -i >/dev/null 2>&1 || {
		echo "windows/check.sh: wineboot failed" >&2
		exit 1
	}
fi
# the fonts folder, for a font named without a folder (a case of ibm-invite)
fonts=$WINEPREFIX/drive_c/windows/Fonts
mkdir -p "$fonts"
cp /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf "$fonts/" 2>/dev/null
wineserver -p
trap 'wineserver -k 2>/dev/null' EXIT
# start the session's background programs (services.exe ...) now, with
# nothing open: started by a test they would keep its output pipe open
wine cmd /c exit </dev/null >/dev/null 2>&1
echo "# Wine prefix ready in $(($(date +%s) - start)) s"

work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/unit"
for t in "$WIN"/tests/*.exe; do
	n=$(basename "$t" .exe)
	# cmocka 1.1 writes a skipped test as "not ok N # SKIP"
	cat >"$work/unit/$n.t" <<EOT
#!/bin/sh
cd "$top" && CMOCKA_MESSAGE_OUTPUT=TAP wine "$t" 2>&1 |
	sed 's/^not ok \([0-9]*\) # SKIP/ok \1 # SKIP/'
EOT
done
cd "$top" || exit 1
WINE=1 prove -j2 -f "$work"/unit/*.t tests/cases.t windows/zip.t \
	windows/paths.t
status=$?
echo "# Windows tests in $(($(date +%s) - start)) s"
exit $status
