<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>kiosk</name>
    <message>
      <source>Checking…</source>
      <translation>Et øjeblik, vi tjekker …</translation>
    </message>
    <message>
      <source>One moment …</source>
      <translation>Et øjeblik …</translation>
    </message>
    <message>
      <source>Asking the library system.</source>
      <translation>Vi spørger bibliotekssystemet.</translation>
    </message>
    <message>
      <source>Borrow and return</source>
      <translation>Lån og aflever</translation>
    </message>
    <message>
      <source>Scan your library card or health card</source>
      <translation>Scan dit lånerkort eller sundhedskort</translation>
    </message>
    <message>
      <source>Then type your PIN on the screen.</source>
      <translation>Derefter taster du din pinkode på skærmen.</translation>
    </message>
    <message>
      <source>Returning something? Just scan its barcode, no card needed.</source>
      <translation>Vil du aflevere? Scan bare stregkoden – det kræver intet kort.</translation>
    </message>
    <message>
      <source>Barcode</source>
      <translation>Stregkode</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Aflever</translation>
    </message>
    <message>
      <source>Scan the next item, or your card to borrow.</source>
      <translation>Scan det næste, eller dit kort for at låne.</translation>
    </message>
    <message>
      <source>Type your PIN</source>
      <translation>Tast din pinkode</translation>
    </message>
    <message>
      <source>Your card has been read. Use the keys on the screen.</source>
      <translation>Dit kort er læst. Brug tasterne på skærmen.</translation>
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
      <source>Scan the barcode of what you want to borrow</source>
      <translation>Scan stregkoden på det, du vil låne</translation>
    </message>
    <message>
      <source>This loan costs a fee. Do you accept it?</source>
      <translation>Lånet koster et gebyr. Vil du betale det?</translation>
    </message>
    <message>
      <source>Accept the fee</source>
      <translation>Acceptér gebyr</translation>
    </message>
    <message>
      <source>No thanks</source>
      <translation>Nej tak</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Tilføj</translation>
    </message>
    <message>
      <source>My account</source>
      <translation>Min konto</translation>
    </message>
    <message>
      <source>Done – log out</source>
      <translation>Færdig – log ud</translation>
    </message>
    <message>
      <source>Your loans</source>
      <translation>Dine lån</translation>
    </message>
    <message>
      <source>Renew all</source>
      <translation>Forny alle</translation>
    </message>
    <message>
      <source>Ready for pickup</source>
      <translation>Klar til afhentning</translation>
    </message>
    <message>
      <source>Fees</source>
      <translation>Gebyrer</translation>
    </message>
    <message>
      <source>Back to borrowing</source>
      <translation>Tilbage til lån</translation>
    </message>
    <message>
      <source>Thank you for your visit</source>
      <translation>Tak for besøget</translation>
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
      <source>You could not be logged in</source>
      <translation>Du kunne ikke logges ind</translation>
    </message>
    <message>
      <source>Back to the start in %1 s</source>
      <translation>Tilbage til start om %1 s</translation>
    </message>
    <message>
      <source>You will be logged out in %1 s – touch the screen to go on</source>
      <translation>Du bliver logget ud om %1 s – tryk for at fortsætte</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translation>Tilbage til start om %1 s, hvis du ikke taster</translation>
    </message>
    <message>
      <source>Hello %1</source>
      <translation>Hej %1</translation>
    </message>
    <message>
      <source>Hello</source>
      <translation>Hej</translation>
    </message>
    <message>
      <source>No connection to the library system: your loans are sent later.</source>
      <translation>Ingen forbindelse til bibliotekssystemet: dine lån bliver sendt senere.</translation>
    </message>
    <message>
      <source>Hold the barcode under the scanner. Each item shows here.</source>
      <translation>Hold stregkoden under scanneren. Hvert lån vises her.</translation>
    </message>
    <message>
      <source>… and %1 more under My account.</source>
      <translation>… og %1 mere under Min konto.</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Ingen</translation>
    </message>
    <message>
      <source>Renew</source>
      <translation>Forny</translation>
    </message>
    <message>
      <source>You are logged out. You borrowed:</source>
      <translation>Du er logget ud. Du har lånt:</translation>
    </message>
    <message>
      <source>You are logged out. Nothing was borrowed.</source>
      <translation>Du er logget ud. Du har ikke lånt noget.</translation>
    </message>
    <message>
      <source>… and %1 more.</source>
      <translation>… og %1 mere.</translation>
    </message>
    <message>
      <source>You have no loans.</source>
      <translation>Du har ingen lån.</translation>
    </message>
    <message>
      <source>due %1</source>
      <translation>afleveres senest %1</translation>
    </message>
    <message>
      <source>Put it on the return shelf.</source>
      <translation>Læg den på returhylden.</translation>
    </message>
    <message>
      <source>%1: pickup number %2, by %3</source>
      <translation>%1: afhentningsnummer %2, senest %3</translation>
    </message>
    <message>
      <source>Renewed</source>
      <translation>Fornyet</translation>
    </message>
    <message>
      <source>Borrowed</source>
      <translation>Lånt</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Afleveret</translation>
    </message>
    <message>
      <source>Could not be returned</source>
      <translation>Kunne ikke afleveres</translation>
    </message>
    <message>
      <source>Please leave it at the desk.</source>
      <translation>Læg den ved skranken.</translation>
    </message>
    <message>
      <source>Put it on the staff shelf.</source>
      <translation>Læg den på personalehylden.</translation>
    </message>
    <message>
      <source>%1 – it is reserved for someone else.</source>
      <translation>%1 – den er reserveret til en anden.</translation>
    </message>
    <message>
      <source>%1 – it belongs to another branch.</source>
      <translation>%1 – den hører til en anden filial.</translation>
    </message>
    <message>
      <source>Due %1</source>
      <translation>Afleveres senest %1</translation>
    </message>
    <message>
      <source>Borrowed (sent later)</source>
      <translation>Lånt (sendes senere)</translation>
    </message>
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
      <source>Technician PIN</source>
      <translation>Teknikerens pinkode</translation>
    </message>
    <message>
      <source>Then press OK.</source>
      <translation>Tryk derefter OK.</translation>
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
