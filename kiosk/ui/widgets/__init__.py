"""Reusable touch widgets: PIN pad, dots, countdown bar, scan picture, corner, relay lamp."""
