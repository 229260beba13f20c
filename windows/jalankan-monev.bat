@echo off
rem Contoh tugas terjadwal ibmkit (Task Scheduler): rekap Monev harian.
rem Pindah ke folder file ini, lalu jalankan ibm-monev; pesan ke log.
cd /d "%~dp0"
echo %DATE% %TIME% >> monev-log.txt
ibm-monev -o monev.xlsx examples\monev\*.csv > unit.csv 2>> monev-log.txt
exit /b %ERRORLEVEL%
