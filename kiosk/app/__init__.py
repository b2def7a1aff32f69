"""The composition root: builds the services, the door, the checkout and the Qt windows
from the config, and runs them (`kiosk run`, the demo). The only place that knows every part."""
