"""Ready-made mail settings for the customer's device: an Apple configuration profile
(mobileconfig.py), a Thunderbird autoconfig file (autoconfig.py), the signed, expiring links
that serve them (links.py, served by channels/mailconfig.py) and their QR codes (qr.py).
Every server name and port comes from actions/knowledge.yml; no password is ever written."""
