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
      <source>Language</source>
      <translation>Sprog</translation>
    </message>
    <message>
      <source>Read aloud</source>
      <translation>Læs op</translation>
    </message>
    <message>
      <source>Choose another language</source>
      <translation>Vælg et andet sprog</translation>
    </message>
    <message>
      <source>Read aloud: on</source>
      <translation>Oplæsning: til</translation>
    </message>
    <message>
      <source>Read aloud: off</source>
      <translation>Oplæsning: fra</translation>
    </message>
    <message>
      <source>My account</source>
      <translation>Min konto</translation>
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
      <source>Renew</source>
      <translation>Forny</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Ingen</translation>
    </message>
    <message>
      <source>You have no loans.</source>
      <translation>Du har ingen lån.</translation>
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
      <source>Scan the next item, or your card to borrow.</source>
      <translation>Scan det næste, eller dit kort for at låne.</translation>
    </message>
    <message>
      <source>Type the barcode number</source>
      <translation>Tast stregkodens nummer</translation>
    </message>
    <message>
      <source>Type the barcode number on the screen</source>
      <translation>Tast stregkodens nummer på skærmen</translation>
    </message>
    <message>
      <source>Type the number under the barcode</source>
      <translation>Tast nummeret under stregkoden</translation>
    </message>
    <message>
      <source>Then press %1.</source>
      <translation>Tryk derefter på %1.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Afbryd</translation>
    </message>
    <message>
      <source>No digits yet</source>
      <translation>Ingen cifre endnu</translation>
    </message>
    <message>
      <source>Done – log out</source>
      <translation>Færdig – log ud</translation>
    </message>
    <message>
      <source>You will be logged out in %1 s – touch the screen to go on</source>
      <translation>Du bliver logget ud om %1 s – tryk for at fortsætte</translation>
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
      <source>Cancel and take back the card</source>
      <translation>Afbryd og tag kortet tilbage</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translation>Tilbage til start om %1 s, hvis du ikke taster</translation>
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
      <source>Thank you for your visit</source>
      <translation>Tak for besøget</translation>
    </message>
    <message>
      <source>You could not be logged in</source>
      <translation>Du kunne ikke logges ind</translation>
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
      <source>Return</source>
      <translation>Aflever</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Tilføj</translation>
    </message>
    <message>
      <source>This loan costs a fee. Do you accept it?</source>
      <translation>Lånet koster et gebyr. Vil du betale det?</translation>
    </message>
    <message>
      <source>Scan the barcode of what you want to borrow</source>
      <translation>Scan stregkoden på det, du vil låne</translation>
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
      <source>1 earlier item could not be borrowed.</source>
      <translation>1 tidligere materiale kunne ikke lånes.</translation>
    </message>
    <message>
      <source>Your next scan waits for your answer.</source>
      <translation>Din næste scanning venter på dit svar.</translation>
    </message>
    <message>
      <source>%1 earlier items could not be borrowed.</source>
      <translation>%1 tidligere materialer kunne ikke lånes.</translation>
    </message>
    <message>
      <source>Your next %1 scans wait for your answer.</source>
      <translation>Dine næste %1 scanninger venter på dit svar.</translation>
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
      <source>Last decisions</source>
      <translation>Seneste afgørelser</translation>
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
      <source>closed</source>
      <translation>lukket</translation>
    </message>
    <message>
      <source>on</source>
      <translation>tændt</translation>
    </message>
    <message>
      <source>off</source>
      <translation>slukket</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translation>ulæseligt</translation>
    </message>
    <message>
      <source>granted</source>
      <translation>adgang</translation>
    </message>
    <message>
      <source>denied</source>
      <translation>afvist</translation>
    </message>
    <message>
      <source>(technician)</source>
      <translation>(tekniker)</translation>
    </message>
    <message>
      <source>trusted</source>
      <translation>pålideligt</translation>
    </message>
    <message>
      <source>NOT trusted: %1</source>
      <translation>IKKE pålideligt: %1</translation>
    </message>
    <message>
      <source>never</source>
      <translation>aldrig</translation>
    </message>
    <message>
      <source>Clock: %1</source>
      <translation>Ur: %1</translation>
    </message>
    <message>
      <source>Last purge: %1</source>
      <translation>Seneste sletning: %1</translation>
    </message>
    <message>
      <source>PIN verifiers: %1 memory-hard, %2 fast</source>
      <translation>PIN-verifikatorer: %1 hukommelsestunge, %2 hurtige</translation>
    </message>
    <message>
      <source>none configured</source>
      <translation>ingen konfigureret</translation>
    </message>
    <message>
      <source>Inside (estimate): %1 · door alarms: %2</source>
      <translation>Inde (skøn): %1 · døralarmer: %2</translation>
    </message>
    <message>
      <source>Outputs: %1</source>
      <translation>Udgange: %1</translation>
    </message>
    <message>
      <source>Next 24 hours:</source>
      <translation>De næste 24 timer:</translation>
    </message>
    <message>
      <source>never synced</source>
      <translation>aldrig synkroniseret</translation>
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
      <source>staffed</source>
      <translation>bemandet</translation>
    </message>
    <message>
      <source>self-service</source>
      <translation>selvbetjening</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>forbundet</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translation>afbrudt</translation>
    </message>
    <message>
      <source>error</source>
      <translation>fejl</translation>
    </message>
    <message>
      <source>fault: %1</source>
      <translation>fejl: %1</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>forsinket</translation>
    </message>
    <message>
      <source>failed %1 times: %2</source>
      <translation>fejlet %1 gange: %2</translation>
    </message>
    <message>
      <source>last success %1</source>
      <translation>sidst lykkedes %1</translation>
    </message>
    <message>
      <source>estimate to 0</source>
      <translation>skøn sættes til 0</translation>
    </message>
    <message>
      <source>Background jobs:</source>
      <translation>Baggrundsopgaver:</translation>
    </message>
    <message>
      <source>special day</source>
      <translation>særlig dag</translation>
    </message>
    <message>
      <source>health card</source>
      <translation>sundhedskort</translation>
    </message>
    <message>
      <source>card</source>
      <translation>kort</translation>
    </message>
    <message>
      <source>next try %1</source>
      <translation>næste forsøg %1</translation>
    </message>
    <message>
      <source>if empty</source>
      <translation>hvis tomt</translation>
    </message>
    <message>
      <source>if occupied</source>
      <translation>hvis nogen er inde</translation>
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
      <source>Mon</source>
      <translation>man</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>tir</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>ons</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>tor</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>fre</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>lør</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>søn</translation>
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
      <source>You have 1 attempt left.</source>
      <translation>Du har 1 forsøg tilbage.</translation>
    </message>
    <message>
      <source>You have %1 attempts left.</source>
      <translation>Du har %1 forsøg tilbage.</translation>
    </message>
    <message>
      <source>Digit entered</source>
      <translation>Ciffer tastet</translation>
    </message>
    <message>
      <source>Reading aloud is on.</source>
      <translation>Oplæsning er slået til.</translation>
    </message>
    <message>
      <source>More time</source>
      <translation>Mere tid</translation>
    </message>
    <message>
      <source>More time: start the countdown again</source>
      <translation>Mere tid: start nedtællingen forfra</translation>
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
      <source>Choose your language</source>
      <translation>Vælg dit sprog</translation>
    </message>
    <message>
      <source>Keep the language</source>
      <translation>Behold sproget</translation>
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
    <message>
      <source>Welcome. The door is open.</source>
      <translation>Velkommen. Døren er åben.</translation>
    </message>
    <message>
      <source>This card is not known here. Please contact the staff during staffed opening hours.</source>
      <translation>Kortet er ikke kendt her. Kontakt personalet i den bemandede åbningstid.</translation>
    </message>
    <message>
      <source>The card could not be read. Please try again and hold the card still.</source>
      <translation>Kortet kunne ikke læses. Prøv igen, og hold kortet stille.</translation>
    </message>
    <message>
      <source>This card has been reported lost and cannot be used. Please contact the staff during staffed opening hours.</source>
      <translation>Kortet er meldt mistet og kan ikke bruges. Kontakt personalet i den bemandede åbningstid.</translation>
    </message>
    <message>
      <source>You do not have access at the moment. Please contact the staff during staffed opening hours.</source>
      <translation>Du har ikke adgang lige nu. Kontakt personalet i den bemandede åbningstid.</translation>
    </message>
    <message>
      <source>You have an outstanding balance. Pay on the library website or at the desk.</source>
      <translation>Du har et udestående beløb. Betal på bibliotekets hjemmeside eller hos personalet.</translation>
    </message>
    <message>
      <source>You are too young for self-service access. Please come with an adult.</source>
      <translation>Du er for ung til selvbetjent adgang. Kom sammen med en voksen.</translation>
    </message>
    <message>
      <source>You are not signed up for self-service access. Sign up at the desk or online.</source>
      <translation>Du er ikke tilmeldt selvbetjent adgang. Tilmeld dig hos personalet eller online.</translation>
    </message>
    <message>
      <source>Your type of membership does not include self-service access. Please contact the staff during staffed opening hours.</source>
      <translation>Din lånertype giver ikke selvbetjent adgang. Kontakt personalet i den bemandede åbningstid.</translation>
    </message>
    <message>
      <source>You do not have access to this library. Please contact the staff during staffed opening hours.</source>
      <translation>Du har ikke adgang til dette bibliotek. Kontakt personalet i den bemandede åbningstid.</translation>
    </message>
    <message>
      <source>Wrong PIN. Please try again.</source>
      <translation>Forkert pinkode. Prøv igen.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. The card is locked for a while. Please contact the staff during staffed opening hours.</source>
      <translation>For mange forkerte pinkoder. Kortet er spærret et stykke tid. Kontakt personalet i den bemandede åbningstid.</translation>
    </message>
    <message>
      <source>The library is closed now. See the opening hours on the sign.</source>
      <translation>Biblioteket er lukket nu. Se åbningstiderne på skiltet.</translation>
    </message>
    <message>
      <source>The door is out of service. Use another entrance or come back later.</source>
      <translation>Døren er ude af drift. Brug en anden indgang eller kom igen senere.</translation>
    </message>
    <message>
      <source>We cannot check access right now. Please try again later.</source>
      <translation>Vi kan ikke kontrollere adgang lige nu. Prøv igen senere.</translation>
    </message>
    <message>
      <source>We cannot check you right now because the library system is unreachable. Please try again later.</source>
      <translation>Vi kan ikke kontrollere dig lige nu, fordi forbindelsen til biblioteket mangler. Prøv igen senere.</translation>
    </message>
    <message>
      <source>The door could not be opened. Please try again shortly or use another entrance.</source>
      <translation>Døren kunne ikke åbnes. Prøv igen om lidt, eller brug en anden indgang.</translation>
    </message>
    <message>
      <source>Many wrong PINs have been typed here. Please wait a minute and try again.</source>
      <translation>Der er tastet mange forkerte pinkoder her. Vent et minut, og prøv igen.</translation>
    </message>
    <message>
      <source>Reserved for someone else. Please leave it at the desk.</source>
      <translation>Reserveret til en anden låner. Aflever den ved skranken.</translation>
    </message>
    <message>
      <source>Not for loan.</source>
      <translation>Kan ikke lånes med hjem.</translation>
    </message>
    <message>
      <source>You have too many loans. Return something first.</source>
      <translation>Du har for mange lån. Aflever noget først.</translation>
    </message>
    <message>
      <source>Age-restricted.</source>
      <translation>Har en aldersgrænse.</translation>
    </message>
    <message>
      <source>Your account is blocked. Please ask the staff.</source>
      <translation>Din konto er spærret. Kontakt personalet.</translation>
    </message>
    <message>
      <source>This loan has a fee. Do you accept it?</source>
      <translation>Lånet koster et gebyr. Vil du acceptere det?</translation>
    </message>
    <message>
      <source>Not borrowed: you declined the fee.</source>
      <translation>Ikke lånt: du sagde nej tak til gebyret.</translation>
    </message>
    <message>
      <source>Unknown item. Please ask the staff.</source>
      <translation>Ukendt materiale. Spørg personalet.</translation>
    </message>
    <message>
      <source>This item is not on loan to you.</source>
      <translation>Materialet er ikke lånt af dig.</translation>
    </message>
    <message>
      <source>Borrowing is not possible right now. Please try later.</source>
      <translation>Udlån er ikke muligt lige nu. Prøv igen senere.</translation>
    </message>
    <message>
      <source>Cannot be borrowed here. Please ask the staff.</source>
      <translation>Kan ikke lånes her. Spørg personalet.</translation>
    </message>
  </context>
</TS>
