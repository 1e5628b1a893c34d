; Keel's additions to electron-builder's NSIS installer (nsis.include in electron-builder.config.cjs).
;
; Opening files: Explorer takes a file's type from its last extension only, so a ProgID for
; ".keel.json" is never consulted, and associating ".json" would make Keel open every JSON file.
; Keel adds itself to the "Open with" list of .json files instead (OpenWithProgids), never as
; their default; the file then arrives on Keel's command line, which Keel reads.

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\Keel.Program" "" "Keel program"
  WriteRegStr SHCTX "Software\Classes\Keel.Program\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHCTX "Software\Classes\Keel.Program\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.json\OpenWithProgids" "Keel.Program" ""
  ; Tell Explorer the associations changed.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\Classes\.json\OpenWithProgids" "Keel.Program"
  DeleteRegKey SHCTX "Software\Classes\Keel.Program"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; The user's programs, backups and settings (Electron's userData) stay unless they say so:
  ; never asked, never deleted, on an update or a silent uninstall.
  ${ifNot} ${isUpdated}
  ${andIfNot} ${Silent}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Also delete your Keel programs, backups and settings from this computer?$\r$\n$\r$\nChoose No to keep them for when you install Keel again." /SD IDNO IDNO keel_keep_data
      RMDir /r "$APPDATA\${APP_FILENAME}"
      !ifdef APP_PRODUCT_FILENAME
        RMDir /r "$APPDATA\${APP_PRODUCT_FILENAME}"
      !endif
    keel_keep_data:
  ${endIf}
!macroend
