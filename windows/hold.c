/*
 * hold.c - a test helper of make check-windows (windows/paths.t), built for
 * Windows only: holds FILE open as Excel holds an open workbook (read and
 * write access, sharing only reading, so that no other program may
 * replace, delete or write it), writes READY when it holds the file, and
 * lets it go when RELEASE exists (or after 60 seconds).
 *
 *   hold.exe FILE READY RELEASE
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	wchar_t *w = n > 0 ? malloc((size_t)n * sizeof *w) : NULL;

	if (!w)
		exit(2);
	MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

int main(int argc, char **argv)
{
	HANDLE h, r;

	if (argc != 4) {
		fprintf(stderr, "usage: hold FILE READY RELEASE\n");
		return 2;
	}
	h = CreateFileW(wide(argv[1]), GENERIC_READ | GENERIC_WRITE,
			FILE_SHARE_READ, NULL, OPEN_EXISTING,
			FILE_ATTRIBUTE_NORMAL, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fprintf(stderr, "hold: %s: cannot open (%lu)\n", argv[1],
			GetLastError());
		return 1;
	}
	r = CreateFileW(wide(argv[2]), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
			FILE_ATTRIBUTE_NORMAL, NULL);
	if (r == INVALID_HANDLE_VALUE)
		return 1;
	CloseHandle(r);
	for (int i = 0; i < 1200; i++) {
		if (GetFileAttributesW(wide(argv[3])) != INVALID_FILE_ATTRIBUTES)
			break;
		Sleep(50);
	}
	CloseHandle(h);
	return 0;
}
