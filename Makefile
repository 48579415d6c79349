# dkimkit: plain make, for GNU make and BSD make alike (POSIX plus "!=").

PREFIX ?=	/usr/local
DESTDIR ?=
CC ?=		cc

WARNINGS =	-Wall -Wextra -Wpedantic -Wshadow -Wpointer-arith \
		-Wcast-qual -Wstrict-prototypes -Wmissing-prototypes \
		-Wformat=2
WERROR ?=
SANFLAGS ?=
# Our -std, defines and warnings always apply. OPTFLAGS are the default
# optimization and debug flags; CFLAGS, from the user, the environment
# or BSD make's sys.mk (which sets it: -O2 -pipe on OpenBSD, -g with
# Debian's bmake), come after them, so a -O or -g there wins.
OPTFLAGS ?=	-O2 -g
CFLAGS ?=
CPPFLAGS ?=
BEARSSL_CFLAGS ?= -I/usr/include/bearssl -I/usr/local/include
# RSA=bearssl signs and verifies RSA with BearSSL instead of our own
# code (src/crypto/rsa.h); the default is our own.
RSA ?=		own
RSA_CFLAGS !=	[ "$(RSA)" = bearssl ] && echo -DDK_RSA_BEARSSL || true
PKG_CFLAGS !=	pkg-config --cflags libsodium ldns 2>/dev/null || true
PKG_LIBS !=	pkg-config --libs libsodium ldns 2>/dev/null || echo -lsodium -lldns
ALL_CFLAGS =	-std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(CPPFLAGS) \
		$(OPTFLAGS) $(CFLAGS) \
		$(WARNINGS) $(WERROR) $(SANFLAGS) -fPIC -Iinclude \
		$(RSA_CFLAGS) $(BEARSSL_CFLAGS) $(PKG_CFLAGS)
LIBS =		-lbearssl $(PKG_LIBS)
LDFLAGS ?=

