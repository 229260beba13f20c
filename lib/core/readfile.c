/*
 * readfile.c - a whole file read into memory with a size limit checked
 * while reading (event file, templates, logo, font, spec and phase
 * files), so that /dev/zero or a 2 GiB file ends with a clear error
 * instead of exhausting memory. IBM_READ_REGULAR refuses anything but a
 * regular file without blocking on it (a FIFO is opened non-blocking and
 * refused before any read).
 */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "16 MiB", "512 KiB", "100 bytes" */
char *ibm_size_text(char *buf, size_t size, size_t n)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, size, "%zu MiB", n >> 20);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(buf, size, "%zu KiB", n >> 10);
	else
		snprintf(buf, size, "%zu bytes", n);
	return buf;
}

int ibm_read_file(const char *path, size_t limit, int flags, char **data,
		  size_t *len, char *why, size_t whysize)
{
	struct stat st;
	char *buf = NULL, lim[32];
	size_t n = 0, cap = 0;
	int fd, e;

	*data = NULL;
	*len = 0;
	/* a FIFO is opened without waiting for a writer, then refused */
	fd = flags & IBM_READ_REGULAR ? ibm_open_read_nowait(path)
				      : ibm_open_read(path);
	if (fd < 0) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		return IBM_EX_NOINPUT;
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		snprintf(why, whysize, "read error: %s", strerror(e));
		return IBM_EX_IOERR;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		snprintf(why, whysize, "cannot open: %s", strerror(EISDIR));
		return IBM_EX_NOINPUT;
	}
	if ((flags & IBM_READ_REGULAR) && !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(why, whysize, "not a regular file (a FIFO, socket or "
			 "device is not read)");
		return IBM_EX_NOINPUT;
	}
	if (S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (unsigned long long)st.st_size > limit) {
		close(fd);
		snprintf(why, whysize, "too large (over %s)",
			 ibm_size_text(lim, sizeof lim, limit));
		return IBM_EX_DATAERR;
	}
	if (flags & IBM_READ_REGULAR)
		ibm_set_blocking(fd);
	for (;;) {
		ssize_t k;

		/* room for one byte past the limit (to notice it) and a NUL */
		if (cap - n < 2) {
			size_t want = cap ? cap * 2 : 65536;

			if (want > limit + 2)
				want = limit + 2;
			if (want <= cap) /* cannot happen: n <= limit */
				want = cap + 2;
			buf = ibm_xrealloc(buf, want);
			cap = want;
		}
		k = read(fd, buf + n, cap - 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			e = errno;
			free(buf);
			close(fd);
			snprintf(why, whysize, "read error: %s", strerror(e));
			return IBM_EX_IOERR;
		}
		if (k == 0)
			break;
		n += (size_t)k;
		if (n > limit) {
			free(buf);
			close(fd);
			snprintf(why, whysize, "too large (over %s)",
				 ibm_size_text(lim, sizeof lim, limit));
			return IBM_EX_DATAERR;
		}
	}
	close(fd);
	if (!buf)
		buf = ibm_xmalloc(1);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

char *ibm_read_file_x(const char *path, size_t limit, int flags,
		      size_t *len)
{
	char why[256], *data;
	int st = ibm_read_file(path, limit, flags, &data, len, why,
			       sizeof why);

	if (st)
		ibm_die(st, path, 0, "%s", why);
	return data;
}
