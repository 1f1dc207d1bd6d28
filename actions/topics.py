"""Short Czech titles of what a customer asks about, by intent: the fallback's topic buttons
and the topic a support agent sees on a handoff record."""

# Questions the bot answers; the fallback offers these as buttons.
QUESTION_TITLES = {
    "ask_port": "Porty",
    "ask_port_table": "Porty",
    "ask_port_purpose": "Porty",
    "ask_settings": "Nastavení serveru",
    "ask_server": "Název serveru",
    "ask_username": "Uživatelské jméno",
    "ask_password": "Heslo",
    "ask_pop_vs_imap": "IMAP, nebo POP3?",
    "other_device": "Jiný telefon",
}
# Problems and the walkthrough: topics of a conversation, not buttons.
PROBLEM_TITLES = {
    "open_smtp_ticket": "Ticket Open SMTP",
    "cannot_send": "Nejde odesílat poštu",
    "mail_not_working": "Pošta nefunguje",
    "start_walkthrough": "Nastavení krok za krokem",
}
