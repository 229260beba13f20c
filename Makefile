# ibmkit - plain GNU make.
#
#   make            build every tool into build/bin
#   make check      install missing dependencies, build, run every test
#   make demo       install missing dependencies, build, run examples/pipeline.sh
#   make asan       the test suite built with -fsanitize=address,undefined
#   make valgrind   the end-to-end tests with every tool under valgrind
#   make lint       mandoc -Tlint and groff -ww on every man page, cppcheck
#   make bench      speed and memory against peer tools (not part of check)
#   make pictures   the README's pictures of the documents (doc/img/)
#   make fuzz       libFuzzer targets (clang); FUZZ_SECONDS=N runs each N s
#   make deps       install missing Debian packages (or print the command);
#                   make deps-build: only what building and running need
#   make install / uninstall   PREFIX=/usr/local DESTDIR=
#   make windows    the win64 .exe files and zip (mingw-w64; see windows/)
#   make check-windows   the zip's tests under Wine

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BUILD ?= build
PYTHON ?= /usr/bin/python3

CC ?= cc
OPT ?= -O2 -g
CFLAGS ?= $(OPT)
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wno-missing-field-initializers
ifeq ($(WERROR),1)
WARN += -Werror
endif
XLSX_CFLAGS := $(shell pkg-config --cflags xlsxwriter 2>/dev/null)
XLSX_LIBS := $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
SQLITE_CFLAGS := $(shell pkg-config --cflags sqlite3 2>/dev/null)
SQLITE_LIBS := $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3)
# lib/core is the shared core (ibmkit.h); lib/TOOL holds each tool's modules.
LIB_DIRS := $(sort $(patsubst %/,%,$(dir $(wildcard lib/*/*.c))))
# the data tables compiled in (lib/core/*.txt, see below) are made there
GEN = $(BUILD)/gen
INCLUDES := $(LIB_DIRS:%=-I%) -I$(GEN)
ALL_CFLAGS = $(WARN) -D_DEFAULT_SOURCE $(INCLUDES) $(XLSX_CFLAGS) \
	$(SQLITE_CFLAGS) $(CFLAGS) $(SAN)
LDLIBS = -lcsv $(XLSX_LIBS) -lhpdf -lpng -lzip -lexpat $(SQLITE_LIBS) -lz -lm
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

LIB_SRC := $(sort $(wildcard lib/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB_A := $(BUILD)/libibmkit.a
CMD_SRC := $(sort $(wildcard cmd/*.c))
TOOLS := $(CMD_SRC:cmd/%.c=%)
BINS := $(TOOLS:%=$(BUILD)/bin/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
MAN1 := $(sort $(wildcard man/*.1))
MAN5 := $(sort $(wildcard man/*.5))
MAN7 := $(sort $(wildcard man/*.7))

# Debian packages: to build, and to run the tests.
DEPS_BUILD = gcc make pkg-config libcsv-dev libxlsxwriter-dev zlib1g-dev \
	libhpdf-dev libpng-dev libcmocka-dev libzip-dev libexpat1-dev \
	libsqlite3-dev
DEPS_TEST = perl python3 python3-openpyxl python3-scipy poppler-utils \
	valgrind mandoc cppcheck fonts-dejavu-core \
	libreoffice-calc-nogui fonts-liberation fonts-liberation2 \
	fonts-crosextra-carlito fonts-crosextra-caladea
# printing the HTML letters (tests/letters-print.t: Chromium, the Times
# New Roman metrics); man pages under groff (make lint)
DEPS_TEST += chromium groff-base
# ibm-report: documents read back (python3-docx) and rendered (LibreOffice)
DEPS_TEST += python3-docx libreoffice-writer-nogui
# ibm-db: the database read by an independent client
DEPS_TEST += sqlite3
# the blank Monev form filled through LibreOffice itself (tests/lo_form.py)
DEPS_TEST += python3-uno
# make bench: a workbook written by Python's XlsxWriter
DEPS_TEST += python3-xlsxwriter

.PHONY: all check test unit e2e demo asan valgrind lint bench deps deps-build \
	install uninstall clean fuzz pictures

all: $(BINS)

# keep the objects of the tools (intermediate files of a chain)
.SECONDARY:

$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Data tables, not code: lib/core/NAME.txt (the degrees and titles taken
# off names, the answers read as yes or no) becomes $(GEN)/NAME.inc, its
# bytes as a C initializer list that lib/core includes.
GEN_INC := $(patsubst lib/core/%.txt,$(GEN)/%.inc,$(wildcard lib/core/*.txt))
$(GEN)/%.inc: lib/core/%.txt
	@mkdir -p $(@D)
	od -An -v -tu1 $< | sed 's/[0-9][0-9]*/&,/g' > $@
$(BUILD)/lib/core/titles.o: $(GEN)/titles.inc
$(BUILD)/lib/core/value.o: $(GEN)/yesno.inc
$(BUILD)/tests/test_text: $(GEN)/titles.inc

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -MMD -MP $(ALL_LDFLAGS) \
		-o $@ $< $(LIB_A) -lcmocka $(LDLIBS)

# The fuzz targets with a plain main (tests/fuzz/driver.c), run on the test
# data by tests/fuzz.t.
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/driver.c $(wildcard tests/fuzz/*.h) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes $(ALL_LDFLAGS) -o $@ $< \
		tests/fuzz/driver.c $(LIB_A) $(LDLIBS)

-include $(LIB_OBJ:.o=.d) $(CMD_SRC:cmd/%.c=$(BUILD)/cmd/%.d) \
	$(UNIT_BINS:=.d)

# The whole suite under prove: unit tests (cmocka, TAP), end-to-end cases
# (tests/cases/TOOL/NAME/), and the scripted checks (tests/*.t).
check: deps
	$(MAKE) test

test: $(BINS) $(UNIT_BINS) $(FUZZ_BINS)
	BUILD=$(abspath $(BUILD)) PYTHON=$(PYTHON) CMOCKA_MESSAGE_OUTPUT=TAP \
	prove -j2 -f $(UNIT_BINS) tests/cases.t tests/*.t

demo: deps-build
	$(MAKE) all
	BUILD=$(abspath $(BUILD)) sh examples/pipeline.sh

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" test

valgrind: $(BINS)
	BUILD=$(abspath $(BUILD)) PYTHON=$(PYTHON) VALGRIND=1 \
	prove -j2 tests/cases.t

lint:
	mandoc -Tlint -W warning $(MAN1) $(MAN5) $(MAN7)
	@# groff (what man(1) runs) warns about other things than mandoc
	@out=$$(for f in $(MAN1) $(MAN5) $(MAN7); do \
		groff -mdoc -Tutf8 -ww -z $$f 2>&1; done); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--std=c11 --inline-suppr $(INCLUDES) lib cmd

bench: $(BINS)
	BUILD=$(abspath $(BUILD)) sh tests/bench/run.sh

# The README's pictures: the examples' documents rendered to small PNGs.
pictures: $(BINS)
	BUILD=$(abspath $(BUILD)) sh doc/pictures.sh

# Fuzz targets (libFuzzer, clang): `make fuzz` builds build-fuzz/fuzz_NAME
# (the library built once, with coverage and the sanitizers, no recovery,
# and FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION: the CSV and workbook
# readers' bounds on hostile input small enough for a 16 KiB input);
# `make fuzz FUZZ_SECONDS=N` then runs each target for N seconds from its
# seeds in tests/fuzz/corpus/NAME, with the dictionary tests/fuzz/NAME.dict
# and the options of tests/fuzz/NAME.options (after FUZZ_OPTS: the last
# wins) where there are (new inputs go to build-fuzz/corpus/NAME; a finding
# stops the run with its input in build-fuzz/crash-*).
FUZZ_BUILD = build-fuzz
FUZZ_SAN = -fsanitize=address,undefined,fuzzer-no-link \
	-fno-sanitize-recover=all -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
FUZZ_OPTS ?= -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1
DEPS_FUZZ = clang libclang-rt-dev
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/%.c=%)

fuzz: deps
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) OPT="-g -O1" SAN="$(FUZZ_SAN)" \
		$(FUZZ_NAMES:%=$(FUZZ_BUILD)/%)
	@if [ -n "$(FUZZ_SECONDS)" ]; then \
		for t in $(FUZZ_NAMES); do \
			mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
			echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
			if ! $(FUZZ_BUILD)/$$t $(FUZZ_OPTS) \
				-max_total_time=$(FUZZ_SECONDS) \
				-artifact_prefix=$(FUZZ_BUILD)/ \
				$$(test -f tests/fuzz/$$t.dict && \
				   echo -dict=tests/fuzz/$$t.dict) \
				$$(cat tests/fuzz/$$t.options 2>/dev/null) \
				$(FUZZ_BUILD)/corpus/$$t \
				$$(test -d tests/fuzz/corpus/$$t && \
				   echo tests/fuzz/corpus/$$t) \
				> $(FUZZ_BUILD)/$$t.log 2>&1; then \
				tail -60 $(FUZZ_BUILD)/$$t.log; exit 1; \
			fi; \
			grep '^stat::' $(FUZZ_BUILD)/$$t.log; \
		done; \
	fi

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_A)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -fsanitize=fuzzer \
		$(ALL_LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

# Install the missing Debian packages of the list DEPS_WANT (or print the
# command when not root). `make deps` wants everything `make check` needs;
# `make deps-build` only what building and running the tools need (what
# `make demo` installs).
DEPS_WANT = $(DEPS_BUILD) $(DEPS_TEST) \
	$(if $(filter fuzz,$(MAKECMDGOALS)),$(DEPS_FUZZ))
deps:
	@missing=""; \
	for p in $(DEPS_WANT); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$missing; \
	else \
		echo "missing Debian packages; run:"; \
		echo "  sudo apt-get install$$missing"; \
		exit 1; \
	fi

deps-build:
	$(MAKE) deps DEPS_WANT="$(DEPS_BUILD)"

install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5)
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)

clean:
	rm -rf build build-asan build-fuzz build-win64

# ------------------------------------------------------------------ Windows
# make windows: every tool cross-compiled for win64 with mingw-w64 into
# build-win64/bin/*.exe (static, with the UTF-8 manifest), packed with the
# man pages as HTML, the examples and windows/BACA-SAYA.txt into
# build-win64/ibmkit-VERSION-win64.zip. The libraries are built from
# Debian's source packages by windows/deps.sh (cached). make check-windows
# runs the unit tests, the end-to-end cases and the zip's own check under
# Wine (windows/check.sh). Neither is part of make check.
WIN ?= build-win64
WIN_HOST = x86_64-w64-mingw32
WIN_CC = $(WIN_HOST)-gcc
WIN_DEPS = $(WIN)/deps
VERSION := $(shell sed -n 's/^\#define IBMKIT_VERSION "\(.*\)"/\1/p' \
	lib/core/ibmkit.h)
WIN_ZIP = $(WIN)/ibmkit-$(VERSION)-win64.zip
# mingw-w64's C99 printf (%zu, %lld) with __USE_MINGW_ANSI_STDIO; GCC would
# check format(printf) attributes against Microsoft's printf instead, so
# -Wno-format here (the Linux build checks the same formats).
WIN_CFLAGS = $(WARN) -Wno-format -D_DEFAULT_SOURCE \
	-D__USE_MINGW_ANSI_STDIO=1 -D_USE_MATH_DEFINES $(INCLUDES) \
	-I$(WIN_DEPS)/include -O2
# CRT_glob.o: the C runtime expands * and ? in arguments (cmd.exe does not);
# --wrap: every object's malloc, calloc and realloc, the libraries' too, go
# through lib/core/nomem.c (out of memory is status 70)
WIN_LDFLAGS = -static -s $(shell $(WIN_CC) -print-file-name=CRT_glob.o) \
	-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc
WIN_LIBS = -lcsv -lxlsxwriter -lzip -lhpdf -lpng -lexpat -lsqlite3 -lz -lm
WIN_LIB_OBJ := $(LIB_SRC:%.c=$(WIN)/%.o)
WIN_BINS := $(TOOLS:%=$(WIN)/bin/%.exe)
# the unit tests for Windows (cmocka built for the target), less those
# written on POSIX-only calls: test_atomic (modes, signals), test_csvread
# (pipe, fork), test_xlsx (python3 through popen), test_readfile (FIFOs,
# /dev/zero), test_xlsxread (a pipe for standard input); the end-to-end
# cases under Wine cover those modules there, test_port the port module.
WIN_UNIT_SRC := $(filter-out tests/unit/test_atomic.c \
	tests/unit/test_csvread.c tests/unit/test_xlsx.c \
	tests/unit/test_readfile.c tests/unit/test_xlsxread.c,$(UNIT_SRC))
WIN_UNIT := $(WIN_UNIT_SRC:tests/unit/%.c=$(WIN)/tests/%.exe)
# to build the zip; and to test it
DEPS_WINDOWS = gcc-mingw-w64-x86-64 libz-mingw-w64-dev cmake patch \
	xz-utils zip mandoc tcl
DEPS_WINE = wine wine64 unzip
# what the end-to-end cases read their outputs back with under Wine (not
# the renderers, LibreOffice and Chromium, nor valgrind or the linters)
DEPS_WINCHECK = perl python3 python3-openpyxl python3-scipy python3-docx \
	poppler-utils fonts-dejavu-core

.PHONY: windows check-windows deps-windows win-build win-test

windows: deps-windows
	$(MAKE) win-build

check-windows: deps-windows
	@$(MAKE) --no-print-directory deps \
		DEPS_WANT="$(DEPS_BUILD) $(DEPS_WINCHECK) $(DEPS_WINE)"
	$(MAKE) win-test

deps-windows:
	@$(MAKE) --no-print-directory deps DEPS_WANT="$(DEPS_WINDOWS)"

win-build: $(WIN_ZIP)

win-test: $(WIN_ZIP) $(WIN_UNIT) $(WIN)/helpers/probe.exe $(BINS)
	BUILD=$(abspath $(BUILD)) WIN=$(abspath $(WIN)) PYTHON=$(PYTHON) \
		ZIP=$(abspath $(WIN_ZIP)) sh windows/check.sh

$(WIN_DEPS)/.stamp: windows/deps.sh
	sh windows/deps.sh $(WIN_DEPS)
	touch $@

# everything is rebuilt when the libraries are (their headers, their code)
$(WIN)/lib/%.o: lib/%.c $(WIN_DEPS)/.stamp
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -MMD -MP -c -o $@ $<

$(WIN)/lib/core/titles.o: $(GEN)/titles.inc
$(WIN)/lib/core/value.o: $(GEN)/yesno.inc
$(WIN)/tests/test_text.exe: $(GEN)/titles.inc

$(WIN)/cmd/%.o: cmd/%.c $(WIN_DEPS)/.stamp
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -MMD -MP -c -o $@ $<

$(WIN)/libibmkit.a: $(WIN_LIB_OBJ)
	rm -f $@
	$(WIN_HOST)-ar rcs $@ $(WIN_LIB_OBJ)

# each program's resources: manifest, icon and version resource (its
# description the NAME line of its man page); the unit tests share one
WIN_RES_DEPS = windows/ibmkit.rc windows/rc.sh windows/ibmkit.manifest \
	windows/ibmkit.ico lib/core/ibmkit.h
$(WIN)/res/%.o: man/%.1 $(WIN_RES_DEPS)
	@mkdir -p $(@D)
	sh windows/rc.sh $* "$$(sed -n 's/^\.Nd //p' man/$*.1)" $(VERSION) \
		>$(@D)/$*.rc
	$(WIN_HOST)-windres -I windows -o $@ $(@D)/$*.rc

$(WIN)/res/unit-tests.o: $(WIN_RES_DEPS)
	@mkdir -p $(@D)
	sh windows/rc.sh unit-tests "ibmkit unit tests" $(VERSION) \
		>$(@D)/unit-tests.rc
	$(WIN_HOST)-windres -I windows -o $@ $(@D)/unit-tests.rc

$(WIN)/bin/%.exe: $(WIN)/cmd/%.o $(WIN)/libibmkit.a $(WIN)/res/%.o
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_LDFLAGS) -o $@ $< $(WIN)/res/$*.o \
		$(WIN)/libibmkit.a -L$(WIN_DEPS)/lib $(WIN_LIBS)

$(WIN)/tests/%.exe: tests/unit/%.c $(WIN)/libibmkit.a $(WIN)/res/unit-tests.o
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -Wno-missing-prototypes $(WIN_LDFLAGS) -o $@ $< \
		$(WIN)/res/unit-tests.o $(WIN)/libibmkit.a -L$(WIN_DEPS)/lib \
		-lcmocka $(WIN_LIBS)

# the test helper that holds a file open as Excel does and reads a
# program's version resource (windows/paths.t); without the library, so
# without WIN_LDFLAGS' --wrap of malloc (its __wrap_malloc is in nomem.c)
$(WIN)/helpers/probe.exe: windows/probe.c
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -static -s -o $@ windows/probe.c \
		-lversion -lshell32

$(WIN_ZIP): $(WIN_BINS) $(wildcard windows/*.txt windows/*.bat windows/*.css) \
		windows/pack.sh $(MAN1) $(MAN5) $(MAN7)
	sh windows/pack.sh $@ $(WIN_BINS)

-include $(WIN_LIB_OBJ:.o=.d) $(CMD_SRC:cmd/%.c=$(WIN)/cmd/%.d)
