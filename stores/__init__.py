"""Tracker stores for the helpdesk bot."""
