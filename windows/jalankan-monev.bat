@echo off
rem Contoh tugas terjadwal ibmkit (Task Scheduler): rekap Monev harian.
rem Membaca HANYA formulir Monev (*.csv) di folder FORMULIR; hasilnya
rem (monev.xlsx, unit.csv, monev-log.txt) ditulis ke folder HASIL yang lain,
rem sehingga hasil lama tidak ikut terbaca. unit.csv diganti hanya bila
rem rekap berhasil. Ubah dua baris "set" di bawah sesuai folder Anda.
chcp 65001 > nul
cd /d "%~dp0"
if not defined FORMULIR set "FORMULIR=examples\monev"
if not defined HASIL set "HASIL=hasil-monev"
if not exist "%HASIL%" mkdir "%HASIL%"
echo %DATE% %TIME% >> "%HASIL%\monev-log.txt"
ibm-monev -o "%HASIL%\monev.xlsx" "%FORMULIR%\*.csv" > "%HASIL%\unit-baru.tmp" 2>> "%HASIL%\monev-log.txt"
set RC=%ERRORLEVEL%
if not "%RC%"=="0" (
	del "%HASIL%\unit-baru.tmp"
	exit /b %RC%
)
move /y "%HASIL%\unit-baru.tmp" "%HASIL%\unit.csv" > nul
exit /b 0
