"""The privacy policy as code (docs/privacy.md): keyed hashing and sealing under the guarded
installation key, memory-hard PIN verifiers, data minimisation, retention, log redaction, the
right of access and the audit trail. No Qt."""
