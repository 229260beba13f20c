/*
 * nomem.c - out of memory ends the run with status 70, inside the
 * libraries too.
 *
 * ibm_xmalloc and its kin die on a NULL, but the libraries allocate for
 * themselves and not all of them survive one: libxlsxwriter goes on with
 * half-made rows and crashes later (or writes an incomplete workbook),
 * libharu calls it a PDF error (65). So the C library's allocator is
 * wrapped for the whole program, and an allocation that fails ends the run
 * as ibm_xmalloc's would: "out of memory", status 70, temporary files
 * removed (ibmkit(7), EXIT STATUS).
 *
 *  - glibc: malloc, calloc, realloc and free are defined here over
 *    __libc_malloc and its kin (glibc lets a program replace its
 *    allocator; the shared libraries' calls come here too).
 *  - Windows (static build): the linker's --wrap=malloc (and calloc,
 *    realloc) sends every object's calls, the libraries' included, to
 *    __wrap_malloc, which calls __real_malloc (Makefile, WIN_LDFLAGS).
 *  - Not under AddressSanitizer, whose allocator stops the run itself.
 */
#define _GNU_SOURCE
#include "ibmkit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IBM_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define IBM_ASAN 1
#endif

#if !defined(IBM_ASAN) && (defined(__GLIBC__) || defined(_WIN32))

/* A failed allocation (n bytes asked, more than 0): the message and exit
 * of ibm_die. Should that allocate and fail again, the run ends at once. */
static void *failed(void)
{
	static volatile int dying;
	static const char msg[] = ": out of memory\n";

	if (!dying) {
		dying = 1;
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	}
	if (write(2, ibm_progname(), strlen(ibm_progname())) >= 0 &&
	    write(2, msg, sizeof msg - 1) >= 0)
		_exit(IBM_EX_SOFTWARE);
	_exit(IBM_EX_SOFTWARE);
}

#if defined(_WIN32)
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
#define REAL_MALLOC __real_malloc
#define REAL_CALLOC __real_calloc
#define REAL_REALLOC __real_realloc
#define MALLOC __wrap_malloc
#define CALLOC __wrap_calloc
#define REALLOC __wrap_realloc
#else
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);
void __libc_free(void *p);
#define REAL_MALLOC __libc_malloc
#define REAL_CALLOC __libc_calloc
#define REAL_REALLOC __libc_realloc
#define MALLOC malloc
#define CALLOC calloc
#define REALLOC realloc

void free(void *p)
{
	__libc_free(p);
}
#endif

void *MALLOC(size_t n)
{
	void *p = REAL_MALLOC(n);

	return p || !n ? p : failed();
}

void *CALLOC(size_t n, size_t size)
{
	void *p = REAL_CALLOC(n, size);

	return p || !n || !size ? p : failed();
}

void *REALLOC(void *p, size_t n)
{
	void *q = REAL_REALLOC(p, n);

	/* realloc(p, 0) frees p and may give NULL */
	return q || !n ? q : failed();
}

#else

/* The allocator is the sanitizer's (or not wrapped on this system). */
extern int ibm_nomem_unwrapped;
int ibm_nomem_unwrapped;

#endif
