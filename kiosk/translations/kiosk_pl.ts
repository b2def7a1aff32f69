<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en">
  <context>
    <name>kiosk</name>
    <message>
      <source>Checking…</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Chwileczkę, sprawdzamy …</translation>
    </message>
    <message>
      <source>Language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Język</translation>
    </message>
    <message>
      <source>Read aloud</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Słuchaj</translation>
    </message>
    <message>
      <source>Choose another language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wybierz inny język</translation>
    </message>
    <message>
      <source>Read aloud: on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Czytanie na głos: włączone</translation>
    </message>
    <message>
      <source>Read aloud: off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Czytanie na głos: wyłączone</translation>
    </message>
    <message>
      <source>My account</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Moje konto</translation>
    </message>
    <message>
      <source>Your loans</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Twoje wypożyczenia</translation>
    </message>
    <message>
      <source>Renew all</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Prolonguj wszystkie</translation>
    </message>
    <message>
      <source>Ready for pickup</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Gotowe do odbioru</translation>
    </message>
    <message>
      <source>Fees</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Opłaty</translation>
    </message>
    <message>
      <source>Back to borrowing</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wróć do wypożyczania</translation>
    </message>
    <message>
      <source>Renew</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Prolonguj</translation>
    </message>
    <message>
      <source>None</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Brak</translation>
    </message>
    <message>
      <source>You have no loans.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie masz wypożyczeń.</translation>
    </message>
    <message>
      <source>One moment …</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Chwileczkę …</translation>
    </message>
    <message>
      <source>Asking the library system.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Pytamy system biblioteczny.</translation>
    </message>
    <message>
      <source>Borrow and return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wypożycz i zwróć</translation>
    </message>
    <message>
      <source>Scan your library card or health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zeskanuj kartę biblioteczną lub kartę ubezpieczenia zdrowotnego</translation>
    </message>
    <message>
      <source>Then type your PIN on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Następnie wpisz PIN na ekranie.</translation>
    </message>
    <message>
      <source>Returning something? Just scan its barcode, no card needed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Chcesz coś zwrócić? Zeskanuj kod kreskowy, karta nie jest potrzebna.</translation>
    </message>
    <message>
      <source>Scan the next item, or your card to borrow.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zeskanuj następną pozycję albo swoją kartę, aby wypożyczyć.</translation>
    </message>
    <message>
      <source>Type the barcode number</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisz numer kodu kreskowego</translation>
    </message>
    <message>
      <source>Type the barcode number on the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisz numer kodu kreskowego na ekranie</translation>
    </message>
    <message>
      <source>Type the number under the barcode</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisz numer pod kodem kreskowym</translation>
    </message>
    <message>
      <source>Then press %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Następnie naciśnij %1.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Anuluj</translation>
    </message>
    <message>
      <source>No digits yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Jeszcze brak cyfr</translation>
    </message>
    <message>
      <source>Done – log out</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Gotowe – wyloguj</translation>
    </message>
    <message>
      <source>You will be logged out in %1 s – touch the screen to go on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wylogowanie za %1 s – dotknij ekranu, aby kontynuować</translation>
    </message>
    <message>
      <source>Type your PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisz swój PIN</translation>
    </message>
    <message>
      <source>Your card has been read. Use the keys on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Karta została odczytana. Użyj klawiszy na ekranie.</translation>
    </message>
    <message>
      <source>Cancel and take back the card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Anuluj i zabierz kartę</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Powrót do początku za %1 s, jeśli nic nie wpiszesz</translation>
    </message>
    <message>
      <source>OK</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">OK</translation>
    </message>
    <message>
      <source>Back to the start</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Powrót do początku</translation>
    </message>
    <message>
      <source>Back to the start in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Powrót do początku za %1 s</translation>
    </message>
    <message>
      <source>Thank you for your visit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Dziękujemy za wizytę</translation>
    </message>
    <message>
      <source>You could not be logged in</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie udało się zalogować</translation>
    </message>
    <message>
      <source>You are logged out. You borrowed:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wylogowano. Wypożyczono:</translation>
    </message>
    <message>
      <source>You are logged out. Nothing was borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wylogowano. Nic nie wypożyczono.</translation>
    </message>
    <message>
      <source>… and %1 more.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… i %1 więcej.</translation>
    </message>
    <message>
      <source>Return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zwróć</translation>
    </message>
    <message>
      <source>Add</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Dodaj</translation>
    </message>
    <message>
      <source>This loan costs a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">To wypożyczenie jest płatne. Czy akceptujesz opłatę?</translation>
    </message>
    <message>
      <source>Scan the barcode of what you want to borrow</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zeskanuj kod kreskowy tego, co chcesz wypożyczyć</translation>
    </message>
    <message>
      <source>Accept the fee</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Akceptuję opłatę</translation>
    </message>
    <message>
      <source>No thanks</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie, dziękuję</translation>
    </message>
    <message>
      <source>Hello %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Witaj, %1</translation>
    </message>
    <message>
      <source>Hello</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Witaj</translation>
    </message>
    <message>
      <source>No connection to the library system: your loans are sent later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Brak połączenia z systemem bibliotecznym: wypożyczenia zostaną przesłane później.</translation>
    </message>
    <message>
      <source>Hold the barcode under the scanner. Each item shows here.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Przyłóż kod kreskowy pod skaner. Każda pozycja pojawi się tutaj.</translation>
    </message>
    <message>
      <source>… and %1 more under My account.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… i %1 więcej w Moim koncie.</translation>
    </message>
    <message>
      <source>1 earlier item could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">1 wcześniejszej pozycji nie udało się wypożyczyć.</translation>
    </message>
    <message>
      <source>Your next scan waits for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Następne skanowanie czeka na Twoją odpowiedź.</translation>
    </message>
    <message>
      <source>%1 earlier items could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wcześniejszych pozycji, których nie udało się wypożyczyć: %1.</translation>
    </message>
    <message>
      <source>Your next %1 scans wait for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Kolejne skanowania (%1) czekają na Twoją odpowiedź.</translation>
    </message>
    <message>
      <source>due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">zwrot do %1</translation>
    </message>
    <message>
      <source>Put it on the return shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Odłóż na półkę zwrotów.</translation>
    </message>
    <message>
      <source>%1: pickup number %2, by %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1: numer odbioru %2, do %3</translation>
    </message>
    <message>
      <source>Renewed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Prolongowano</translation>
    </message>
    <message>
      <source>Borrowed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wypożyczono</translation>
    </message>
    <message>
      <source>Returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zwrócono</translation>
    </message>
    <message>
      <source>Could not be returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie udało się zwrócić</translation>
    </message>
    <message>
      <source>Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zostaw to przy ladzie.</translation>
    </message>
    <message>
      <source>Put it on the staff shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Odłóż na półkę dla personelu.</translation>
    </message>
    <message>
      <source>%1 – it is reserved for someone else.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – zarezerwowane dla kogoś innego.</translation>
    </message>
    <message>
      <source>%1 – it belongs to another branch.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – należy do innej filii.</translation>
    </message>
    <message>
      <source>Due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zwrot do %1</translation>
    </message>
    <message>
      <source>Borrowed (sent later)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wypożyczono (przesłane później)</translation>
    </message>
    <message>
      <source>Offline: data from %1 ago</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Offline: dane sprzed %1</translation>
    </message>
    <message>
      <source>Offline: no connection to the library system yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Offline: jeszcze brak połączenia z systemem bibliotecznym</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Dziś: %1</translation>
    </message>
    <message>
      <source>Scan your health card or library card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zeskanuj kartę ubezpieczenia zdrowotnego lub kartę biblioteczną</translation>
    </message>
    <message>
      <source>The library is staffed now. Welcome in.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Biblioteka jest teraz obsługiwana przez personel. Zapraszamy.</translation>
    </message>
    <message>
      <source>The library is closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Biblioteka jest zamknięta</translation>
    </message>
    <message>
      <source>Out of order</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nieczynne</translation>
    </message>
    <message>
      <source>The door is open – fire alarm</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drzwi są otwarte – alarm pożarowy</translation>
    </message>
    <message>
      <source>Leave the building by the nearest exit.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Opuść budynek najbliższym wyjściem.</translation>
    </message>
    <message>
      <source>Do not enter. Follow the instructions of staff and the fire service.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie wchodź. Postępuj zgodnie z poleceniami personelu i straży pożarnej.</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">PIN technika</translation>
    </message>
    <message>
      <source>Then press OK.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Następnie naciśnij OK.</translation>
    </message>
    <message>
      <source>The door is open</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drzwi są otwarte</translation>
    </message>
    <message>
      <source>The door locks again in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drzwi zamkną się ponownie za %1 s</translation>
    </message>
    <message>
      <source>You can try again after %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Możesz spróbować ponownie po %1.</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Witamy, %1</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Witamy</translation>
    </message>
    <message>
      <source>%1 reservations are ready for you to pick up.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Rezerwacje gotowe do odbioru: %1.</translation>
    </message>
    <message>
      <source>Please try again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Spróbuj ponownie</translation>
    </message>
    <message>
      <source>No entry</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Brak wstępu</translation>
    </message>
    <message>
      <source>Last decisions</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ostatnie decyzje</translation>
    </message>
    <message>
      <source>Technician – %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Technik – %1</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Synchronizuj teraz</translation>
    </message>
    <message>
      <source>Relay test</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Test przekaźnika</translation>
    </message>
    <message>
      <source>Reload config</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wczytaj konfigurację</translation>
    </message>
    <message>
      <source>Back</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wstecz</translation>
    </message>
    <message>
      <source>This week:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ten tydzień:</translation>
    </message>
    <message>
      <source>No decisions logged yet.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Brak zapisanych decyzji.</translation>
    </message>
    <message>
      <source>closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">zamknięte</translation>
    </message>
    <message>
      <source>on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wł.</translation>
    </message>
    <message>
      <source>off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wył.</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nieczytelna</translation>
    </message>
    <message>
      <source>granted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wpuszczono</translation>
    </message>
    <message>
      <source>denied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">odmowa</translation>
    </message>
    <message>
      <source>(technician)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">(technik)</translation>
    </message>
    <message>
      <source>trusted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wiarygodny</translation>
    </message>
    <message>
      <source>NOT trusted: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">NIEwiarygodny: %1</translation>
    </message>
    <message>
      <source>never</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nigdy</translation>
    </message>
    <message>
      <source>Clock: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zegar: %1</translation>
    </message>
    <message>
      <source>Last purge: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ostatnie usuwanie: %1</translation>
    </message>
    <message>
      <source>PIN verifiers: %1 memory-hard, %2 fast</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Weryfikatory PIN: %1 odporne pamięciowo, %2 szybkie</translation>
    </message>
    <message>
      <source>none configured</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nie skonfigurowano</translation>
    </message>
    <message>
      <source>Inside (estimate): %1 · door alarms: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">W środku (szacunek): %1 · alarmy drzwi: %2</translation>
    </message>
    <message>
      <source>Outputs: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wyjścia: %1</translation>
    </message>
    <message>
      <source>Next 24 hours:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Następne 24 godziny:</translation>
    </message>
    <message>
      <source>never synced</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nigdy nie synchronizowano</translation>
    </message>
    <message>
      <source>none</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">brak</translation>
    </message>
    <message>
      <source>Version %1 · mode now: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wersja %1 · tryb teraz: %2</translation>
    </message>
    <message>
      <source>Cache: %1 patrons, %2, age %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Pamięć: %1 czytelników, %2, wiek %3</translation>
    </message>
    <message>
      <source>Last sync: %1 · error: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ostatnia synchronizacja: %1 · błąd: %2</translation>
    </message>
    <message>
      <source>Outbox: %1 waiting</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Do wysłania: %1</translation>
    </message>
    <message>
      <source>Readers: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Czytniki: %1</translation>
    </message>
    <message>
      <source>Relay: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Przekaźnik: %1</translation>
    </message>
    <message>
      <source>Faults: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Usterki: %1</translation>
    </message>
    <message>
      <source>staffed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">z obsługą</translation>
    </message>
    <message>
      <source>self-service</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">samoobsługa</translation>
    </message>
    <message>
      <source>connected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">podłączony</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">odłączony</translation>
    </message>
    <message>
      <source>error</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">błąd</translation>
    </message>
    <message>
      <source>fault: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">usterka: %1</translation>
    </message>
    <message>
      <source>overdue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">zaległe</translation>
    </message>
    <message>
      <source>failed %1 times: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">nieudane %1 razy: %2</translation>
    </message>
    <message>
      <source>last success %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ostatni sukces %1</translation>
    </message>
    <message>
      <source>estimate to 0</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">szacunek na 0</translation>
    </message>
    <message>
      <source>Background jobs:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zadania w tle:</translation>
    </message>
    <message>
      <source>special day</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">dzień specjalny</translation>
    </message>
    <message>
      <source>health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">karta zdrowotna</translation>
    </message>
    <message>
      <source>card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">karta</translation>
    </message>
    <message>
      <source>next try %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">następna próba %1</translation>
    </message>
    <message>
      <source>if empty</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">jeśli pusto</translation>
    </message>
    <message>
      <source>if occupied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">jeśli ktoś jest w środku</translation>
    </message>
    <message>
      <source>We open again on %1 at %2.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Otwieramy ponownie w %1 o %2.</translation>
    </message>
    <message>
      <source>%1 days</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 dni</translation>
    </message>
    <message>
      <source>Monday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Poniedziałek</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wtorek</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Środa</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Czwartek</translation>
    </message>
    <message>
      <source>Friday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Piątek</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Sobota</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Niedziela</translation>
    </message>
    <message>
      <source>Mon</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">pon.</translation>
    </message>
    <message>
      <source>Tue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">wt.</translation>
    </message>
    <message>
      <source>Wed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">śr.</translation>
    </message>
    <message>
      <source>Thu</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">czw.</translation>
    </message>
    <message>
      <source>Fri</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">pt.</translation>
    </message>
    <message>
      <source>Sat</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">sob.</translation>
    </message>
    <message>
      <source>Sun</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">niedz.</translation>
    </message>
    <message>
      <source>Closed all day today</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Dziś zamknięte przez cały dzień</translation>
    </message>
    <message>
      <source>No opening hours are planned for the next two weeks.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Na najbliższe dwa tygodnie nie zaplanowano godzin otwarcia.</translation>
    </message>
    <message>
      <source>We open again today at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Otwieramy ponownie dziś o %1.</translation>
    </message>
    <message>
      <source>We open again tomorrow at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Otwieramy ponownie jutro o %1.</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 min</translation>
    </message>
    <message>
      <source>%1 hours</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 godz.</translation>
    </message>
    <message>
      <source>Self-service %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Samoobsługa %1</translation>
    </message>
    <message>
      <source>staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">z obsługą %1</translation>
    </message>
    <message>
      <source>Staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Z obsługą %1</translation>
    </message>
    <message>
      <source>You have 1 attempt left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Pozostała 1 próba.</translation>
    </message>
    <message>
      <source>You have %1 attempts left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Pozostało prób: %1.</translation>
    </message>
    <message>
      <source>Digit entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisano cyfrę</translation>
    </message>
    <message>
      <source>Reading aloud is on.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Czytanie na głos jest włączone.</translation>
    </message>
    <message>
      <source>More time</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Więcej czasu</translation>
    </message>
    <message>
      <source>More time: start the countdown again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Więcej czasu: zacznij odliczanie od nowa</translation>
    </message>
    <message>
      <source>Door unlocked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drzwi odblokowane</translation>
    </message>
    <message>
      <source>Door locked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drzwi zablokowane</translation>
    </message>
    <message>
      <source>Choose your language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wybierz swój język</translation>
    </message>
    <message>
      <source>Keep the language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zachowaj język</translation>
    </message>
    <message>
      <source>⌫ Erase</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">⌫ Usuń</translation>
    </message>
    <message>
      <source>Erase the last digit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Usuń ostatnią cyfrę</translation>
    </message>
    <message>
      <source>Confirm the PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zatwierdź PIN</translation>
    </message>
    <message>
      <source>%1 of %2 digits entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisano %1 z %2 cyfr</translation>
    </message>
    <message>
      <source>Picture: hold the card flat over the reader below the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Obrazek: przyłóż kartę płasko do czytnika pod ekranem</translation>
    </message>
    <message>
      <source>Welcome. The door is open.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Witamy. Drzwi są otwarte.</translation>
    </message>
    <message>
      <source>This card is not known here. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ta karta nie jest tu znana. Skontaktuj się z personelem w godzinach pracy personelu.</translation>
    </message>
    <message>
      <source>The card could not be read. Please try again and hold the card still.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie udało się odczytać karty. Spróbuj ponownie i trzymaj kartę nieruchomo.</translation>
    </message>
    <message>
      <source>This card has been reported lost and cannot be used. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ta karta została zgłoszona jako zgubiona i nie może być używana. Skontaktuj się z personelem w godzinach pracy personelu.</translation>
    </message>
    <message>
      <source>You do not have access at the moment. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Obecnie nie masz dostępu. Skontaktuj się z personelem w godzinach pracy personelu.</translation>
    </message>
    <message>
      <source>You have an outstanding balance. Pay on the library website or at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Masz zaległą należność. Zapłać na stronie biblioteki lub przy ladzie.</translation>
    </message>
    <message>
      <source>You are too young for self-service access. Please come with an adult.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Jesteś za młody na samoobsługowy wstęp. Przyjdź z osobą dorosłą.</translation>
    </message>
    <message>
      <source>You are not signed up for self-service access. Sign up at the desk or online.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie masz zapisu na samoobsługowy wstęp. Zapisz się przy ladzie lub online.</translation>
    </message>
    <message>
      <source>Your type of membership does not include self-service access. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Twój rodzaj członkostwa nie obejmuje samoobsługowego wstępu. Skontaktuj się z personelem w godzinach pracy personelu.</translation>
    </message>
    <message>
      <source>You do not have access to this library. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie masz dostępu do tej biblioteki. Skontaktuj się z personelem w godzinach pracy personelu.</translation>
    </message>
    <message>
      <source>Wrong PIN. Please try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Błędny PIN. Spróbuj ponownie.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. The card is locked for a while. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zbyt wiele błędnych PIN-ów. Karta jest zablokowana na pewien czas. Skontaktuj się z personelem w godzinach pracy personelu.</translation>
    </message>
    <message>
      <source>The library is closed now. See the opening hours on the sign.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Biblioteka jest teraz zamknięta. Godziny otwarcia są na tablicy.</translation>
    </message>
    <message>
      <source>The door is out of service. Use another entrance or come back later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Drzwi są nieczynne. Skorzystaj z innego wejścia lub wróć później.</translation>
    </message>
    <message>
      <source>We cannot check access right now. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie możemy teraz sprawdzić dostępu. Spróbuj ponownie później.</translation>
    </message>
    <message>
      <source>We cannot check you right now because the library system is unreachable. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie możemy Cię teraz sprawdzić, ponieważ system biblioteczny jest niedostępny. Spróbuj ponownie później.</translation>
    </message>
    <message>
      <source>The door could not be opened. Please try again shortly or use another entrance.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie udało się otworzyć drzwi. Spróbuj za chwilę lub skorzystaj z innego wejścia.</translation>
    </message>
    <message>
      <source>Many wrong PINs have been typed here. Please wait a minute and try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wpisano tu wiele błędnych PIN-ów. Poczekaj minutę i spróbuj ponownie.</translation>
    </message>
    <message>
      <source>Reserved for someone else. Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Zarezerwowane dla kogoś innego. Zostaw to przy ladzie.</translation>
    </message>
    <message>
      <source>Not for loan.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie do wypożyczenia.</translation>
    </message>
    <message>
      <source>You have too many loans. Return something first.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Masz zbyt wiele wypożyczeń. Najpierw coś zwróć.</translation>
    </message>
    <message>
      <source>Age-restricted.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Z ograniczeniem wiekowym.</translation>
    </message>
    <message>
      <source>Your account is blocked. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Twoje konto jest zablokowane. Zapytaj personel.</translation>
    </message>
    <message>
      <source>This loan has a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">To wypożyczenie jest płatne. Czy akceptujesz opłatę?</translation>
    </message>
    <message>
      <source>Not borrowed: you declined the fee.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie wypożyczono: odrzucono opłatę.</translation>
    </message>
    <message>
      <source>Unknown item. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nieznana pozycja. Zapytaj personel.</translation>
    </message>
    <message>
      <source>This item is not on loan to you.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ta pozycja nie jest przez Ciebie wypożyczona.</translation>
    </message>
    <message>
      <source>Borrowing is not possible right now. Please try later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Wypożyczanie nie jest teraz możliwe. Spróbuj później.</translation>
    </message>
    <message>
      <source>Cannot be borrowed here. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Nie można tego tu wypożyczyć. Zapytaj personel.</translation>
    </message>
  </context>
</TS>
