/*
 * event.h - the event file of ibm-invite: "key = value" lines.
 *
 * Lines are UTF-8 (a BOM is skipped), LF or CRLF. Blank lines and lines
 * whose first non-blank character is '#' are ignored. Keys are letters,
 * digits, '_', '-' and '.', matched case-insensitively with '-' and '_'
 * the same ("Tanggal-Mulai" = "tanggal_mulai"). The value is the rest of
 * the line after '=', trimmed; a value in double quotes keeps its inner
 * spaces. A key given twice in one file is an error. -s key=value
 * (ibm_event_set) overrides the file.
 */
#ifndef IBM_EVENT_H
#define IBM_EVENT_H

#include <stddef.h>

#include "ibmkit.h"

typedef struct ibm_event_kv {
	char *key;   /* normalised: lower case, '-' -> '_' */
	char *val;
	const char *src; /* file name, or "-s" for the command line */
	long line;   /* line in src (0 for -s) */
} ibm_event_kv;

typedef struct ibm_event {
	ibm_event_kv *kv;
	size_t n, cap;
	char *file;  /* name of the event file (for messages) */
} ibm_event;

ibm_event *ibm_event_new(void);
void ibm_event_free(ibm_event *ev);
/* Parse buf as the event file NAME. Errors are printed as NAME:LINE: ...;
 * returns 0, or -1 on the first error. */
int ibm_event_parse(ibm_event *ev, const char *name, const char *buf,
		    size_t len);
/* Read and parse PATH; dies with 66 (cannot open) or 65 (bad line). */
void ibm_event_xload(ibm_event *ev, const char *path);
/* "key=value" from -s; returns 0, or -1 if it has no '=' or a bad key. */
int ibm_event_set(ibm_event *ev, const char *assign);
/* The entry for key (any spelling), or NULL. */
const ibm_event_kv *ibm_event_find(const ibm_event *ev, const char *key);
/* The value, or NULL when absent; an empty value counts as absent. */
const char *ibm_event_get(const ibm_event *ev, const char *key);
/* The path a key names, resolved against the folder of the file that
 * set it (as written when absolute, set by -s, or the file has no
 * folder); malloc'd, NULL when the key is absent or empty. */
char *ibm_event_path(const ibm_event *ev, const char *key);
/* Every key of the NULL-ended list that is absent or empty, named in one
 * error "FILE: missing required keys (for WHAT): a, b" (what may be
 * NULL): returns 0, or 65 after printing it. */
int ibm_event_require(const ibm_event *ev, const char *const *keys,
		      const char *what);
/* The event's days from tanggal_mulai, and tanggal_selesai or
 * jumlah_hari (1 to 31; one day without them): 1 with *first and *last
 * set, 0 when there is no tanggal_mulai, -1 after printing an error
 * naming the bad key's file and line (status 65). */
int ibm_event_read_dates(const ibm_event *ev, ibm_date *first,
			 ibm_date *last);
/* The same, but a bad value exits 65 (for the tools' own use). */
int ibm_event_dates(const ibm_event *ev, ibm_date *first, ibm_date *last);
/* Normalise a key in place; returns -1 if it holds a bad character. */
int ibm_event_key_norm(char *key);

#endif
