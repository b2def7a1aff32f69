"""Speech output for patrons who cannot read the screen (EN 301 549 5.1.3): each screen's
words spoken through a local text-to-speech program (espeak-ng), the PIN pad's keys as
"digit entered" (never the digit). No Qt: kiosk/ui/speech.py decides what to say and when.
"""
