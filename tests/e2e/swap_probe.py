"""The question support staff add in tests/e2e/test_model_swap.py (`make intent`)."""

NAME = "ask_swap_probe"
SWAP_TOKEN = "swap-test-token-51d0"  # the HTTP API token of the swap test's own server
EXAMPLES = [
    "Jak nastavím automatickou odpověď v době dovolené?",
    "Kde se zapíná odpověď v nepřítomnosti?",
    "Chci nastavit automatickou odpověď",
    "Jde nastavit autoreply na dovolenou?",
    "Odpověď v nepřítomnosti prosím",
    "Jak zapnu automatický odpovídač?",
    "Potřebuji, aby schránka sama odpovídala, když tu nejsem",
    "Kde je nastavení automatické odpovědi?",
    "Můžu si zapnout zprávu o nepřítomnosti?",
    "Jak vypnu automatickou odpověď?",
    "Nastavení odpovědi během dovolené",
    "Autoresponder na e-mail",
]
ANSWER = "Automatickou odpověď nastavíte ve webmailu v nastavení schránky."
