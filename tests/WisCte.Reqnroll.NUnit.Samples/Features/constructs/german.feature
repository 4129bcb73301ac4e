# language: de
@sample @language
Funktionalität: Deutsche Schlüsselwörter

  Szenario: Ein Schritt mit deutschen Schlüsselwörtern
    Angenommen the journal notes "hallo"
    Dann the journal reads "hallo"
