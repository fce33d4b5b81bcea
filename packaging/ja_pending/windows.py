"""Japanese for the strings added by the Windows work (#20)."""

JA = {
    # ui/saving.py
    "The file is open": "ファイルが開かれています",
    "%1 could not be written: it is open in another program (such as Excel or Acrobat), or it is read-only. Close it there and save again, or save it under another name.": "%1 に書き込めませんでした。ほかのプログラム（Excel や Acrobat など）で開かれているか、読み取り専用になっています。そのプログラムでファイルを閉じてから保存し直すか、別の名前で保存してください。",
    "Could not save": "保存できませんでした",
    "%1 could not be written: the disk is full. Free some space or choose another place.": "%1 に書き込めませんでした。ディスクの空き容量が不足しています。空き容量を確保するか、別の場所を選んでください。",
    "%1 could not be written. Check that the folder exists and that you may write to it, or choose another place.": "%1 に書き込めませんでした。フォルダーがあること、書き込みの権限があることを確認するか、別の場所を選んでください。",
    # ui/dialogs/recovery_sheet.py
    "This folder is uploaded to OneDrive": "このフォルダーは OneDrive にアップロードされます",
    "The folder you chose is synchronised with OneDrive, so the recovery sheet would be copied to the cloud. Save it on a USB memory or in a folder that is not synchronised, and keep the printout in the safe.": "選んだフォルダーは OneDrive と同期しているため、リカバリーシートがクラウドにコピーされます。USBメモリーか同期していないフォルダーに保存し、印刷したものは金庫に保管してください。",
    "Choose another place": "別の場所を選ぶ",
    "Save here anyway": "このまま保存する",
}
