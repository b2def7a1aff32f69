"""The building after hours: outputs (lights, alarm arming, siren, public PCs, a sign) and
announcements at minute offsets from the calendar's changes, door alarms that act, exits,
occupancy and tailgating. `plan` and `step` are pure; `shell` carries out their effects.
No Qt.
"""
