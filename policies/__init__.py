"""Dialogue policies for the helpdesk bot."""
