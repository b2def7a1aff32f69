"""The library system over SIP2: the live link, the learned cache, background refresh and
offline circulation. No Qt."""
