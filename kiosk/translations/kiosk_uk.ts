<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
  <context>
    <name>kiosk</name>
    <message>
      <source>Checking…</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Хвилинку, перевіряємо …</translation>
    </message>
    <message>
      <source>Language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Мова</translation>
    </message>
    <message>
      <source>Read aloud</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Слухати</translation>
    </message>
    <message>
      <source>Choose another language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Вибрати іншу мову</translation>
    </message>
    <message>
      <source>Read aloud: on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Читання вголос: увімкнено</translation>
    </message>
    <message>
      <source>Read aloud: off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Читання вголос: вимкнено</translation>
    </message>
    <message>
      <source>My account</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Мій обліковий запис</translation>
    </message>
    <message>
      <source>Your loans</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ваші позики</translation>
    </message>
    <message>
      <source>Renew all</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Продовжити все</translation>
    </message>
    <message>
      <source>Ready for pickup</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Готово до видачі</translation>
    </message>
    <message>
      <source>Fees</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Збори</translation>
    </message>
    <message>
      <source>Back to borrowing</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Назад до позичання</translation>
    </message>
    <message>
      <source>Renew</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Продовжити</translation>
    </message>
    <message>
      <source>None</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Немає</translation>
    </message>
    <message>
      <source>You have no loans.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">У вас немає позик.</translation>
    </message>
    <message>
      <source>One moment …</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Хвилинку …</translation>
    </message>
    <message>
      <source>Asking the library system.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Запитуємо бібліотечну систему.</translation>
    </message>
    <message>
      <source>Borrow and return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Позичити й повернути</translation>
    </message>
    <message>
      <source>Scan your library card or health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Відскануйте читацький квиток або картку медичного страхування</translation>
    </message>
    <message>
      <source>Then type your PIN on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Потім введіть PIN-код на екрані.</translation>
    </message>
    <message>
      <source>Returning something? Just scan its barcode, no card needed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Повертаєте щось? Просто відскануйте штрихкод, картка не потрібна.</translation>
    </message>
    <message>
      <source>Scan the next item, or your card to borrow.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Відскануйте наступний примірник або свою картку, щоб позичити.</translation>
    </message>
    <message>
      <source>Type the barcode number</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ввести номер штрихкоду</translation>
    </message>
    <message>
      <source>Type the barcode number on the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ввести номер штрихкоду на екрані</translation>
    </message>
    <message>
      <source>Type the number under the barcode</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Введіть номер під штрихкодом</translation>
    </message>
    <message>
      <source>Then press %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Потім натисніть %1.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Скасувати</translation>
    </message>
    <message>
      <source>No digits yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ще немає цифр</translation>
    </message>
    <message>
      <source>Done – log out</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Готово – вийти</translation>
    </message>
    <message>
      <source>You will be logged out in %1 s – touch the screen to go on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Вихід через %1 с – торкніться екрана, щоб продовжити</translation>
    </message>
    <message>
      <source>Type your PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Введіть свій PIN-код</translation>
    </message>
    <message>
      <source>Your card has been read. Use the keys on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Картку прочитано. Користуйтеся клавішами на екрані.</translation>
    </message>
    <message>
      <source>Cancel and take back the card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Скасувати й забрати картку</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Повернення на початок через %1 с, якщо нічого не ввести</translation>
    </message>
    <message>
      <source>OK</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">OK</translation>
    </message>
    <message>
      <source>Back to the start</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">На початок</translation>
    </message>
    <message>
      <source>Back to the start in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Повернення на початок через %1 с</translation>
    </message>
    <message>
      <source>Thank you for your visit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Дякуємо за відвідування</translation>
    </message>
    <message>
      <source>You could not be logged in</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не вдалося увійти</translation>
    </message>
    <message>
      <source>You are logged out. You borrowed:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ви вийшли. Ви позичили:</translation>
    </message>
    <message>
      <source>You are logged out. Nothing was borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ви вийшли. Нічого не позичено.</translation>
    </message>
    <message>
      <source>… and %1 more.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… і ще %1.</translation>
    </message>
    <message>
      <source>Return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Повернути</translation>
    </message>
    <message>
      <source>Add</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Додати</translation>
    </message>
    <message>
      <source>This loan costs a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ця позика платна. Чи погоджуєтеся ви зі збором?</translation>
    </message>
    <message>
      <source>Scan the barcode of what you want to borrow</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Відскануйте штрихкод того, що хочете позичити</translation>
    </message>
    <message>
      <source>Accept the fee</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Погоджуюся зі збором</translation>
    </message>
    <message>
      <source>No thanks</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ні, дякую</translation>
    </message>
    <message>
      <source>Hello %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Вітаємо, %1</translation>
    </message>
    <message>
      <source>Hello</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Вітаємо</translation>
    </message>
    <message>
      <source>No connection to the library system: your loans are sent later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Немає зв'язку з бібліотечною системою: ваші позики буде надіслано пізніше.</translation>
    </message>
    <message>
      <source>Hold the barcode under the scanner. Each item shows here.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Тримайте штрихкод під сканером. Кожен примірник з'явиться тут.</translation>
    </message>
    <message>
      <source>… and %1 more under My account.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… і ще %1 у «Мій обліковий запис».</translation>
    </message>
    <message>
      <source>1 earlier item could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">1 попередній примірник не вдалося позичити.</translation>
    </message>
    <message>
      <source>Your next scan waits for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ваше наступне сканування чекає на вашу відповідь.</translation>
    </message>
    <message>
      <source>%1 earlier items could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Попередні примірники, які не вдалося позичити: %1.</translation>
    </message>
    <message>
      <source>Your next %1 scans wait for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Наступні сканування (%1) чекають на вашу відповідь.</translation>
    </message>
    <message>
      <source>due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">повернути до %1</translation>
    </message>
    <message>
      <source>Put it on the return shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Покладіть на полицю повернень.</translation>
    </message>
    <message>
      <source>%1: pickup number %2, by %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1: номер видачі %2, до %3</translation>
    </message>
    <message>
      <source>Renewed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Продовжено</translation>
    </message>
    <message>
      <source>Borrowed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Позичено</translation>
    </message>
    <message>
      <source>Returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Повернено</translation>
    </message>
    <message>
      <source>Could not be returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не вдалося повернути</translation>
    </message>
    <message>
      <source>Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Залиште, будь ласка, біля стійки.</translation>
    </message>
    <message>
      <source>Put it on the staff shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Покладіть на полицю для персоналу.</translation>
    </message>
    <message>
      <source>%1 – it is reserved for someone else.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – зарезервовано для іншої особи.</translation>
    </message>
    <message>
      <source>%1 – it belongs to another branch.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – належить іншій філії.</translation>
    </message>
    <message>
      <source>Due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Повернути до %1</translation>
    </message>
    <message>
      <source>Borrowed (sent later)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Позичено (буде надіслано пізніше)</translation>
    </message>
    <message>
      <source>Offline: data from %1 ago</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Офлайн: дані %1 тому</translation>
    </message>
    <message>
      <source>Offline: no connection to the library system yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Офлайн: ще немає зв'язку з бібліотечною системою</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Сьогодні: %1</translation>
    </message>
    <message>
      <source>Scan your health card or library card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Відскануйте картку медичного страхування або читацький квиток</translation>
    </message>
    <message>
      <source>The library is staffed now. Welcome in.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Зараз у бібліотеці працює персонал. Ласкаво просимо.</translation>
    </message>
    <message>
      <source>The library is closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Бібліотека зачинена</translation>
    </message>
    <message>
      <source>Out of order</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не працює</translation>
    </message>
    <message>
      <source>The door is open – fire alarm</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Двері відчинені – пожежна тривога</translation>
    </message>
    <message>
      <source>Leave the building by the nearest exit.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Залиште будівлю через найближчий вихід.</translation>
    </message>
    <message>
      <source>Do not enter. Follow the instructions of staff and the fire service.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не заходьте. Виконуйте вказівки персоналу та пожежної служби.</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">PIN-код техніка</translation>
    </message>
    <message>
      <source>Then press OK.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Потім натисніть OK.</translation>
    </message>
    <message>
      <source>The door is open</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Двері відчинені</translation>
    </message>
    <message>
      <source>The door locks again in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Двері знову замкнуться через %1 с</translation>
    </message>
    <message>
      <source>You can try again after %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Спробуйте знову після %1.</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ласкаво просимо, %1</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ласкаво просимо</translation>
    </message>
    <message>
      <source>%1 reservations are ready for you to pick up.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Замовлення, готові до видачі: %1.</translation>
    </message>
    <message>
      <source>Please try again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Спробуйте ще раз</translation>
    </message>
    <message>
      <source>No entry</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Вхід заборонено</translation>
    </message>
    <message>
      <source>Last decisions</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Останні рішення</translation>
    </message>
    <message>
      <source>Technician – %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Технік – %1</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Синхронізувати</translation>
    </message>
    <message>
      <source>Relay test</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Тест реле</translation>
    </message>
    <message>
      <source>Reload config</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Перечитати конфігурацію</translation>
    </message>
    <message>
      <source>Back</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Назад</translation>
    </message>
    <message>
      <source>This week:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Цей тиждень:</translation>
    </message>
    <message>
      <source>No decisions logged yet.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Рішень ще не записано.</translation>
    </message>
    <message>
      <source>closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">зачинено</translation>
    </message>
    <message>
      <source>on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">увімк.</translation>
    </message>
    <message>
      <source>off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">вимк.</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">нечитабельна</translation>
    </message>
    <message>
      <source>granted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">вхід</translation>
    </message>
    <message>
      <source>denied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">відмова</translation>
    </message>
    <message>
      <source>(technician)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">(технік)</translation>
    </message>
    <message>
      <source>trusted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">надійний</translation>
    </message>
    <message>
      <source>NOT trusted: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">НЕнадійний: %1</translation>
    </message>
    <message>
      <source>never</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ніколи</translation>
    </message>
    <message>
      <source>Clock: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Годинник: %1</translation>
    </message>
    <message>
      <source>Last purge: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Останнє видалення: %1</translation>
    </message>
    <message>
      <source>PIN verifiers: %1 memory-hard, %2 fast</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Перевірники PIN: %1 стійкі до пам'яті, %2 швидкі</translation>
    </message>
    <message>
      <source>none configured</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">не налаштовано</translation>
    </message>
    <message>
      <source>Inside (estimate): %1 · door alarms: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Усередині (оцінка): %1 · тривоги дверей: %2</translation>
    </message>
    <message>
      <source>Outputs: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Виходи: %1</translation>
    </message>
    <message>
      <source>Next 24 hours:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Наступні 24 години:</translation>
    </message>
    <message>
      <source>never synced</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ще не синхронізовано</translation>
    </message>
    <message>
      <source>none</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">немає</translation>
    </message>
    <message>
      <source>Version %1 · mode now: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Версія %1 · режим зараз: %2</translation>
    </message>
    <message>
      <source>Cache: %1 patrons, %2, age %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Кеш: %1 читачів, %2, вік %3</translation>
    </message>
    <message>
      <source>Last sync: %1 · error: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Остання синхронізація: %1 · помилка: %2</translation>
    </message>
    <message>
      <source>Outbox: %1 waiting</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">До надсилання: %1</translation>
    </message>
    <message>
      <source>Readers: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Зчитувачі: %1</translation>
    </message>
    <message>
      <source>Relay: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Реле: %1</translation>
    </message>
    <message>
      <source>Faults: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Несправності: %1</translation>
    </message>
    <message>
      <source>staffed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">з персоналом</translation>
    </message>
    <message>
      <source>self-service</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">самообслуговування</translation>
    </message>
    <message>
      <source>connected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">підключено</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">відключено</translation>
    </message>
    <message>
      <source>error</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">помилка</translation>
    </message>
    <message>
      <source>fault: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">несправність: %1</translation>
    </message>
    <message>
      <source>overdue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">прострочено</translation>
    </message>
    <message>
      <source>failed %1 times: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">не вдалося %1 разів: %2</translation>
    </message>
    <message>
      <source>last success %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">останній успіх %1</translation>
    </message>
    <message>
      <source>estimate to 0</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">оцінка на 0</translation>
    </message>
    <message>
      <source>Background jobs:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Фонові завдання:</translation>
    </message>
    <message>
      <source>special day</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">особливий день</translation>
    </message>
    <message>
      <source>health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">медична картка</translation>
    </message>
    <message>
      <source>card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">картка</translation>
    </message>
    <message>
      <source>next try %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">наступна спроба %1</translation>
    </message>
    <message>
      <source>if empty</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">якщо порожньо</translation>
    </message>
    <message>
      <source>if occupied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">якщо хтось усередині</translation>
    </message>
    <message>
      <source>We open again on %1 at %2.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ми знову відчинимося в %1 о %2.</translation>
    </message>
    <message>
      <source>%1 days</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 дн.</translation>
    </message>
    <message>
      <source>Monday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Понеділок</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Вівторок</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Середа</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Четвер</translation>
    </message>
    <message>
      <source>Friday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">П'ятниця</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Субота</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Неділя</translation>
    </message>
    <message>
      <source>Mon</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">пн</translation>
    </message>
    <message>
      <source>Tue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">вт</translation>
    </message>
    <message>
      <source>Wed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ср</translation>
    </message>
    <message>
      <source>Thu</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">чт</translation>
    </message>
    <message>
      <source>Fri</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">пт</translation>
    </message>
    <message>
      <source>Sat</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">сб</translation>
    </message>
    <message>
      <source>Sun</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">нд</translation>
    </message>
    <message>
      <source>Closed all day today</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Сьогодні зачинено весь день</translation>
    </message>
    <message>
      <source>No opening hours are planned for the next two weeks.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">На наступні два тижні годин роботи не заплановано.</translation>
    </message>
    <message>
      <source>We open again today at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ми знову відчинимося сьогодні о %1.</translation>
    </message>
    <message>
      <source>We open again tomorrow at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ми знову відчинимося завтра о %1.</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 хв</translation>
    </message>
    <message>
      <source>%1 hours</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 год</translation>
    </message>
    <message>
      <source>Self-service %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Самообслуговування %1</translation>
    </message>
    <message>
      <source>staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">з персоналом %1</translation>
    </message>
    <message>
      <source>Staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">З персоналом %1</translation>
    </message>
    <message>
      <source>You have 1 attempt left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Залишилася 1 спроба.</translation>
    </message>
    <message>
      <source>You have %1 attempts left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Залишилося спроб: %1.</translation>
    </message>
    <message>
      <source>Digit entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Цифру введено</translation>
    </message>
    <message>
      <source>Reading aloud is on.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Читання вголос увімкнено.</translation>
    </message>
    <message>
      <source>More time</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Більше часу</translation>
    </message>
    <message>
      <source>More time: start the countdown again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Більше часу: почати відлік знову</translation>
    </message>
    <message>
      <source>Door unlocked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Двері розблоковано</translation>
    </message>
    <message>
      <source>Door locked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Двері заблоковано</translation>
    </message>
    <message>
      <source>Choose your language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Виберіть свою мову</translation>
    </message>
    <message>
      <source>Keep the language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Залишити мову</translation>
    </message>
    <message>
      <source>⌫ Erase</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">⌫ Стерти</translation>
    </message>
    <message>
      <source>Erase the last digit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Стерти останню цифру</translation>
    </message>
    <message>
      <source>Confirm the PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Підтвердити PIN-код</translation>
    </message>
    <message>
      <source>%1 of %2 digits entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Введено %1 з %2 цифр</translation>
    </message>
    <message>
      <source>Picture: hold the card flat over the reader below the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Малюнок: прикладіть картку рівно до зчитувача під екраном</translation>
    </message>
    <message>
      <source>Welcome. The door is open.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ласкаво просимо. Двері відчинені.</translation>
    </message>
    <message>
      <source>This card is not known here. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ця картка тут невідома. Зверніться до персоналу в години роботи персоналу.</translation>
    </message>
    <message>
      <source>The card could not be read. Please try again and hold the card still.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не вдалося прочитати картку. Спробуйте ще раз і тримайте картку нерухомо.</translation>
    </message>
    <message>
      <source>This card has been reported lost and cannot be used. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Цю картку заявлено як загублену, її не можна використовувати. Зверніться до персоналу в години роботи персоналу.</translation>
    </message>
    <message>
      <source>You do not have access at the moment. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Зараз у вас немає доступу. Зверніться до персоналу в години роботи персоналу.</translation>
    </message>
    <message>
      <source>You have an outstanding balance. Pay on the library website or at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">У вас є заборгованість. Сплатіть на сайті бібліотеки або біля стійки.</translation>
    </message>
    <message>
      <source>You are too young for self-service access. Please come with an adult.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ви замолоді для входу в режимі самообслуговування. Приходьте з дорослим.</translation>
    </message>
    <message>
      <source>You are not signed up for self-service access. Sign up at the desk or online.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ви не зареєстровані для входу в режимі самообслуговування. Зареєструйтеся біля стійки або онлайн.</translation>
    </message>
    <message>
      <source>Your type of membership does not include self-service access. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ваш тип членства не передбачає входу в режимі самообслуговування. Зверніться до персоналу в години роботи персоналу.</translation>
    </message>
    <message>
      <source>You do not have access to this library. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">У вас немає доступу до цієї бібліотеки. Зверніться до персоналу в години роботи персоналу.</translation>
    </message>
    <message>
      <source>Wrong PIN. Please try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Неправильний PIN-код. Спробуйте ще раз.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. The card is locked for a while. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Забагато неправильних PIN-кодів. Картку заблоковано на деякий час. Зверніться до персоналу в години роботи персоналу.</translation>
    </message>
    <message>
      <source>The library is closed now. See the opening hours on the sign.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Бібліотека зараз зачинена. Години роботи вказано на табличці.</translation>
    </message>
    <message>
      <source>The door is out of service. Use another entrance or come back later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Двері не працюють. Скористайтеся іншим входом або приходьте пізніше.</translation>
    </message>
    <message>
      <source>We cannot check access right now. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Зараз ми не можемо перевірити доступ. Спробуйте пізніше.</translation>
    </message>
    <message>
      <source>We cannot check you right now because the library system is unreachable. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Зараз ми не можемо вас перевірити, бо бібліотечна система недоступна. Спробуйте пізніше.</translation>
    </message>
    <message>
      <source>The door could not be opened. Please try again shortly or use another entrance.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не вдалося відчинити двері. Спробуйте ще раз за хвилинку або скористайтеся іншим входом.</translation>
    </message>
    <message>
      <source>Many wrong PINs have been typed here. Please wait a minute and try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Тут введено багато неправильних PIN-кодів. Зачекайте хвилину і спробуйте ще раз.</translation>
    </message>
    <message>
      <source>Reserved for someone else. Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Зарезервовано для іншої особи. Залиште, будь ласка, біля стійки.</translation>
    </message>
    <message>
      <source>Not for loan.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не видається додому.</translation>
    </message>
    <message>
      <source>You have too many loans. Return something first.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">У вас забагато позик. Спочатку щось поверніть.</translation>
    </message>
    <message>
      <source>Age-restricted.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Має вікове обмеження.</translation>
    </message>
    <message>
      <source>Your account is blocked. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ваш обліковий запис заблоковано. Зверніться до персоналу.</translation>
    </message>
    <message>
      <source>This loan has a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Ця позика платна. Чи погоджуєтеся ви зі збором?</translation>
    </message>
    <message>
      <source>Not borrowed: you declined the fee.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Не позичено: ви відмовилися від збору.</translation>
    </message>
    <message>
      <source>Unknown item. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Невідомий примірник. Зверніться до персоналу.</translation>
    </message>
    <message>
      <source>This item is not on loan to you.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Цей примірник не позичений вам.</translation>
    </message>
    <message>
      <source>Borrowing is not possible right now. Please try later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Позичати зараз неможливо. Спробуйте пізніше.</translation>
    </message>
    <message>
      <source>Cannot be borrowed here. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">Тут це не можна позичити. Зверніться до персоналу.</translation>
    </message>
  </context>
</TS>
