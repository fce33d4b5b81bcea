; Inno Setup 6 script of the MyNumber Desk installer (per-user, no administrator rights).
;
; Build on Windows, after `py packaging\build.py` has made dist\mynumber-desk:
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\mynumber-desk.iss
; The installer is written to dist\installer\mynumber-desk-setup-<version>.exe.
;
; Why Inno Setup: one plain-text script, a per-user install without administrator rights
; (PrivilegesRequired=lowest), Japanese messages out of the box, and maintained for 25 years
; (jrsoftware.org, Inno Setup 6.x); WiX needs an MSI authoring toolchain and per-user MSIs are
; awkward. `packaging/windows/check_iss.py` checks this script on any system.
;
; Code signing (a documented step; the certificate never enters the repository):
;   1. Sign the two programs of the folder before compiling:
;        signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a ^
;          dist\mynumber-desk\mynumber-desk.exe dist\mynumber-desk\mynumber-desk-gui.exe
;   2. Compile with the sign tool defined, so Setup and its uninstaller are signed too:
;        ISCC.exe /DSign "/Ssigntool=signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f" packaging\windows\mynumber-desk.iss
;   3. Check: signtool verify /pa /v dist\installer\mynumber-desk-setup-<version>.exe

#define AppName "マイナンバー管理デスク"
#define AppExe "mynumber-desk-gui.exe"
; Kept equal to app/about.py's VERSION (check_iss.py checks).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BuildDir "..\..\dist\mynumber-desk"

[Setup]
; Never change the AppId: an upgrade finds the installed version by it.
AppId={{5B0C7C1E-3F7A-4E0B-9B8E-6D2A4F1C9E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MyNumber Desk
VersionInfoVersion={#AppVersion}
; Per user, without administrator rights: {autopf} is %LOCALAPPDATA%\Programs then. The data
; folder is another one (%LOCALAPPDATA%\MyNumberDesk, app/paths.py), never roaming or OneDrive
; (SECURITY.md §7), and nothing here writes or deletes it.
PrivilegesRequired=lowest
DefaultDirName={autopf}\MyNumber Desk
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; An upgrade closes a running copy first (its data is saved by then: every change is one
; transaction), then replaces the program files only.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\build\mynumber-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=mynumber-desk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Files]
; The whole one-folder build; an upgrade replaces it (ignoreversion: our files carry our
; version, not the libraries').
Source: "{#BuildDir}\mynumber-desk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BuildDir}\mynumber-desk-gui.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BuildDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
; The user manual packaging/build.py writes beside the program (no personal data in it).
Source: "{#BuildDir}\操作マニュアル.pdf"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; A previous version's libraries go before the new ones are copied (a library a newer
; PyInstaller no longer bundles must not be loaded); the program folder only.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} 操作マニュアル"; Filename: "{app}\操作マニュアル.pdf"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: the uninstaller removes only the files this script installed.
; The data folder (%LOCALAPPDATA%\MyNumberDesk: the encrypted database, key slots, backups,
; logs) stays; deleting it is the office's decision, with its deletion records (SPEC).
