"""The fake central system (HTTP sync API) for the demo, the tests and technicians' trials:
server, in-memory store, fault switches and synthetic patrons."""
