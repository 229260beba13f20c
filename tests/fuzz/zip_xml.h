/* zip_xml.h - the fuzz targets' check of a written package: part i of
 * the open zip z is well-formed XML (expat), else abort naming it. */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

static void fuzz_check_xml_part(zip_t *z, zip_uint64_t i)
{
	const char *name = zip_get_name(z, i, 0);
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	XML_Parser p;

	if (!name || zip_stat_index(z, i, 0, &st) != 0 ||
	    !(f = zip_fopen_index(z, i, 0)))
		abort();
	buf = malloc(st.size + 1);
	if (!buf || zip_fread(f, buf, st.size) != (zip_int64_t)st.size)
		abort();
	zip_fclose(f);
	p = XML_ParserCreate(NULL);
	if (!p)
		abort();
	if (XML_Parse(p, buf, (int)st.size, 1) != XML_STATUS_OK) {
		fprintf(stderr, "%s: not well-formed: %s\n", name,
			XML_ErrorString(XML_GetErrorCode(p)));
		abort();
	}
	XML_ParserFree(p);
	free(buf);
}
