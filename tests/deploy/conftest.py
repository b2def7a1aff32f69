"""Tests of what deploy/ ships: the display stack under a real X server, install-kiosk, the
Prometheus rules (promtool) and the Grafana dashboard. Kits: xvfbkit.py."""
