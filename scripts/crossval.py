"""`make crossval`: Rasa's 5-fold NLU cross-validation with the folds drawn from a fixed seed.

Rasa shuffles the folds with numpy's global random state (StratifiedKFold(shuffle=True), no
seed), so two runs on the same data differ by a fold's luck (±0.02 intent accuracy here).
Seeding it makes a comparison of two pipelines or two data sets a comparison of those.
usage: python -m scripts.crossval OUT_DIR [extra `rasa test nlu` arguments]
"""

import random
import sys

import numpy as np

SEED = 42


def main() -> None:
    out = sys.argv[1]
    random.seed(SEED)
    np.random.seed(SEED)
    from rasa.__main__ import main as rasa_main

    sys.argv = [
        "rasa",
        "test",
        "nlu",
        "--nlu",
        "data/nlu",
        "--config",
        "config.yml",
        "--cross-validation",
        "--folds",
        "5",
        "--out",
        out,
        *sys.argv[2:],
    ]
    rasa_main()


if __name__ == "__main__":
    main()
