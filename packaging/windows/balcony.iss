; Inno Setup script: a per-user installer for the Windows bundle, so it installs on a council
; laptop without administrator rights. On a Windows runner, after `pyinstaller
; packaging\balcony.spec --noconfirm --distpath dist --workpath build\pyinstaller`:
;   iscc /DVersion=0.1.0 packaging\windows\balcony.iss
; writes dist\Balcony-setup.exe.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6E8B0C2A-4D57-4E39-9B1A-2C7F3A9D5B10}
AppName=Balcony
AppVersion={#Version}
AppPublisher=Balcony
DefaultDirName={localappdata}\Programs\Balcony
DefaultGroupName=Balcony
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=Balcony-setup
SetupIconFile=..\icons\balcony.ico
UninstallDisplayIcon={app}\balcony.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "..\..\dist\Balcony\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Balcony"; Filename: "{app}\balcony.exe"
Name: "{userdesktop}\Balcony"; Filename: "{app}\balcony.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put Balcony on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\balcony.exe"; Description: "Open Balcony"; Flags: nowait postinstall skipifsilent
