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
# The topic a question intent asks about when the text itself names none.
INTENT_TOPICS = {
    "ask_port": "port",
    "ask_port_table": "port_table",
    "ask_port_purpose": "port_purpose",
    "ask_settings": "settings",
    "ask_server": "server",
    "ask_username": "username",
    "ask_password": "password",
    "ask_pop_vs_imap": "pop_vs_imap",
    "other_device": "other_device",
}
# Problems and the walkthrough: topics of a conversation, not buttons.
PROBLEM_TITLES = {
    "open_smtp_ticket": "Ticket Open SMTP",
    "cannot_send": "Nejde odesílat poštu",
    "mail_not_working": "Pošta nefunguje",
    "start_walkthrough": "Postup nastavení",
}

# Everything else a customer may say, for reports in Czech.
OTHER_TITLES = {
    "greet": "Pozdrav",
    "goodbye": "Rozloučení",
    "thanks": "Poděkování",
    "capabilities": "Co umíte?",
    "out_of_scope": "Mimo téma",
    "inform": "Volba (tlačítko)",
    "affirm": "Ano",
    "deny": "Ne",
    "share_password": "Napsané heslo",
    "step_done": "Návod: hotovo",
    "step_back": "Návod: zpět",
    "step_repeat": "Návod: zopakovat",
    "step_all": "Návod: celý postup najednou",
    "step_goto": "Návod: jiný krok",
    "step_skip": "Návod: přeskočit",
    "step_help": "Návod: nevidím to",
    "stop_walkthrough": "Návod: ukončit",
    "resume_walkthrough": "Návod: pokračovat",
    "request_human": "Chce mluvit s člověkem",
    "other_language": "Jiný jazyk",
    "ask_bot_identity": "Mluvím s robotem?",
    "nlu_fallback": "Nerozpoznáno",
}
INTENT_TITLES = {
    **OTHER_TITLES,
    **QUESTION_TITLES,
    **PROBLEM_TITLES,
    "ask_port_table": "Porty (tabulka)",
    "ask_port_purpose": "K čemu je port",
}


def intent_title(intent: str) -> str:
    return INTENT_TITLES.get(intent, intent)
