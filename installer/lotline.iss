; Inno Setup 6 script: the Windows installer around the one-folder build of installer\lotline.spec.
;
;   .venv\Scripts\python -m PyInstaller --noconfirm --clean installer\lotline.spec   (dist\lotline\)
;   iscc /DAppVersion=0.1.0 installer\lotline.iss          (dist\lotline-0.1.0-setup.exe)
;
; AppVersion must be the version in desktop\version.py (`dist\lotline\lotline.exe --version`).
; Silent roll-out with a prepared station file (docs/installer.md):
;   lotline-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /STATIONFILE=\\it\lotline\bench-12.toml
; The station file goes to %ProgramData%\Lotline\station.toml and LOTLINE_CONFIG points at it
; for every Windows user of the bench PC. Uninstalling removes the program, never the data:
; the database, backups and station file are records (%LOCALAPPDATA%\Lotline, %ProgramData%\Lotline).

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z installer\lotline.iss
#endif

[Setup]
AppId={{6F0D8C52-3B7E-4A8E-9C1D-4C0B1E5A7F21}
AppName=Lotline
AppVersion={#AppVersion}
AppVerName=Lotline {#AppVersion}
AppPublisher=Lotline
DefaultDirName={autopf}\Lotline
DefaultGroupName=Lotline
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=lotline-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
ChangesEnvironment=yes
UninstallDisplayIcon={app}\lotline-station.exe
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "A desktop shortcut for the station"
Name: "addtopath"; Description: "Put the lotline command on the PATH (for backups and scripts)"

[Files]
; Everything PyInstaller collected: both programs, Python, Qt and its plugins, the package data.
Source: "..\dist\lotline\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; A station file prepared by plant IT (/STATIONFILE=path): copied once, never overwritten by
; an upgrade (the bench's own settings win), never removed by uninstalling.
Source: "{param:STATIONFILE}"; DestDir: "{commonappdata}\Lotline"; DestName: "station.toml"; \
  Flags: external skipifsourcedoesntexist onlyifdoesntexist uninsneveruninstall; \
  Check: HasStationFile

[Icons]
Name: "{group}\Lotline station"; Filename: "{app}\lotline-station.exe"
Name: "{group}\Lotline self-test"; Filename: "{app}\lotline-station.exe"; Parameters: "--selftest"
Name: "{autodesktop}\Lotline station"; Filename: "{app}\lotline-station.exe"; Tasks: desktopicon

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: string; ValueName: "LOTLINE_CONFIG"; \
  ValueData: "{commonappdata}\Lotline\station.toml"; Check: HasStationFile

[Run]
; The database is migrated by the station at start, or here once for a shared database.
Filename: "{app}\lotline-station.exe"; Description: "Start the Lotline station"; \
  Flags: postinstall nowait skipifsilent

[Code]
function HasStationFile: Boolean;
begin
  Result := ExpandConstant('{param:STATIONFILE|}') <> '';
end;

function NeedsAddPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_LOCAL_MACHINE,
    'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
