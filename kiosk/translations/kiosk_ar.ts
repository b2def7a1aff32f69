<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>kiosk</name>
    <message>
      <source>Checking…</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لحظة، جارٍ التحقق …</translation>
    </message>
    <message>
      <source>Language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">اللغة</translation>
    </message>
    <message>
      <source>Read aloud</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">استمع</translation>
    </message>
    <message>
      <source>Choose another language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">اختر لغة أخرى</translation>
    </message>
    <message>
      <source>Read aloud: on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">القراءة بصوت عالٍ: مفعّلة</translation>
    </message>
    <message>
      <source>Read aloud: off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">القراءة بصوت عالٍ: متوقفة</translation>
    </message>
    <message>
      <source>My account</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">حسابي</translation>
    </message>
    <message>
      <source>Your loans</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">استعاراتك</translation>
    </message>
    <message>
      <source>Renew all</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تجديد الكل</translation>
    </message>
    <message>
      <source>Ready for pickup</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">جاهز للاستلام</translation>
    </message>
    <message>
      <source>Fees</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الرسوم</translation>
    </message>
    <message>
      <source>Back to borrowing</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">العودة إلى الاستعارة</translation>
    </message>
    <message>
      <source>Renew</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تجديد</translation>
    </message>
    <message>
      <source>None</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا يوجد</translation>
    </message>
    <message>
      <source>You have no loans.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ليس لديك استعارات.</translation>
    </message>
    <message>
      <source>One moment …</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لحظة …</translation>
    </message>
    <message>
      <source>Asking the library system.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">نسأل نظام المكتبة.</translation>
    </message>
    <message>
      <source>Borrow and return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">استعارة وإرجاع</translation>
    </message>
    <message>
      <source>Scan your library card or health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">امسح بطاقة المكتبة أو البطاقة الصحية</translation>
    </message>
    <message>
      <source>Then type your PIN on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ثم أدخل رمزك السري على الشاشة.</translation>
    </message>
    <message>
      <source>Returning something? Just scan its barcode, no card needed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">هل تُرجع شيئًا؟ امسح الرمز الشريطي فقط، لا حاجة إلى بطاقة.</translation>
    </message>
    <message>
      <source>Scan the next item, or your card to borrow.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">امسح المادة التالية، أو بطاقتك للاستعارة.</translation>
    </message>
    <message>
      <source>Type the barcode number</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أدخل رقم الرمز الشريطي</translation>
    </message>
    <message>
      <source>Type the barcode number on the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أدخل رقم الرمز الشريطي على الشاشة</translation>
    </message>
    <message>
      <source>Type the number under the barcode</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أدخل الرقم الموجود تحت الرمز الشريطي</translation>
    </message>
    <message>
      <source>Then press %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ثم اضغط %1.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إلغاء</translation>
    </message>
    <message>
      <source>No digits yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا أرقام بعد</translation>
    </message>
    <message>
      <source>Done – log out</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">انتهيت – تسجيل الخروج</translation>
    </message>
    <message>
      <source>You will be logged out in %1 s – touch the screen to go on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">سيتم تسجيل خروجك بعد %1 ث – المس الشاشة للمتابعة</translation>
    </message>
    <message>
      <source>Type your PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أدخل رمزك السري</translation>
    </message>
    <message>
      <source>Your card has been read. Use the keys on the screen.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تمت قراءة بطاقتك. استخدم المفاتيح على الشاشة.</translation>
    </message>
    <message>
      <source>Cancel and take back the card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إلغاء واسترجاع البطاقة</translation>
    </message>
    <message>
      <source>Back to the start in %1 s unless you type</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">العودة إلى البداية بعد %1 ث ما لم تكتب</translation>
    </message>
    <message>
      <source>OK</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">موافق</translation>
    </message>
    <message>
      <source>Back to the start</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">العودة إلى البداية</translation>
    </message>
    <message>
      <source>Back to the start in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">العودة إلى البداية بعد %1 ث</translation>
    </message>
    <message>
      <source>Thank you for your visit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">شكرًا لزيارتك</translation>
    </message>
    <message>
      <source>You could not be logged in</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تعذّر تسجيل دخولك</translation>
    </message>
    <message>
      <source>You are logged out. You borrowed:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم تسجيل خروجك. استعرت:</translation>
    </message>
    <message>
      <source>You are logged out. Nothing was borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم تسجيل خروجك. لم تُستعر أي مادة.</translation>
    </message>
    <message>
      <source>… and %1 more.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… و%1 أخرى.</translation>
    </message>
    <message>
      <source>Return</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إرجاع</translation>
    </message>
    <message>
      <source>Add</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إضافة</translation>
    </message>
    <message>
      <source>This loan costs a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">هذه الاستعارة برسوم. هل توافق عليها؟</translation>
    </message>
    <message>
      <source>Scan the barcode of what you want to borrow</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">امسح الرمز الشريطي لما تريد استعارته</translation>
    </message>
    <message>
      <source>Accept the fee</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أوافق على الرسوم</translation>
    </message>
    <message>
      <source>No thanks</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا، شكرًا</translation>
    </message>
    <message>
      <source>Hello %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مرحبًا %1</translation>
    </message>
    <message>
      <source>Hello</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مرحبًا</translation>
    </message>
    <message>
      <source>No connection to the library system: your loans are sent later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا يوجد اتصال بنظام المكتبة: ستُرسل استعاراتك لاحقًا.</translation>
    </message>
    <message>
      <source>Hold the barcode under the scanner. Each item shows here.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ضع الرمز الشريطي تحت الماسح. تظهر كل مادة هنا.</translation>
    </message>
    <message>
      <source>… and %1 more under My account.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">… و%1 أخرى في «حسابي».</translation>
    </message>
    <message>
      <source>1 earlier item could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تعذّرت استعارة مادة سابقة واحدة.</translation>
    </message>
    <message>
      <source>Your next scan waits for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المسح التالي ينتظر إجابتك.</translation>
    </message>
    <message>
      <source>%1 earlier items could not be borrowed.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تعذّرت استعارة %1 من المواد السابقة.</translation>
    </message>
    <message>
      <source>Your next %1 scans wait for your answer.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">عمليات المسح التالية (%1) تنتظر إجابتك.</translation>
    </message>
    <message>
      <source>due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الإرجاع حتى %1</translation>
    </message>
    <message>
      <source>Put it on the return shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ضعها على رف الإرجاع.</translation>
    </message>
    <message>
      <source>%1: pickup number %2, by %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1: رقم الاستلام %2، حتى %3</translation>
    </message>
    <message>
      <source>Renewed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم التجديد</translation>
    </message>
    <message>
      <source>Borrowed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تمت الاستعارة</translation>
    </message>
    <message>
      <source>Returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم الإرجاع</translation>
    </message>
    <message>
      <source>Could not be returned</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تعذّر الإرجاع</translation>
    </message>
    <message>
      <source>Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">يرجى تركها عند المكتب.</translation>
    </message>
    <message>
      <source>Put it on the staff shelf.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ضعها على رف الموظفين.</translation>
    </message>
    <message>
      <source>%1 – it is reserved for someone else.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – محجوزة لشخص آخر.</translation>
    </message>
    <message>
      <source>%1 – it belongs to another branch.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 – تابعة لفرع آخر.</translation>
    </message>
    <message>
      <source>Due %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الإرجاع حتى %1</translation>
    </message>
    <message>
      <source>Borrowed (sent later)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تمت الاستعارة (تُرسل لاحقًا)</translation>
    </message>
    <message>
      <source>Offline: data from %1 ago</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غير متصل: بيانات منذ %1</translation>
    </message>
    <message>
      <source>Offline: no connection to the library system yet</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غير متصل: لا يوجد اتصال بنظام المكتبة بعد</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">اليوم: %1</translation>
    </message>
    <message>
      <source>Scan your health card or library card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">امسح البطاقة الصحية أو بطاقة المكتبة</translation>
    </message>
    <message>
      <source>The library is staffed now. Welcome in.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المكتبة بها موظفون الآن. تفضل بالدخول.</translation>
    </message>
    <message>
      <source>The library is closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المكتبة مغلقة</translation>
    </message>
    <message>
      <source>Out of order</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">معطّل</translation>
    </message>
    <message>
      <source>The door is open – fire alarm</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الباب مفتوح – إنذار حريق</translation>
    </message>
    <message>
      <source>Leave the building by the nearest exit.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غادر المبنى من أقرب مخرج.</translation>
    </message>
    <message>
      <source>Do not enter. Follow the instructions of staff and the fire service.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا تدخل. اتبع تعليمات الموظفين وفرق الإطفاء.</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الرمز السري للفني</translation>
    </message>
    <message>
      <source>Then press OK.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ثم اضغط موافق.</translation>
    </message>
    <message>
      <source>The door is open</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الباب مفتوح</translation>
    </message>
    <message>
      <source>The door locks again in %1 s</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">يُقفل الباب مجددًا بعد %1 ث</translation>
    </message>
    <message>
      <source>You can try again after %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">يمكنك المحاولة مجددًا بعد %1.</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أهلًا بك، %1</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أهلًا بك</translation>
    </message>
    <message>
      <source>%1 reservations are ready for you to pick up.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">حجوزات جاهزة للاستلام: %1.</translation>
    </message>
    <message>
      <source>Please try again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">يرجى المحاولة مجددًا</translation>
    </message>
    <message>
      <source>No entry</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الدخول غير مسموح</translation>
    </message>
    <message>
      <source>Last decisions</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">آخر القرارات</translation>
    </message>
    <message>
      <source>Technician – %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الفني – %1</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مزامنة الآن</translation>
    </message>
    <message>
      <source>Relay test</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">اختبار المرحّل</translation>
    </message>
    <message>
      <source>Reload config</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إعادة تحميل الإعدادات</translation>
    </message>
    <message>
      <source>Back</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">رجوع</translation>
    </message>
    <message>
      <source>This week:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">هذا الأسبوع:</translation>
    </message>
    <message>
      <source>No decisions logged yet.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لم تُسجّل قرارات بعد.</translation>
    </message>
    <message>
      <source>closed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مغلق</translation>
    </message>
    <message>
      <source>on</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">يعمل</translation>
    </message>
    <message>
      <source>off</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">متوقف</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غير مقروءة</translation>
    </message>
    <message>
      <source>granted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مسموح</translation>
    </message>
    <message>
      <source>denied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مرفوض</translation>
    </message>
    <message>
      <source>(technician)</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">(فني)</translation>
    </message>
    <message>
      <source>trusted</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">موثوق</translation>
    </message>
    <message>
      <source>NOT trusted: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غير موثوق: %1</translation>
    </message>
    <message>
      <source>never</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أبدًا</translation>
    </message>
    <message>
      <source>Clock: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الساعة: %1</translation>
    </message>
    <message>
      <source>Last purge: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">آخر حذف: %1</translation>
    </message>
    <message>
      <source>PIN verifiers: %1 memory-hard, %2 fast</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">متحققات رمز PIN: %1 صعبة الذاكرة، %2 سريعة</translation>
    </message>
    <message>
      <source>none configured</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لم يُضبط أي شيء</translation>
    </message>
    <message>
      <source>Inside (estimate): %1 · door alarms: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بالداخل (تقدير): %1 · إنذارات الباب: %2</translation>
    </message>
    <message>
      <source>Outputs: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المخارج: %1</translation>
    </message>
    <message>
      <source>Next 24 hours:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الساعات الـ24 القادمة:</translation>
    </message>
    <message>
      <source>never synced</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لم تتم المزامنة قط</translation>
    </message>
    <message>
      <source>none</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا يوجد</translation>
    </message>
    <message>
      <source>Version %1 · mode now: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الإصدار %1 · الوضع الآن: %2</translation>
    </message>
    <message>
      <source>Cache: %1 patrons, %2, age %3</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الذاكرة: %1 مستعير، %2، العمر %3</translation>
    </message>
    <message>
      <source>Last sync: %1 · error: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">آخر مزامنة: %1 · خطأ: %2</translation>
    </message>
    <message>
      <source>Outbox: %1 waiting</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بانتظار الإرسال: %1</translation>
    </message>
    <message>
      <source>Readers: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">القارئات: %1</translation>
    </message>
    <message>
      <source>Relay: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المرحّل: %1</translation>
    </message>
    <message>
      <source>Faults: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الأعطال: %1</translation>
    </message>
    <message>
      <source>staffed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بوجود موظفين</translation>
    </message>
    <message>
      <source>self-service</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">خدمة ذاتية</translation>
    </message>
    <message>
      <source>connected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">متصل</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غير متصل</translation>
    </message>
    <message>
      <source>error</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">خطأ</translation>
    </message>
    <message>
      <source>fault: %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">عطل: %1</translation>
    </message>
    <message>
      <source>overdue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">متأخر</translation>
    </message>
    <message>
      <source>failed %1 times: %2</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">فشل %1 مرات: %2</translation>
    </message>
    <message>
      <source>last success %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">آخر نجاح %1</translation>
    </message>
    <message>
      <source>estimate to 0</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">التقدير إلى 0</translation>
    </message>
    <message>
      <source>Background jobs:</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المهام في الخلفية:</translation>
    </message>
    <message>
      <source>special day</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">يوم خاص</translation>
    </message>
    <message>
      <source>health card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بطاقة صحية</translation>
    </message>
    <message>
      <source>card</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بطاقة</translation>
    </message>
    <message>
      <source>next try %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المحاولة التالية %1</translation>
    </message>
    <message>
      <source>if empty</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إذا كان فارغًا</translation>
    </message>
    <message>
      <source>if occupied</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">إذا كان أحد بالداخل</translation>
    </message>
    <message>
      <source>We open again on %1 at %2.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">نفتح مجددًا يوم %1 الساعة %2.</translation>
    </message>
    <message>
      <source>%1 days</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 أيام</translation>
    </message>
    <message>
      <source>Monday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الاثنين</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الثلاثاء</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الأربعاء</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الخميس</translation>
    </message>
    <message>
      <source>Friday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الجمعة</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">السبت</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الأحد</translation>
    </message>
    <message>
      <source>Mon</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">اثنين</translation>
    </message>
    <message>
      <source>Tue</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ثلاثاء</translation>
    </message>
    <message>
      <source>Wed</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أربعاء</translation>
    </message>
    <message>
      <source>Thu</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">خميس</translation>
    </message>
    <message>
      <source>Fri</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">جمعة</translation>
    </message>
    <message>
      <source>Sat</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">سبت</translation>
    </message>
    <message>
      <source>Sun</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أحد</translation>
    </message>
    <message>
      <source>Closed all day today</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مغلق طوال اليوم</translation>
    </message>
    <message>
      <source>No opening hours are planned for the next two weeks.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا توجد ساعات عمل مخططة للأسبوعين القادمين.</translation>
    </message>
    <message>
      <source>We open again today at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">نفتح مجددًا اليوم الساعة %1.</translation>
    </message>
    <message>
      <source>We open again tomorrow at %1.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">نفتح مجددًا غدًا الساعة %1.</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 د</translation>
    </message>
    <message>
      <source>%1 hours</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">%1 ساعات</translation>
    </message>
    <message>
      <source>Self-service %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">خدمة ذاتية %1</translation>
    </message>
    <message>
      <source>staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بوجود موظفين %1</translation>
    </message>
    <message>
      <source>Staffed %1</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">بوجود موظفين %1</translation>
    </message>
    <message>
      <source>You have 1 attempt left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تبقّت لك محاولة واحدة.</translation>
    </message>
    <message>
      <source>You have %1 attempts left.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المحاولات المتبقية: %1.</translation>
    </message>
    <message>
      <source>Digit entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم إدخال رقم</translation>
    </message>
    <message>
      <source>Reading aloud is on.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">القراءة بصوت عالٍ مفعّلة.</translation>
    </message>
    <message>
      <source>More time</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">وقت إضافي</translation>
    </message>
    <message>
      <source>More time: start the countdown again</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">وقت إضافي: ابدأ العد التنازلي من جديد</translation>
    </message>
    <message>
      <source>Door unlocked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الباب مفتوح القفل</translation>
    </message>
    <message>
      <source>Door locked</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الباب مقفل</translation>
    </message>
    <message>
      <source>Choose your language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">اختر لغتك</translation>
    </message>
    <message>
      <source>Keep the language</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الإبقاء على اللغة</translation>
    </message>
    <message>
      <source>⌫ Erase</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">⌫ مسح</translation>
    </message>
    <message>
      <source>Erase the last digit</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مسح الرقم الأخير</translation>
    </message>
    <message>
      <source>Confirm the PIN</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تأكيد الرمز السري</translation>
    </message>
    <message>
      <source>%1 of %2 digits entered</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم إدخال %1 من %2 أرقام</translation>
    </message>
    <message>
      <source>Picture: hold the card flat over the reader below the screen</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">صورة: ضع البطاقة مسطحة فوق القارئ أسفل الشاشة</translation>
    </message>
    <message>
      <source>Welcome. The door is open.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أهلًا بك. الباب مفتوح.</translation>
    </message>
    <message>
      <source>This card is not known here. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">هذه البطاقة غير معروفة هنا. يرجى التواصل مع الموظفين أثناء ساعات وجودهم.</translation>
    </message>
    <message>
      <source>The card could not be read. Please try again and hold the card still.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تعذّرت قراءة البطاقة. يرجى المحاولة مجددًا وإبقاء البطاقة ثابتة.</translation>
    </message>
    <message>
      <source>This card has been reported lost and cannot be used. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تم الإبلاغ عن فقدان هذه البطاقة ولا يمكن استخدامها. يرجى التواصل مع الموظفين أثناء ساعات وجودهم.</translation>
    </message>
    <message>
      <source>You do not have access at the moment. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ليس لديك صلاحية الدخول حاليًا. يرجى التواصل مع الموظفين أثناء ساعات وجودهم.</translation>
    </message>
    <message>
      <source>You have an outstanding balance. Pay on the library website or at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لديك مبلغ مستحق. ادفع على موقع المكتبة أو عند المكتب.</translation>
    </message>
    <message>
      <source>You are too young for self-service access. Please come with an adult.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">عمرك أصغر من المسموح للدخول الذاتي. يرجى الحضور مع شخص بالغ.</translation>
    </message>
    <message>
      <source>You are not signed up for self-service access. Sign up at the desk or online.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أنت غير مسجّل للدخول الذاتي. سجّل عند المكتب أو عبر الإنترنت.</translation>
    </message>
    <message>
      <source>Your type of membership does not include self-service access. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">نوع عضويتك لا يشمل الدخول الذاتي. يرجى التواصل مع الموظفين أثناء ساعات وجودهم.</translation>
    </message>
    <message>
      <source>You do not have access to this library. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">ليس لديك صلاحية دخول هذه المكتبة. يرجى التواصل مع الموظفين أثناء ساعات وجودهم.</translation>
    </message>
    <message>
      <source>Wrong PIN. Please try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">رمز سري خاطئ. يرجى المحاولة مجددًا.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. The card is locked for a while. Please contact the staff during staffed opening hours.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">رموز سرية خاطئة كثيرة. البطاقة مقفلة لبعض الوقت. يرجى التواصل مع الموظفين أثناء ساعات وجودهم.</translation>
    </message>
    <message>
      <source>The library is closed now. See the opening hours on the sign.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">المكتبة مغلقة الآن. راجع ساعات العمل على اللافتة.</translation>
    </message>
    <message>
      <source>The door is out of service. Use another entrance or come back later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الباب خارج الخدمة. استخدم مدخلًا آخر أو عد لاحقًا.</translation>
    </message>
    <message>
      <source>We cannot check access right now. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا يمكننا التحقق من الدخول الآن. يرجى المحاولة لاحقًا.</translation>
    </message>
    <message>
      <source>We cannot check you right now because the library system is unreachable. Please try again later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا يمكننا التحقق منك الآن لأن نظام المكتبة غير متاح. يرجى المحاولة لاحقًا.</translation>
    </message>
    <message>
      <source>The door could not be opened. Please try again shortly or use another entrance.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">تعذّر فتح الباب. يرجى المحاولة بعد قليل أو استخدام مدخل آخر.</translation>
    </message>
    <message>
      <source>Many wrong PINs have been typed here. Please wait a minute and try again.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">أُدخلت هنا رموز سرية خاطئة كثيرة. يرجى الانتظار دقيقة ثم المحاولة مجددًا.</translation>
    </message>
    <message>
      <source>Reserved for someone else. Please leave it at the desk.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">محجوزة لشخص آخر. يرجى تركها عند المكتب.</translation>
    </message>
    <message>
      <source>Not for loan.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">غير متاحة للاستعارة.</translation>
    </message>
    <message>
      <source>You have too many loans. Return something first.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لديك استعارات كثيرة. أرجع شيئًا أولًا.</translation>
    </message>
    <message>
      <source>Age-restricted.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مقيّدة بعمر معيّن.</translation>
    </message>
    <message>
      <source>Your account is blocked. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">حسابك محظور. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
      <source>This loan has a fee. Do you accept it?</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">هذه الاستعارة برسوم. هل توافق عليها؟</translation>
    </message>
    <message>
      <source>Not borrowed: you declined the fee.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لم تتم الاستعارة: رفضت الرسوم.</translation>
    </message>
    <message>
      <source>Unknown item. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">مادة غير معروفة. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
      <source>This item is not on loan to you.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">هذه المادة ليست مستعارة باسمك.</translation>
    </message>
    <message>
      <source>Borrowing is not possible right now. Please try later.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">الاستعارة غير ممكنة الآن. يرجى المحاولة لاحقًا.</translation>
    </message>
    <message>
      <source>Cannot be borrowed here. Please ask the staff.</source>
      <translatorcomment>Draft, not yet reviewed by a native speaker: please check and correct.</translatorcomment>
      <translation type="unfinished">لا يمكن استعارتها هنا. يرجى سؤال الموظفين.</translation>
    </message>
  </context>
</TS>
