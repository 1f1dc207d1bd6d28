"""Rasa's DIETClassifier, loaded in seconds instead of most of a minute.

To build its weights before reading them, Rasa's `RasaModel.load` runs one training step on an
example batch – and traces the whole training graph for it with `tf.function`, which takes
30–50 s on our two cores, at every start of a Rasa server and every model swap. That one
throw-away step runs eagerly here (no tracing); the weights are then read as Rasa reads them,
and the prediction graph is traced once, as Rasa does, so prediction is what it always was
(tests/test_diet_loading.py checks the same intents, confidences and entities both ways).
Training and fine-tuning are Rasa's own, untouched.
"""

import copy
from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.extractors.extractor import EntityTagSpec
from rasa.shared.nlu.constants import TEXT
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=True,
)
class FastLoadingDIETClassifier(DIETClassifier):
    @property
    def name(self) -> str:
        """Rasa's own name for the extractor: `rasa test nlu` and the recipe's checks look
        for "DIETClassifier" (entity reports, confidence histograms)."""
        return "DIETClassifier"

    @classmethod
    def _load_model_class(
        cls,
        tf_model_file: str,
        model_data_example: RasaModelData,
        label_data: RasaModelData,
        entity_tag_specs: List[EntityTagSpec],
        config: Dict[str, Any],
        finetune_mode: bool,
    ) -> RasaModel:
        if finetune_mode:  # further training: Rasa's way, with the config's own settings
            return super()._load_model_class(
                tf_model_file, model_data_example, label_data, entity_tag_specs, config, True
            )
        model = cls.model_class().load(
            tf_model_file,
            model_data_example,
            data_signature=model_data_example.get_signature(),
            label_data=label_data,
            entity_tag_specs=entity_tag_specs,
            config={**copy.deepcopy(config), RUN_EAGERLY: True},  # the weight-building step
        )
        model.run_eagerly = config[RUN_EAGERLY]  # predictions as the config says, as Rasa's
        model.config[RUN_EAGERLY] = config[RUN_EAGERLY]
        # the first prediction traces the graph: done now, not on a customer's message
        model.run_inference(
            RasaModelData(
                label_key=model_data_example.label_key,
                data={name: data for name, data in model_data_example.items() if TEXT in name},
            )
        )
        return model
