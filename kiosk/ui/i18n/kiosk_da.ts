<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>kiosk</name>
    <message>
      <source>Offline: data from %1 ago</source>
      <translation>Offline: data fra for %1 siden</translation>
    </message>
    <message>
      <source>Offline: no connection to the library system yet</source>
      <translation>Offline: endnu ingen forbindelse til bibliotekssystemet</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translation>I dag: %1</translation>
    </message>
    <message>
      <source>Scan your health card or library card</source>
      <translation>Scan dit sundhedskort eller lånerkort</translation>
    </message>
    <message>
      <source>The library is staffed now. Welcome in.</source>
      <translation>Biblioteket er bemandet nu. Velkommen indenfor.</translation>
    </message>
    <message>
      <source>Then type your PIN on the screen.</source>
      <translation>Derefter taster du din pinkode på skærmen.</translation>
    </message>
    <message>
      <source>The library is closed</source>
      <translation>Biblioteket er lukket</translation>
    </message>
    <message>
      <source>Out of order</source>
      <translation>Ude af drift</translation>
    </message>
    <message>
      <source>The door is open – fire alarm</source>
      <translation>Døren er åben – brandalarm</translation>
    </message>
    <message>
      <source>Leave the building by the nearest exit.</source>
      <translation>Forlad bygningen ad nærmeste udgang.</translation>
    </message>
    <message>
      <source>Do not enter. Follow the instructions of staff and the fire service.</source>
      <translation>Gå ikke ind. Følg anvisninger fra personale og brandvæsen.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Afbryd</translation>
    </message>
    <message>
      <source>Cancel and take back the card</source>
      <translation>Afbryd og tag kortet tilbage</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translation>Tilbage til start om %1 s, hvis du ikke taster</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translation>Teknikerens pinkode</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Et øjeblik, vi tjekker …</translation>
    </message>
    <message>
      <source>Type your PIN</source>
      <translation>Tast din pinkode</translation>
    </message>
    <message>
      <source>Then press OK.</source>
      <translation>Tryk derefter OK.</translation>
    </message>
    <message>
      <source>Your card has been read. Use the keys on the screen.</source>
      <translation>Dit kort er læst. Brug tasterne på skærmen.</translation>
    </message>
    <message>
      <source>The door is open</source>
      <translation>Døren er åben</translation>
    </message>
    <message>
      <source>The door locks again in %1 s</source>
      <translation>Døren låses igen om %1 s</translation>
    </message>
    <message>
      <source>You can try again after %1.</source>
      <translation>Du kan prøve igen efter kl. %1.</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Back to the start</source>
      <translation>Tilbage til start</translation>
    </message>
    <message>
      <source>Back to the start in %1 s</source>
      <translation>Tilbage til start om %1 s</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translation>Velkommen, %1</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation>Velkommen</translation>
    </message>
    <message>
      <source>%1 reservations are ready for you to pick up.</source>
      <translation>Du har %1 reserveringer klar til afhentning.</translation>
    </message>
    <message>
      <source>Please try again</source>
      <translation>Prøv igen</translation>
    </message>
    <message>
      <source>No entry</source>
      <translation>Ingen adgang</translation>
    </message>
    <message>
      <source>never synced</source>
      <translation>aldrig synkroniseret</translation>
    </message>
    <message>
      <source>none configured</source>
      <translation>ingen konfigureret</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ingen</translation>
    </message>
    <message>
      <source>Version %1 · mode now: %2</source>
      <translation>Version %1 · tilstand nu: %2</translation>
    </message>
    <message>
      <source>Cache: %1 patrons, %2, age %3</source>
      <translation>Cache: %1 lånere, %2, alder %3</translation>
    </message>
    <message>
      <source>Last sync: %1 · error: %2</source>
      <translation>Seneste synkronisering: %1 · fejl: %2</translation>
    </message>
    <message>
      <source>Outbox: %1 waiting</source>
      <translation>Udbakke: %1 venter</translation>
    </message>
    <message>
      <source>Readers: %1</source>
      <translation>Læsere: %1</translation>
    </message>
    <message>
      <source>Relay: %1</source>
      <translation>Relæ: %1</translation>
    </message>
    <message>
      <source>Faults: %1</source>
      <translation>Fejl: %1</translation>
    </message>
    <message>
      <source>Technician – %1</source>
      <translation>Tekniker – %1</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Synkronisér nu</translation>
    </message>
    <message>
      <source>Relay test</source>
      <translation>Test relæ</translation>
    </message>
    <message>
      <source>Reload config</source>
      <translation>Genindlæs konfiguration</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Tilbage</translation>
    </message>
    <message>
      <source>This week:</source>
      <translation>Denne uge:</translation>
    </message>
    <message>
      <source>No decisions logged yet.</source>
      <translation>Ingen afgørelser logget endnu.</translation>
    </message>
    <message>
      <source>We open again on %1 at %2.</source>
      <translation>Vi åbner igen %1 kl. %2.</translation>
    </message>
    <message>
      <source>%1 days</source>
      <translation>%1 dage</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>Mandag</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>Tirsdag</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>Onsdag</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>Torsdag</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>Fredag</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>Lørdag</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>Søndag</translation>
    </message>
    <message>
      <source>Closed all day today</source>
      <translation>Lukket hele dagen i dag</translation>
    </message>
    <message>
      <source>No opening hours are planned for the next two weeks.</source>
      <translation>Der er ingen planlagte åbningstider de næste to uger.</translation>
    </message>
    <message>
      <source>We open again today at %1.</source>
      <translation>Vi åbner igen i dag kl. %1.</translation>
    </message>
    <message>
      <source>We open again tomorrow at %1.</source>
      <translation>Vi åbner igen i morgen kl. %1.</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1 min</translation>
    </message>
    <message>
      <source>%1 hours</source>
      <translation>%1 timer</translation>
    </message>
    <message>
      <source>Self-service %1</source>
      <translation>Selvbetjent %1</translation>
    </message>
    <message>
      <source>staffed %1</source>
      <translation>bemandet %1</translation>
    </message>
    <message>
      <source>Staffed %1</source>
      <translation>Bemandet %1</translation>
    </message>
    <message>
      <source>Door unlocked</source>
      <translation>Døren er låst op</translation>
    </message>
    <message>
      <source>Door locked</source>
      <translation>Døren er låst</translation>
    </message>
    <message>
      <source>⌫ Erase</source>
      <translation>⌫ Slet</translation>
    </message>
    <message>
      <source>Erase the last digit</source>
      <translation>Slet det sidste ciffer</translation>
    </message>
    <message>
      <source>Confirm the PIN</source>
      <translation>Bekræft pinkoden</translation>
    </message>
    <message>
      <source>%1 of %2 digits entered</source>
      <translation>%1 af %2 cifre tastet</translation>
    </message>
    <message>
      <source>Picture: hold the card flat over the reader below the screen</source>
      <translation>Billede: hold kortet fladt over læseren under skærmen</translation>
    </message>
  </context>
</TS>
