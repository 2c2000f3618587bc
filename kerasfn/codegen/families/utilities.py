"""R keras3's utilities that call one ``keras.utils``/``keras.saving`` function each.

``image_load()``, ``image_to_array()``, ``image_from_array()``,
``image_array_save()``, ``image_smart_resize()``, the
``*_dataset_from_directory()`` loaders, ``split_dataset()``,
``normalize()``, ``clear_session()``, ``get_source_inputs()`` and the
serialization helpers.  Each runs on its first argument (a path, an array,
an image, a dataset; :func:`kerasfn.rcall.subjects.utility_function`) or,
without it, waits for it to be piped in.
"""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

NAMES = (
    "audio_dataset_from_directory", "clear_session", "deserialize_keras_object", "get_registered_name",
    "get_registered_object", "get_source_inputs", "image_array_save", "image_dataset_from_directory",
    "image_from_array", "image_load", "image_smart_resize", "image_to_array", "normalize",
    "serialize_keras_object", "split_dataset", "text_dataset_from_directory",
)

_IMAGES = [
    "import os, tempfile",
    "import numpy as np",
    "from kerasfn import image_array_save",
    "folder = tempfile.mkdtemp()",
    "_ = [os.mkdir(os.path.join(folder, label)) for label in ('cat', 'dog')]",
    "_ = [image_array_save(np.full((4, 6, 3), 50.0 * i), os.path.join(folder, label, f'{i}.png'), scale=False) "
    "for i, label in enumerate(['cat', 'cat', 'dog'])]",
]

#: R's body where it does more than call the target (R/image-utils.R, R/utils.R).
_BODIES = {
    # R: dtype NULL or "double" -> float64 (R's numbers), "integer" -> int32
    "image_to_array": ["    dtype = {None: 'float64', 'double': 'float64', 'integer': 'int32'}.get(dtype, dtype)",
                       "    return {target}(img, data_format=data_format, dtype=dtype)"],
    # R returns x invisibly, so a pipe can go on
    "image_array_save": ["    {target}(path, x, data_format=data_format, file_format=file_format, scale=scale, **kwargs)",
                         "    return x"],
}

