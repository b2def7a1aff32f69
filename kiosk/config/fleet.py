"""config.toml sections for running many kiosks: [logging] and [metrics]. Only pydantic."""

from __future__ import annotations

import ipaddress
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LoggingSection(_Section):
    format: Literal["text", "json"] = "text"
    """"json": one JSON object per line (time, level, logger, thread, job, kiosk id, branch,
    message), for journald and log shippers; "text": one readable line."""
    level: Literal["debug", "info", "warning", "error"] = "warning"
    """The least important messages written; `kiosk -v` is "debug" for one run."""
    stream: Literal["stderr", "stdout"] = "stderr"
    """Where log lines go; under systemd both end in the journal."""


class MetricsSection(_Section):
    enabled: bool = False
    """Serve Prometheus metrics (/metrics) and /healthz while `kiosk run` runs."""
    listen: str = "127.0.0.1:9108"
    """Address and port to serve on; 127.0.0.1 keeps them on this PC (put a proxy or the
    node's firewall in front before opening it to the network)."""

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        split_address(value)
        return value


def split_address(value: str) -> tuple[str, int]:
    """"127.0.0.1:9108" / "[::1]:9108" / "0.0.0.0:9108" -> (host, port); ValueError otherwise."""
    host, sep, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not port.isdigit() or not 0 <= int(port) < 65536:  # 0: any free port
        raise ValueError('expected "ADDRESS:PORT", e.g. "127.0.0.1:9108"')
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise ValueError('expected an IP address before the port, e.g. "127.0.0.1:9108"') \
            from None
    return host, int(port)
