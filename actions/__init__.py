"""Custom actions of the hosting e-mail helpdesk bot (run by `rasa run actions`)."""