_EXAMPLES = {
    "image_load": [*_IMAGES, "from kerasfn import image_load, image_to_array",
                   "image = image_load(os.path.join(folder, 'cat', '1.png'), target_size=(2, 3))",
                   "image.size", "image_to_array(image)[0, 0].tolist()"],
    "image_to_array": [*_IMAGES, "from kerasfn import image_load, image_to_array",
                       "array = os.path.join(folder, 'cat', '1.png') | image_load() | image_to_array()",
                       "array.shape, array.dtype"],
    "image_array_save": ["import os, tempfile", "import numpy as np", "from kerasfn import image_array_save",
                         "path = os.path.join(tempfile.mkdtemp(), 'grey.png')",
                         "x = np.full((4, 6, 3), 128.0) | image_array_save(path)", "os.path.exists(path)"],
    "image_from_array": ["import numpy as np", "from kerasfn import image_from_array",
                         "image = np.zeros((4, 6, 3)) | image_from_array()", "image.size, image.mode"],
    "image_smart_resize": ["import numpy as np", "from kerasfn import image_smart_resize",
                           "(np.zeros((20, 40, 3)) | image_smart_resize(size=(10, 10))).shape"],
    "image_dataset_from_directory": [
        *_IMAGES, "from kerasfn import image_dataset_from_directory",
        "dataset = image_dataset_from_directory(folder, image_size=(4, 6), batch_size=3, verbose=False)",
        "dataset.class_names", "images, labels = next(iter(dataset))", "tuple(images.shape)"],
    "text_dataset_from_directory": [
        "import os, tempfile", "from kerasfn import text_dataset_from_directory", "folder = tempfile.mkdtemp()",
        "_ = [os.mkdir(os.path.join(folder, label)) for label in ('neg', 'pos')]",
        "_ = [open(os.path.join(folder, label, 'a.txt'), 'w').write(label) for label in ('neg', 'pos')]",
        "dataset = text_dataset_from_directory(folder, batch_size=2, shuffle=False, verbose=False)",
        "texts, labels = next(iter(dataset))", "labels.numpy().tolist()"],
    "audio_dataset_from_directory": [
        "import os, tempfile, wave", "from kerasfn import audio_dataset_from_directory",
        "folder = tempfile.mkdtemp()", "os.mkdir(os.path.join(folder, 'beep'))",
        "w = wave.open(os.path.join(folder, 'beep', '0.wav'), 'wb')",
        "w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000); w.writeframes(bytes(200)); w.close()",
        "dataset = audio_dataset_from_directory(folder, batch_size=1, verbose=False)",
        "audio, labels = next(iter(dataset))", "tuple(audio.shape)"],
    "split_dataset": ["import numpy as np", "from kerasfn import split_dataset",
                      "left, right = np.arange(10.0) | split_dataset(left_size=0.8)",
                      "len(list(left)), len(list(right))"],
    "normalize": ["import numpy as np", "from kerasfn import normalize", "np.array([[3.0, 4.0]]) | normalize()"],
    "clear_session": ["from kerasfn import clear_session, layer_dense", "clear_session()",
                      "layer_dense(units=1).name"],
    "get_source_inputs": ["from kerasfn import get_source_inputs, keras_input, layer_dense",
                          "inputs = keras_input(3)",
                          "get_source_inputs(inputs | layer_dense(2) | layer_dense(1))[0] is inputs"],
    "serialize_keras_object": ["import keras", "from kerasfn import serialize_keras_object",
                               "config = serialize_keras_object(keras.initializers.Constant(0.5))",
                               "config['class_name'], config['config']"],
    "deserialize_keras_object": ["from kerasfn import deserialize_keras_object",
                                 "config = {'class_name': 'Constant', 'config': {'value': 0.5}, 'module': 'keras.initializers'}",
                                 "deserialize_keras_object(config).value"],
    "get_registered_name": ["from kerasfn import Loss, get_registered_name",
                            "get_registered_name(Loss('Zero', call=lambda self, y_true, y_pred: 0.0 * y_pred))"],
    "get_registered_object": ["from kerasfn import get_registered_object, layer_dense",
                              "get_registered_object('Dense', custom_objects={'Dense': 'a dense layer'})"],
}

#: Converters R declares in a form the generator does not read, or where Python differs.
_EXTRA = {
    "labels": "as_labels",  # "inferred", NULL or a list of integer labels
    "left_size": "as_split_size",
    "right_size": "as_split_size",
    "custom_objects": "as_custom_objects",  # R's normalize_custom_objects
    "module_objects": "as_custom_objects",
}


def _body(function: rkeras3.RFunction, params: list, target: str) -> list[str]:
    if function.name in _BODIES:
        return [line.replace("{target}", target) for line in _BODIES[function.name]]
    arguments = [f"{p.name}={p.name}" for p in params]
    if any(name == "..." for name, _ in function.formals):
        arguments.append("**kwargs")
    return [f"    return {target}({', '.join(arguments)})"]


FAMILY = Family(
    name="utilities",
    title="R keras3's image, dataset and serialization utilities (``keras.utils``, ``keras.saving``).",
    rule=("Runs on its first argument (a path, an array, an image, a dataset, an object) or, "
          "without it, waits for it to be piped in: ``path | image_load()``."),
    names=lambda: list(NAMES),
    imports=("import keras", "", "from kerasfn.rcall.subjects import as_labels, as_split_size, utility_function"),
    decorator="utility_function",
    body=_body,
    value=lambda function: ["What the Keras function returns (see Description)." if function.name != "image_array_save"
                            else "``x``, so a pipe can go on."],
    example=lambda function: _EXAMPLES[function.name],
    extra_converters=_EXTRA,
)
