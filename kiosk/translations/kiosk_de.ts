<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>kiosk</name>
    <message>
      <source>Checking…</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Einen Moment, wir prüfen …</translation>
    </message>
    <message>
      <source>Language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sprache</translation>
    </message>
    <message>
      <source>Read aloud</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Vorlesen</translation>
    </message>
    <message>
      <source>Choose another language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Eine andere Sprache wählen</translation>
    </message>
    <message>
      <source>Read aloud: on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Vorlesen: an</translation>
    </message>
    <message>
      <source>Read aloud: off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Vorlesen: aus</translation>
    </message>
    <message>
      <source>My account</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mein Konto</translation>
    </message>
    <message>
      <source>Your loans</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ihre Ausleihen</translation>
    </message>
    <message>
      <source>Renew all</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Alle verlängern</translation>
    </message>
    <message>
      <source>Ready for pickup</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zur Abholung bereit</translation>
    </message>
    <message>
      <source>Fees</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Gebühren</translation>
    </message>
    <message>
      <source>Back to borrowing</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurück zum Ausleihen</translation>
    </message>
    <message>
      <source>Renew</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Verlängern</translation>
    </message>
    <message>
      <source>None</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Keine</translation>
    </message>
    <message>
      <source>You have no loans.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben keine Ausleihen.</translation>
    </message>
    <message>
      <source>One moment …</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Einen Moment …</translation>
    </message>
    <message>
      <source>Asking the library system.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wir fragen das Bibliothekssystem.</translation>
    </message>
    <message>
      <source>Borrow and return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausleihen und zurückgeben</translation>
    </message>
    <message>
      <source>Scan your library card or health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Scannen Sie Ihren Bibliotheksausweis oder Ihre Gesundheitskarte</translation>
    </message>
    <message>
      <source>Then type your PIN on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Geben Sie dann Ihre PIN auf dem Bildschirm ein.</translation>
    </message>
    <message>
      <source>Returning something? Just scan its barcode, no card needed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Etwas zurückgeben? Scannen Sie einfach den Strichcode, ohne Ausweis.</translation>
    </message>
    <message>
      <source>Scan the next item, or your card to borrow.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Scannen Sie das nächste Medium oder Ihren Ausweis zum Ausleihen.</translation>
    </message>
    <message>
      <source>Type the barcode number</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Strichcode-Nummer eingeben</translation>
    </message>
    <message>
      <source>Type the barcode number on the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Nummer des Strichcodes auf dem Bildschirm eingeben</translation>
    </message>
    <message>
      <source>Type the number under the barcode</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Geben Sie die Nummer unter dem Strichcode ein</translation>
    </message>
    <message>
      <source>Then press %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drücken Sie dann %1.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
      <source>No digits yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Noch keine Ziffern</translation>
    </message>
    <message>
      <source>Done – log out</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Fertig – abmelden</translation>
    </message>
    <message>
      <source>You will be logged out in %1 s – touch the screen to go on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Abmeldung in %1 s – berühren Sie den Bildschirm, um weiterzumachen</translation>
    </message>
    <message>
      <source>Type your PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Geben Sie Ihre PIN ein</translation>
    </message>
    <message>
      <source>Your card has been read. Use the keys on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ihre Karte wurde gelesen. Benutzen Sie die Tasten auf dem Bildschirm.</translation>
    </message>
    <message>
      <source>Cancel and take back the card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Abbrechen und Karte zurücknehmen</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurück zum Anfang in %1 s, wenn Sie nichts eingeben</translation>
    </message>
    <message>
      <source>OK</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">OK</translation>
    </message>
    <message>
      <source>Back to the start</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurück zum Anfang</translation>
    </message>
    <message>
      <source>Back to the start in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurück zum Anfang in %1 s</translation>
    </message>
    <message>
      <source>Thank you for your visit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Danke für Ihren Besuch</translation>
    </message>
    <message>
      <source>You could not be logged in</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie konnten nicht angemeldet werden</translation>
    </message>
    <message>
      <source>You are logged out. You borrowed:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie sind abgemeldet. Ausgeliehen:</translation>
    </message>
    <message>
      <source>You are logged out. Nothing was borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie sind abgemeldet. Nichts wurde ausgeliehen.</translation>
    </message>
    <message>
      <source>… and %1 more.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… und %1 weitere.</translation>
    </message>
    <message>
      <source>Return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurückgeben</translation>
    </message>
    <message>
      <source>Add</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Hinzufügen</translation>
    </message>
    <message>
      <source>This loan costs a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Diese Ausleihe kostet eine Gebühr. Akzeptieren Sie sie?</translation>
    </message>
    <message>
      <source>Scan the barcode of what you want to borrow</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Scannen Sie den Strichcode des Mediums, das Sie ausleihen möchten</translation>
    </message>
    <message>
      <source>Accept the fee</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Gebühr akzeptieren</translation>
    </message>
    <message>
      <source>No thanks</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nein danke</translation>
    </message>
    <message>
      <source>Hello %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Hallo %1</translation>
    </message>
    <message>
      <source>Hello</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Hallo</translation>
    </message>
    <message>
      <source>No connection to the library system: your loans are sent later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Keine Verbindung zum Bibliothekssystem: Ihre Ausleihen werden später übertragen.</translation>
    </message>
    <message>
      <source>Hold the barcode under the scanner. Each item shows here.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Halten Sie den Strichcode unter den Scanner. Jedes Medium erscheint hier.</translation>
    </message>
    <message>
      <source>… and %1 more under My account.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… und %1 weitere unter Mein Konto.</translation>
    </message>
    <message>
      <source>1 earlier item could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">1 früheres Medium konnte nicht ausgeliehen werden.</translation>
    </message>
    <message>
      <source>Your next scan waits for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ihr nächster Scan wartet auf Ihre Antwort.</translation>
    </message>
    <message>
      <source>%1 earlier items could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 frühere Medien konnten nicht ausgeliehen werden.</translation>
    </message>
    <message>
      <source>Your next %1 scans wait for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ihre nächsten %1 Scans warten auf Ihre Antwort.</translation>
    </message>
    <message>
      <source>due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Rückgabe bis %1</translation>
    </message>
    <message>
      <source>Put it on the return shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Stellen Sie es in das Rückgaberegal.</translation>
    </message>
    <message>
      <source>%1: pickup number %2, by %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1: Abholnummer %2, bis %3</translation>
    </message>
    <message>
      <source>Renewed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Verlängert</translation>
    </message>
    <message>
      <source>Borrowed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausgeliehen</translation>
    </message>
    <message>
      <source>Returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurückgegeben</translation>
    </message>
    <message>
      <source>Could not be returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Konnte nicht zurückgegeben werden</translation>
    </message>
    <message>
      <source>Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Bitte lassen Sie es an der Theke.</translation>
    </message>
    <message>
      <source>Put it on the staff shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Stellen Sie es in das Personalregal.</translation>
    </message>
    <message>
      <source>%1 – it is reserved for someone else.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – es ist für jemand anderen vorgemerkt.</translation>
    </message>
    <message>
      <source>%1 – it belongs to another branch.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – es gehört zu einer anderen Zweigstelle.</translation>
    </message>
    <message>
      <source>Due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Rückgabe bis %1</translation>
    </message>
    <message>
      <source>Borrowed (sent later)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausgeliehen (wird später übertragen)</translation>
    </message>
    <message>
      <source>Offline: data from %1 ago</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Offline: Daten von vor %1</translation>
    </message>
    <message>
      <source>Offline: no connection to the library system yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Offline: noch keine Verbindung zum Bibliothekssystem</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Heute: %1</translation>
    </message>
    <message>
      <source>Scan your health card or library card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Scannen Sie Ihre Gesundheitskarte oder Ihren Bibliotheksausweis</translation>
    </message>
    <message>
      <source>The library is staffed now. Welcome in.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Bibliothek ist jetzt besetzt. Willkommen.</translation>
    </message>
    <message>
      <source>The library is closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Bibliothek ist geschlossen</translation>
    </message>
    <message>
      <source>Out of order</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Außer Betrieb</translation>
    </message>
    <message>
      <source>The door is open – fire alarm</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Tür ist offen – Feueralarm</translation>
    </message>
    <message>
      <source>Leave the building by the nearest exit.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Verlassen Sie das Gebäude durch den nächsten Ausgang.</translation>
    </message>
    <message>
      <source>Do not enter. Follow the instructions of staff and the fire service.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nicht eintreten. Folgen Sie den Anweisungen des Personals und der Feuerwehr.</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Techniker-PIN</translation>
    </message>
    <message>
      <source>Then press OK.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drücken Sie dann OK.</translation>
    </message>
    <message>
      <source>The door is open</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Tür ist offen</translation>
    </message>
    <message>
      <source>The door locks again in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Tür schließt wieder in %1 s</translation>
    </message>
    <message>
      <source>You can try again after %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie können es nach %1 Uhr erneut versuchen.</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Willkommen, %1</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Willkommen</translation>
    </message>
    <message>
      <source>%1 reservations are ready for you to pick up.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 Vormerkungen liegen zur Abholung bereit.</translation>
    </message>
    <message>
      <source>Please try again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Bitte versuchen Sie es erneut</translation>
    </message>
    <message>
      <source>No entry</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Kein Zutritt</translation>
    </message>
    <message>
      <source>Last decisions</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Letzte Entscheidungen</translation>
    </message>
    <message>
      <source>Technician – %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Techniker – %1</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Jetzt synchronisieren</translation>
    </message>
    <message>
      <source>Relay test</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Relais testen</translation>
    </message>
    <message>
      <source>Reload config</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Konfiguration neu laden</translation>
    </message>
    <message>
      <source>Back</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zurück</translation>
    </message>
    <message>
      <source>This week:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Diese Woche:</translation>
    </message>
    <message>
      <source>No decisions logged yet.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Noch keine Entscheidungen protokolliert.</translation>
    </message>
    <message>
      <source>closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">geschlossen</translation>
    </message>
    <message>
      <source>on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">an</translation>
    </message>
    <message>
      <source>off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">aus</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">unlesbar</translation>
    </message>
    <message>
      <source>granted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zutritt</translation>
    </message>
    <message>
      <source>denied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">abgelehnt</translation>
    </message>
    <message>
      <source>(technician)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">(Techniker)</translation>
    </message>
    <message>
      <source>trusted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">vertrauenswürdig</translation>
    </message>
    <message>
      <source>NOT trusted: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">NICHT vertrauenswürdig: %1</translation>
    </message>
    <message>
      <source>never</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nie</translation>
    </message>
    <message>
      <source>Clock: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Uhr: %1</translation>
    </message>
    <message>
      <source>Last purge: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Letzte Löschung: %1</translation>
    </message>
    <message>
      <source>PIN verifiers: %1 memory-hard, %2 fast</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">PIN-Prüfwerte: %1 speicherhart, %2 schnell</translation>
    </message>
    <message>
      <source>none configured</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">keine eingerichtet</translation>
    </message>
    <message>
      <source>Inside (estimate): %1 · door alarms: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drinnen (Schätzung): %1 · Türalarme: %2</translation>
    </message>
    <message>
      <source>Outputs: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausgänge: %1</translation>
    </message>
    <message>
      <source>Next 24 hours:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nächste 24 Stunden:</translation>
    </message>
    <message>
      <source>never synced</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nie synchronisiert</translation>
    </message>
    <message>
      <source>none</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">keine</translation>
    </message>
    <message>
      <source>Version %1 · mode now: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Version %1 · Modus jetzt: %2</translation>
    </message>
    <message>
      <source>Cache: %1 patrons, %2, age %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Cache: %1 Nutzer, %2, Alter %3</translation>
    </message>
    <message>
      <source>Last sync: %1 · error: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Letzte Synchronisierung: %1 · Fehler: %2</translation>
    </message>
    <message>
      <source>Outbox: %1 waiting</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausgang: %1 wartend</translation>
    </message>
    <message>
      <source>Readers: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Leser: %1</translation>
    </message>
    <message>
      <source>Relay: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Relais: %1</translation>
    </message>
    <message>
      <source>Faults: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Störungen: %1</translation>
    </message>
    <message>
      <source>staffed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">besetzt</translation>
    </message>
    <message>
      <source>self-service</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Selbstbedienung</translation>
    </message>
    <message>
      <source>connected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">verbunden</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">getrennt</translation>
    </message>
    <message>
      <source>error</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Fehler</translation>
    </message>
    <message>
      <source>fault: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Störung: %1</translation>
    </message>
    <message>
      <source>overdue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">überfällig</translation>
    </message>
    <message>
      <source>failed %1 times: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1-mal fehlgeschlagen: %2</translation>
    </message>
    <message>
      <source>last success %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">zuletzt erfolgreich %1</translation>
    </message>
    <message>
      <source>estimate to 0</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Schätzung auf 0</translation>
    </message>
    <message>
      <source>Background jobs:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Hintergrundaufgaben:</translation>
    </message>
    <message>
      <source>special day</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">besonderer Tag</translation>
    </message>
    <message>
      <source>health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Gesundheitskarte</translation>
    </message>
    <message>
      <source>card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausweis</translation>
    </message>
    <message>
      <source>next try %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nächster Versuch %1</translation>
    </message>
    <message>
      <source>if empty</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wenn leer</translation>
    </message>
    <message>
      <source>if occupied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wenn jemand drinnen ist</translation>
    </message>
    <message>
      <source>We open again on %1 at %2.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wir öffnen wieder am %1 um %2 Uhr.</translation>
    </message>
    <message>
      <source>%1 days</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 Tagen</translation>
    </message>
    <message>
      <source>Monday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Montag</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Dienstag</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mittwoch</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Donnerstag</translation>
    </message>
    <message>
      <source>Friday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Freitag</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Samstag</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sonntag</translation>
    </message>
    <message>
      <source>Mon</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mo</translation>
    </message>
    <message>
      <source>Tue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Di</translation>
    </message>
    <message>
      <source>Wed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mi</translation>
    </message>
    <message>
      <source>Thu</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Do</translation>
    </message>
    <message>
      <source>Fri</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Fr</translation>
    </message>
    <message>
      <source>Sat</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sa</translation>
    </message>
    <message>
      <source>Sun</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">So</translation>
    </message>
    <message>
      <source>Closed all day today</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Heute ganztägig geschlossen</translation>
    </message>
    <message>
      <source>No opening hours are planned for the next two weeks.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Für die nächsten zwei Wochen sind keine Öffnungszeiten geplant.</translation>
    </message>
    <message>
      <source>We open again today at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wir öffnen heute wieder um %1 Uhr.</translation>
    </message>
    <message>
      <source>We open again tomorrow at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wir öffnen morgen wieder um %1 Uhr.</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 Min.</translation>
    </message>
    <message>
      <source>%1 hours</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 Stunden</translation>
    </message>
    <message>
      <source>Self-service %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Selbstbedienung %1</translation>
    </message>
    <message>
      <source>staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">besetzt %1</translation>
    </message>
    <message>
      <source>Staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Besetzt %1</translation>
    </message>
    <message>
      <source>You have 1 attempt left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben noch 1 Versuch.</translation>
    </message>
    <message>
      <source>You have %1 attempts left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben noch %1 Versuche.</translation>
    </message>
    <message>
      <source>Digit entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ziffer eingegeben</translation>
    </message>
    <message>
      <source>Reading aloud is on.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Vorlesen ist eingeschaltet.</translation>
    </message>
    <message>
      <source>More time</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mehr Zeit</translation>
    </message>
    <message>
      <source>More time: start the countdown again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mehr Zeit: den Countdown neu starten</translation>
    </message>
    <message>
      <source>Door unlocked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Tür entriegelt</translation>
    </message>
    <message>
      <source>Door locked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Tür verriegelt</translation>
    </message>
    <message>
      <source>Choose your language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wählen Sie Ihre Sprache</translation>
    </message>
    <message>
      <source>Keep the language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sprache beibehalten</translation>
    </message>
    <message>
      <source>⌫ Erase</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">⌫ Löschen</translation>
    </message>
    <message>
      <source>Erase the last digit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die letzte Ziffer löschen</translation>
    </message>
    <message>
      <source>Confirm the PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">PIN bestätigen</translation>
    </message>
    <message>
      <source>%1 of %2 digits entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 von %2 Ziffern eingegeben</translation>
    </message>
    <message>
      <source>Picture: hold the card flat over the reader below the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Bild: Halten Sie die Karte flach über das Lesegerät unter dem Bildschirm</translation>
    </message>
    <message>
      <source>Welcome. The door is open.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Willkommen. Die Tür ist offen.</translation>
    </message>
    <message>
      <source>This card is not known here. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Diese Karte ist hier nicht bekannt. Bitte wenden Sie sich während der besetzten Öffnungszeiten an das Personal.</translation>
    </message>
    <message>
      <source>The card could not be read. Please try again and hold the card still.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Karte konnte nicht gelesen werden. Bitte versuchen Sie es erneut und halten Sie die Karte ruhig.</translation>
    </message>
    <message>
      <source>This card has been reported lost and cannot be used. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Diese Karte ist als verloren gemeldet und kann nicht benutzt werden. Bitte wenden Sie sich während der besetzten Öffnungszeiten an das Personal.</translation>
    </message>
    <message>
      <source>You do not have access at the moment. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben im Moment keinen Zutritt. Bitte wenden Sie sich während der besetzten Öffnungszeiten an das Personal.</translation>
    </message>
    <message>
      <source>You have an outstanding balance. Pay on the library website or at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben einen offenen Betrag. Bezahlen Sie auf der Website der Bibliothek oder an der Theke.</translation>
    </message>
    <message>
      <source>You are too young for self-service access. Please come with an adult.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie sind zu jung für den Selbstbedienungszutritt. Bitte kommen Sie mit einem Erwachsenen.</translation>
    </message>
    <message>
      <source>You are not signed up for self-service access. Sign up at the desk or online.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie sind nicht für den Selbstbedienungszutritt angemeldet. Melden Sie sich an der Theke oder online an.</translation>
    </message>
    <message>
      <source>Your type of membership does not include self-service access. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ihre Mitgliedsart umfasst keinen Selbstbedienungszutritt. Bitte wenden Sie sich während der besetzten Öffnungszeiten an das Personal.</translation>
    </message>
    <message>
      <source>You do not have access to this library. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben keinen Zutritt zu dieser Bibliothek. Bitte wenden Sie sich während der besetzten Öffnungszeiten an das Personal.</translation>
    </message>
    <message>
      <source>Wrong PIN. Please try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Falsche PIN. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. The card is locked for a while. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zu viele falsche PINs. Die Karte ist für eine Weile gesperrt. Bitte wenden Sie sich während der besetzten Öffnungszeiten an das Personal.</translation>
    </message>
    <message>
      <source>The library is closed now. See the opening hours on the sign.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Bibliothek ist jetzt geschlossen. Die Öffnungszeiten stehen auf dem Schild.</translation>
    </message>
    <message>
      <source>The door is out of service. Use another entrance or come back later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Tür ist außer Betrieb. Benutzen Sie einen anderen Eingang oder kommen Sie später wieder.</translation>
    </message>
    <message>
      <source>We cannot check access right now. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wir können den Zutritt gerade nicht prüfen. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
      <source>We cannot check you right now because the library system is unreachable. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wir können Sie gerade nicht prüfen, weil das Bibliothekssystem nicht erreichbar ist. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
      <source>The door could not be opened. Please try again shortly or use another entrance.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Die Tür konnte nicht geöffnet werden. Bitte versuchen Sie es gleich noch einmal oder benutzen Sie einen anderen Eingang.</translation>
    </message>
    <message>
      <source>Many wrong PINs have been typed here. Please wait a minute and try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Hier wurden viele falsche PINs eingegeben. Bitte warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
      <source>Reserved for someone else. Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Für jemand anderen vorgemerkt. Bitte lassen Sie es an der Theke.</translation>
    </message>
    <message>
      <source>Not for loan.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nicht ausleihbar.</translation>
    </message>
    <message>
      <source>You have too many loans. Return something first.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sie haben zu viele Ausleihen. Geben Sie zuerst etwas zurück.</translation>
    </message>
    <message>
      <source>Age-restricted.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Mit Altersbeschränkung.</translation>
    </message>
    <message>
      <source>Your account is blocked. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ihr Konto ist gesperrt. Bitte fragen Sie das Personal.</translation>
    </message>
    <message>
      <source>This loan has a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Diese Ausleihe ist gebührenpflichtig. Akzeptieren Sie die Gebühr?</translation>
    </message>
    <message>
      <source>Not borrowed: you declined the fee.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nicht ausgeliehen: Sie haben die Gebühr abgelehnt.</translation>
    </message>
    <message>
      <source>Unknown item. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Unbekanntes Medium. Bitte fragen Sie das Personal.</translation>
    </message>
    <message>
      <source>This item is not on loan to you.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Dieses Medium ist nicht an Sie ausgeliehen.</translation>
    </message>
    <message>
      <source>Borrowing is not possible right now. Please try later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ausleihen ist gerade nicht möglich. Bitte versuchen Sie es später.</translation>
    </message>
    <message>
      <source>Cannot be borrowed here. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Kann hier nicht ausgeliehen werden. Bitte fragen Sie das Personal.</translation>
    </message>
  </context>
</TS>
