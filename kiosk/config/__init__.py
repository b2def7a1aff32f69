"""The kiosk's configuration: typed models of config.toml and the loader that names bad keys."""

from kiosk.config.load import ConfigError, LoadedConfig, find_config, load, load_data
from kiosk.config.models import KioskConfig

__all__ = ["ConfigError", "KioskConfig", "LoadedConfig", "find_config", "load", "load_data"]
