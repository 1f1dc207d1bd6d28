"""Czech NLU components for the Rasa pipeline."""