LIB_SRCS !=	ls src/canon/*.c src/crypto/*.c src/dkim/*.c src/dns/*.c compat/*.c 2>/dev/null
LIB_OBJS =	$(LIB_SRCS:.c=.o)
CLI_SRCS !=	ls src/cli/*.c 2>/dev/null
CLI_OBJS =	$(CLI_SRCS:.c=.o)
POLICY_SRCS !=	ls src/policy/*.c 2>/dev/null
POLICY_OBJS =	$(POLICY_SRCS:.c=.o)
FILTER_SRCS !=	ls src/filter/*.c 2>/dev/null
FILTER_OBJS =	$(FILTER_SRCS:.c=.o)
FILTER_LIB_OBJS = $(FILTER_OBJS:src/filter/main.o=)
MILTER_SRCS !=	ls src/milter/*.c 2>/dev/null
MILTER_OBJS =	$(MILTER_SRCS:.c=.o)
TEST_SRCS !=	ls tests/test_*.c 2>/dev/null
TEST_PROGS =	$(TEST_SRCS:.c=)
HEADERS !=	ls include/*.h src/*/*.h tests/*.h 2>/dev/null

.SUFFIXES: .c .o

all: libdkimkit.a libdkimkit.so.1 libdkimkit.so dkimkit filter-dkim \
    dkimkit-milter

.c.o:
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB_OBJS) $(CLI_OBJS) $(POLICY_OBJS) $(FILTER_OBJS) $(MILTER_OBJS) \
    tests/testlib.o: $(HEADERS)

libdkimkit.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $(LIB_OBJS)

# Export only what include/dkimkit.h declares (src/libdkimkit.sym), in
# the version node of ABI 1. The soname changes only when the ABI does.
SOVERSION =	1
VERSION =	1.0.0
libdkimkit.map: src/libdkimkit.sym
	{ echo 'DKIMKIT_$(SOVERSION) { global:'; \
	    sed 's/$$/;/' src/libdkimkit.sym; echo 'local: *; };'; } > $@

libdkimkit.so.$(SOVERSION): $(LIB_OBJS) libdkimkit.map
	$(CC) -shared $(SANFLAGS) $(LDFLAGS) \
	    -Wl,-soname,libdkimkit.so.$(SOVERSION) \
	    -Wl,--version-script=libdkimkit.map -o $@ $(LIB_OBJS) $(LIBS)

libdkimkit.so: libdkimkit.so.$(SOVERSION)
	ln -sf libdkimkit.so.$(SOVERSION) $@

# pkg-config file for PREFIX; a static link needs Libs.private. Debian's
# libldns.a calls libcrypto (its DNSSEC code), which ldns.pc leaves out.
LDNS_STATIC_LIBS ?= -lcrypto
dkimkit.pc: dkimkit.pc.in Makefile .FORCE
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBS_PRIVATE@|$(LIBS) $(LDNS_STATIC_LIBS)|' \
	    dkimkit.pc.in > $@

.FORCE:

dkimkit: $(CLI_OBJS) libdkimkit.a
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) libdkimkit.a $(LIBS)

# The policy both front ends share (src/policy); it calls their log.c.
libpolicy.a: $(POLICY_OBJS)
	rm -f $@
	ar rcs $@ $(POLICY_OBJS)

# The filter's parts, so that tests/test_filter links the same code.
libfilter.a: $(FILTER_LIB_OBJS)
	rm -f $@
	ar rcs $@ $(FILTER_LIB_OBJS)

filter-dkim: src/filter/main.o libfilter.a libpolicy.a libdkimkit.a
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ src/filter/main.o libfilter.a \
	    libpolicy.a libdkimkit.a $(LIBS)

dkimkit-milter: $(MILTER_OBJS) libpolicy.a libdkimkit.a
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $(MILTER_OBJS) libpolicy.a \
	    libdkimkit.a $(LIBS)

tests/test_filter: tests/test_filter.c tests/testlib.o libfilter.a \
    libpolicy.a libdkimkit.a $(HEADERS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/test_filter.c \
	    tests/testlib.o libfilter.a libpolicy.a libdkimkit.a $(LIBS)

# tests/test_oom makes allocations fail on purpose: the engine's calls to
# the allocator go to the test's wrappers (GNU ld and lld --wrap).
OOM_WRAP =	-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc \
		-Wl,--wrap=reallocarray,--wrap=strdup,--wrap=free

tests/test_oom: tests/test_oom.c tests/oom.c tests/testlib.o libdkimkit.a \
    $(HEADERS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(OOM_WRAP) -o $@ tests/test_oom.c \
	    tests/oom.c tests/testlib.o libdkimkit.a $(LIBS)

# Test programs: tests/test_X from tests/test_X.c, one per module.
.c:
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/testlib.o \
	    libdkimkit.a $(LIBS)

$(TEST_PROGS): tests/testlib.o libdkimkit.a $(HEADERS)

tests: $(TEST_PROGS)

# `make check` installs what it needs, builds with -Werror, runs every
# test, then again with ASan and UBSan.
check:
	sh scripts/setup-deps.sh
	MAKE="$(MAKE)" sh tests/run.sh

demo:
	sh scripts/setup-deps.sh
	$(MAKE) all
	sh scripts/demo.sh

bench:
	sh scripts/setup-deps.sh bench
	sh bench/run.sh

# FUZZ_RUNS=N runs each target N times (fuzz/run.sh has the default);
# FUZZ_TARGETS picks targets; FUZZ_WORKERS=W shares the runs among W
# processes.
fuzz:
	sh scripts/setup-deps.sh
	FUZZ_RUNS="$(FUZZ_RUNS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" \
	    FUZZ_WORKERS="$(FUZZ_WORKERS)" sh fuzz/run.sh

# 10,000 messages through smtpd with faults injected, then as many
# through Postfix with the milter; make check runs the same at 600. It
# starts an smtpd: only one may run on a machine.
stress:
	sh scripts/setup-deps.sh
	$(MAKE) all
	st=0; sh tests/stress/run.sh $(STRESS_COUNT) || st=1; \
	    sh tests/stress/run.sh --postfix $(STRESS_COUNT) || st=1; \
	    exit $$st

# A statistical timing test of RSA signing (dudect style); seconds of
# CPU, best on a quiet machine, so not part of `make check`.
build/dudect_rsa: tests/dudect_rsa.c libdkimkit.a $(HEADERS)
	mkdir -p build
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/dudect_rsa.c \
	    libdkimkit.a $(LIBS) -lm

ct: build/dudect_rsa
	./build/dudect_rsa

# filter-dkim goes where smtpd.conf lines expect proc-exec filters, next
# to Debian's own in /usr/libexec/opensmtpd with PREFIX=/usr. uninstall
# removes exactly what install puts there (INSTALLED, relative to PREFIX).
INSTALLED =	bin/dkimkit libexec/opensmtpd/filter-dkim sbin/dkimkit-milter \
		lib/libdkimkit.a lib/libdkimkit.so.$(SOVERSION) \
		lib/libdkimkit.so lib/pkgconfig/dkimkit.pc include/dkimkit.h \
		share/man/man1/dkimkit.1 share/man/man3/dkimkit.3 \
		share/man/man8/filter-dkim.8 share/man/man8/dkimkit-milter.8

install: all dkimkit.pc
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/sbin \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/libexec/opensmtpd \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man3 \
	    $(DESTDIR)$(PREFIX)/share/man/man8
	install -m 755 dkimkit $(DESTDIR)$(PREFIX)/bin/
	install -m 755 filter-dkim $(DESTDIR)$(PREFIX)/libexec/opensmtpd/
	install -m 755 dkimkit-milter $(DESTDIR)$(PREFIX)/sbin/
	install -m 644 libdkimkit.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 libdkimkit.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libdkimkit.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libdkimkit.so
	install -m 644 dkimkit.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -m 644 include/dkimkit.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 man/dkimkit.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/dkimkit.3 $(DESTDIR)$(PREFIX)/share/man/man3/
	install -m 644 man/filter-dkim.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 644 man/dkimkit-milter.8 $(DESTDIR)$(PREFIX)/share/man/man8/

uninstall:
	for f in $(INSTALLED); do rm -f $(DESTDIR)$(PREFIX)/$$f; done

clean:
	rm -f $(LIB_OBJS) $(CLI_OBJS) $(FILTER_OBJS) $(MILTER_OBJS) \
	    $(TEST_PROGS) tests/testlib.o libdkimkit.a libdkimkit.so \
	    libdkimkit.so.$(SOVERSION) libdkimkit.map libfilter.a libpolicy.a dkimkit \
	    filter-dkim dkimkit-milter dkimkit.pc
	rm -rf build

.PHONY: all tests check demo bench fuzz stress ct install uninstall clean \
    .FORCE
