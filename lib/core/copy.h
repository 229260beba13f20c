/* copy.h - the short-field copy the CSV reader and writer share (their
 * hot loops; not part of ibmkit.h). */
#ifndef IBM_COPY_H
#define IBM_COPY_H

#include <stddef.h>
#include <string.h>

/* Copy n bytes without a call to memcpy (fixed-size copies compile to
 * plain moves): the CSV reader's and writer's fields, most of them short. */
static inline void ibm_copy_bytes(char *d, const char *s, size_t n)
{
	if (n >= 16) {
		for (size_t i = 0; i + 16 < n; i += 16)
			memcpy(d + i, s + i, 16);
		memcpy(d + n - 16, s + n - 16, 16);
	} else if (n >= 8) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

#endif
