"""The fake SIP2 library system (ACS) and its catalogue, for the demo and the tests."""
