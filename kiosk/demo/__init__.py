"""`kiosk demo`: the kiosk on built-in defaults with a fake central, a keyboard reader, an
on-screen relay and the scripted headless visit."""
