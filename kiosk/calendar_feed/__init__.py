"""The library's own calendar feed (iCalendar): dated exceptions on top of config.toml's weekly
rules, validated, cached in data_dir for offline use. No Qt; `kiosk.config` lays it over the
calendar when the config is loaded, `kiosk run` refreshes it (`store.refresh`).

Nothing is imported here: `kiosk status` reads `feed_status` without loading the parser.
"""
