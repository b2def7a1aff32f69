"""The translation catalogue without Qt: the Qt Linguist .ts sources translators edit, their
compiled .qm files, and the tooling that keeps them current (`python -m kiosk.translations`).

The screens read them through kiosk/ui/i18n.py (`tr()`, `Translations`); nothing here imports
Qt, so the catalogue can be checked and built on a machine without a display.
"""
