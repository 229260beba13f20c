#!/bin/sh
# windows/rc.sh NAME DESCRIPTION VERSION - the resource script of one
# program of the Windows build: windows/ibmkit.rc (manifest, icon, version
# resource) with the program's name, its description (the NAME line of its
# man page) and the version ("0.1.0", also as 0,1,0,0) defined.
set -eu
esc() { printf '%s' "$1" | sed 's/"/""/g'; }
num=$(printf '%s\n' "$3" | awk -F. '{ printf "%d,%d,%d,0", $1, $2, $3 }')
printf '#define IBMKIT_TOOL "%s"\n' "$(esc "$1")"
printf '#define IBMKIT_EXE "%s.exe"\n' "$(esc "$1")"
printf '#define IBMKIT_DESC "%s"\n' "$(esc "$2")"
printf '#define IBMKIT_VER "%s"\n' "$(esc "$3")"
printf '#define IBMKIT_VER_NUM %s\n' "$num"
printf '#include "ibmkit.rc"\n'
