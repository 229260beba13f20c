/* score_parse.c - the bench's parse floor: libcsv (CSV_STRICT) counting
 * fields and records of a file, nothing else. */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static size_t fields, records;

static void on_field(void *s, size_t len, void *d)
{
	(void)s; (void)len; (void)d;
	fields++;
}

static void on_record(int c, void *d)
{
	(void)c; (void)d;
	records++;
}

int main(int argc, char **argv)
{
	static char buf[256 * 1024];
	struct csv_parser p;
	ssize_t n;
	int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;

	if (fd < 0 || csv_init(&p, CSV_STRICT) != 0)
		return 66;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, on_field, on_record, NULL) !=
		    (size_t)n)
			return 65;
	csv_fini(&p, on_field, on_record, NULL);
	printf("%zu records, %zu fields\n", records, fields);
	return 0;
}
