"""The kiosk's place in the operating system: the systemd watchdog and door sounds. No Qt."""
