/*
 * probe.c - the test helper of make check-windows (windows/paths.t), built
 * for Windows only.
 *
 *   probe.exe hold FILE READY RELEASE
 *	holds FILE open as Excel holds an open workbook (read and write
 *	access, sharing only reading, so that no other program may replace,
 *	delete or write it), writes READY when it holds the file, and lets it
 *	go when RELEASE exists (or after 60 seconds);
 *   probe.exe version EXE
 *	prints what Explorer shows of a program: its version resource's
 *	ProductName, ProductVersion, FileDescription and OriginalFilename, and
 *	the number of its icons.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	wchar_t *w = n > 0 ? malloc((size_t)n * sizeof *w) : NULL;

	if (!w)
		exit(2);
	MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

static int hold(char **argv)
{
	HANDLE h, r;

	h = CreateFileW(wide(argv[0]), GENERIC_READ | GENERIC_WRITE,
			FILE_SHARE_READ, NULL, OPEN_EXISTING,
			FILE_ATTRIBUTE_NORMAL, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fprintf(stderr, "probe: %s: cannot open (%lu)\n", argv[0],
			GetLastError());
		return 1;
	}
	r = CreateFileW(wide(argv[1]), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
			FILE_ATTRIBUTE_NORMAL, NULL);
	if (r == INVALID_HANDLE_VALUE)
		return 1;
	CloseHandle(r);
	for (int i = 0; i < 1200; i++) {
		if (GetFileAttributesW(wide(argv[2])) != INVALID_FILE_ATTRIBUTES)
			break;
		Sleep(50);
	}
	CloseHandle(h);
	return 0;
}

static int version(const char *exe)
{
	static const wchar_t *const keys[] = { L"ProductName",
		L"ProductVersion", L"FileDescription", L"OriginalFilename" };
	wchar_t *w = wide(exe);
	DWORD dummy, n = GetFileVersionInfoSizeW(w, &dummy);
	char *buf = n ? malloc(n) : NULL;

	if (!buf || !GetFileVersionInfoW(w, 0, n, buf)) {
		fprintf(stderr, "probe: %s: no version resource\n", exe);
		return 1;
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		wchar_t q[96];
		wchar_t *v;
		UINT len;
		char out[512];

		swprintf(q, 96, L"\\StringFileInfo\\040904B0\\%ls", keys[i]);
		if (!VerQueryValueW(buf, q, (void **)&v, &len) || !len)
			v = L"";
		WideCharToMultiByte(CP_UTF8, 0, v, -1, out, sizeof out, NULL,
				    NULL);
		printf("%ls: %s\n", keys[i], out);
	}
	printf("icons: %u\n", ExtractIconExW(w, -1, NULL, NULL, 0));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "hold") == 0)
		return hold(argv + 2);
	if (argc == 3 && strcmp(argv[1], "version") == 0)
		return version(argv[2]);
	fprintf(stderr, "usage: probe hold FILE READY RELEASE\n"
		"       probe version EXE\n");
	return 2;
}
