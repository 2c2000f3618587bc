"""Issue 9: R keras3's utilities: images, directory datasets, split_dataset, get_file, the custom-object
registry, serialization, and reticulate's array/iterator helpers, against plain Keras and numpy.

R: rstudio/keras3 R/image-utils.R (image_to_array: dtype NULL -> "double"; image_array_save returns x),
R/dataset-utils.R (split_dataset: sizes below 1 are fractions, others as_integer), R/utils.R (zip_lists),
R/model-persistence.R (register_keras_serializable: package "Custom" outside a package),
reticulate's array_reshape (row-major, order = "C").
"""

import inspect
import os

import keras
import numpy as np
import pytest

from kerasfn import (
    Layer,
    Loss,
    array_reshape,
    as_iterator,
    compile,
    deserialize_keras_object,
    get_custom_objects,
    get_file,
    get_registered_name,
    get_registered_object,
    image_array_save,
    image_dataset_from_directory,
    image_from_array,
    image_load,
    image_smart_resize,
    image_to_array,
    iter_next,
    iterate,
    keras_model_sequential,
    layer_dense,
    load_model,
    np_array,
    register_keras_serializable,
    save_model,
    serialize_keras_object,
    set_custom_objects,
    split_dataset,
    text_dataset_from_directory,
    with_custom_object_scope,
    zip_lists,
)
from kerasfn.rcall.binding import Pending

IMAGE = (np.arange(4 * 6 * 3).reshape(4, 6, 3) * 3 % 256).astype("float64")


@pytest.fixture
def png(tmp_path):
    path = str(tmp_path / "image.png")
    image_array_save(IMAGE, path, scale=False)
    return path


def test_image_round_trip_matches_keras_utils(png):
    assert image_array_save(IMAGE, png + ".2.png", scale=False) is IMAGE  # R returns x, for pipes
    image = png | image_load()
    expected = keras.utils.img_to_array(keras.utils.load_img(png), dtype="float64")
    array = image_to_array(image)
    assert array.dtype == np.float64  # R's default dtype: "double"
    np.testing.assert_array_equal(array, expected)
    np.testing.assert_array_equal(array, IMAGE)
    assert image_to_array(image, dtype="integer").dtype == np.int32
    assert image_to_array(image, dtype="float32").dtype == np.float32
    resized = image_load(png, target_size=(2.0, 3.0))  # R's doubles
    assert resized.size == keras.utils.load_img(png, target_size=(2, 3)).size == (3, 2)
    assert isinstance(image_load(), Pending)


def test_image_from_array_and_smart_resize_match_keras():
    image = IMAGE | image_from_array(scale=False)
    np.testing.assert_array_equal(np.asarray(image), np.asarray(keras.utils.array_to_img(IMAGE, scale=False)))
    resized = IMAGE | image_smart_resize(size=(2.0, 2.0))
    np.testing.assert_allclose(resized, keras.preprocessing.image.smart_resize(IMAGE, size=(2, 2)))


def test_image_arguments_are_checked():
    with pytest.raises(ValueError, match=r"`target_size` must be a whole number; received 2.5 \(float\)"):
        image_load("x.png", target_size=(2.5, 3))
    with pytest.raises(TypeError, match=r"`scale` must be True or False; received 'yes'"):
        image_from_array(IMAGE, scale="yes")


def _folders(root):
    for index, label in enumerate(["cat", "cat", "dog", "dog", "dog"]):
        os.makedirs(root / label, exist_ok=True)
        image_array_save(np.full((4, 6, 3), 40.0 * index), str(root / label / f"{index}.png"), scale=False)
    return str(root)


def test_image_dataset_from_directory_matches_keras(tmp_path):
    root = _folders(tmp_path / "images")
    ours = image_dataset_from_directory(root, image_size=(4.0, 6.0), batch_size=5.0, shuffle=False, verbose=False)
    theirs = keras.utils.image_dataset_from_directory(root, image_size=(4, 6), batch_size=5, shuffle=False,
                                                      verbose=False)
    assert ours.class_names == theirs.class_names == ["cat", "dog"]
    (x1, y1), (x2, y2) = next(iter(ours)), next(iter(theirs))
    np.testing.assert_array_equal(x1.numpy(), x2.numpy())
    assert y1.numpy().tolist() == y2.numpy().tolist() == [0, 0, 1, 1, 1]
    with pytest.raises(ValueError, match=r"`batch_size` must be a whole number; received 2.5"):
        image_dataset_from_directory(root, batch_size=2.5)


def test_text_dataset_from_directory_with_r_labels(tmp_path):
    for label, text in (("neg", "bad"), ("pos", "good")):
        os.makedirs(tmp_path / label)
        (tmp_path / label / "a.txt").write_text(text)
    dataset = str(tmp_path) | text_dataset_from_directory(batch_size=2, shuffle=False, verbose=False)
    texts, labels = next(iter(dataset))
    assert [t.decode() for t in texts.numpy()] == ["bad", "good"] and labels.numpy().tolist() == [0, 1]
    relabelled = text_dataset_from_directory(str(tmp_path), labels=[1.0, 0.0], batch_size=2, shuffle=False,
                                             verbose=False)  # R's doubles become integer labels
    assert next(iter(relabelled))[1].numpy().tolist() == [1, 0]


def test_split_dataset_takes_fractions_and_r_counts():
    data = np.arange(10.0)
    left, right = data | split_dataset(left_size=0.8)
    assert (len(list(left)), len(list(right))) == (8, 2)
    left, right = split_dataset(data, left_size=3.0, right_size=7.0)  # whole doubles are counts
    assert (len(list(left)), len(list(right))) == (3, 7)
    if keras.backend.backend() != "torch":  # Keras' PyTorch split requires sizes that cover the data
        left, right = split_dataset(data, left_size=3.0, right_size=2.0)
        assert (len(list(left)), len(list(right))) == (3, 2)
    with pytest.raises(ValueError, match=r"`left_size` must be a whole number; received 2.5"):
        split_dataset(data, left_size=2.5)


def test_get_file_caches_a_file_offline(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("content")
    (tmp_path / "cache").mkdir()  # Keras falls back to /tmp/.keras for a cache_dir it cannot write
    path = get_file("copy.txt", origin=source.as_uri(), cache_dir=str(tmp_path / "cache"))
    assert path == str(tmp_path / "cache" / "datasets" / "copy.txt") and open(path).read() == "content"
    source.unlink()
    assert get_file("copy.txt", origin=source.as_uri(), cache_dir=str(tmp_path / "cache")) == path  # cached
    with pytest.raises(TypeError, match=r"`origin` is missing, with no default"):
        get_file("copy.txt")


# -- custom objects and serialization ---------------------------------------------------------------


def _double_layer():
    return Layer("Double", call=lambda self, x: 2 * x)


def test_register_keras_serializable_loads_without_custom_objects(tmp_path):
    layer_double = _double_layer() | register_keras_serializable(package="kerasfn_test")
    assert get_registered_name(layer_double.layer_class) == "kerasfn_test>Double"
    path = str(tmp_path / "double.keras")
    model = keras_model_sequential(input_shape=2) | layer_double() | save_model(path)
    loaded = load_model(path)
    assert type(loaded.layers[0]).__name__ == "Double"
    np.testing.assert_array_equal(loaded.predict(np.ones((1, 2)), verbose=0), [[2.0, 2.0]])
    assert get_custom_objects()["kerasfn_test>Double"] is layer_double.layer_class
    assert model is not None


def test_register_keras_serializable_defaults_to_the_custom_package():
    Zero = Loss("ZeroLoss", call=lambda self, y_true, y_pred: 0.0 * y_pred)
    assert register_keras_serializable(Zero) is Zero
    assert get_registered_name(Zero) == "Custom>ZeroLoss"  # R: package "Custom" outside a package
    assert get_registered_object("Custom>ZeroLoss") is Zero


def test_with_custom_object_scope_both_ways(tmp_path):
    Halve = Loss("Halve", call=lambda self, y_true, y_pred: 0.5 * (y_pred - y_true))
    path = str(tmp_path / "halve.keras")
    keras_model_sequential(input_shape=2) | layer_dense(1) | compile(loss=Halve()) | save_model(path)
    with pytest.raises(TypeError, match=r"Halve"):
        load_model(path)
    with with_custom_object_scope([Halve]):
        assert type(load_model(path).loss) is Halve
    assert type(with_custom_object_scope({"Halve": Halve}, lambda: load_model(path)).loss) is Halve
    with pytest.raises(TypeError, match=r"`expr` must be a function of no arguments \(R's expression\)"):
        with_custom_object_scope([Halve], 3)


def test_set_custom_objects_replaces_and_returns_the_registry():
    Third = Loss("Third", call=lambda self, y_true, y_pred: y_pred / 3)
    before = set_custom_objects([Third])
    try:
        assert get_custom_objects() == {"Third": Third}
        assert get_registered_name(Third) == "Third"
    finally:
        set_custom_objects(before)
    assert "Third" not in get_custom_objects() and get_custom_objects() == before


def test_custom_objects_are_the_users_only_and_kerasfn_classes_stay_registered():
    # R keras3's get_custom_objects() lists only what the user registered
    # (R shows `$'my_package>MyDense'` alone); kerasfn's own classes must still load
    own = {name for name in keras.saving.get_custom_objects() if name.startswith("kerasfn>")}
    assert own and not own & set(get_custom_objects())
    before = set_custom_objects([])
    try:
        assert get_custom_objects() == {}
        assert own <= set(keras.saving.get_custom_objects())
    finally:
        set_custom_objects(before)


def test_a_registered_layer_class_without_initialize_takes_any_arguments_as_in_r():
    # R: get_custom_objects() after register_keras_serializable(Layer("MyDense"), package = "my_package")
    # prints `<class '<r-globalenv>.MyDense'>` with ` signature: (*args, **kwargs)`
    my_dense = register_keras_serializable(Layer("MyDense"), package="kerasfn_test_sig")
    try:
        cls = get_custom_objects()["kerasfn_test_sig>MyDense"]
        assert str(inspect.signature(cls)) == "(*args, **kwargs)"
        assert cls(name="d").name == "d"  # the base's keywords still bind
        with pytest.raises(TypeError, match="takes no arguments without `initialize`"):
            cls(3)
    finally:
        set_custom_objects({name: item for name, item in get_custom_objects().items()
                            if item is not my_dense.layer_class})


def test_serialize_and_deserialize_are_keras():
    initializer = keras.initializers.Constant(0.25)
    config = initializer | serialize_keras_object()
    assert config == keras.saving.serialize_keras_object(initializer)
    restored = deserialize_keras_object(config)
    assert isinstance(restored, keras.initializers.Constant) and restored.value == 0.25


# -- reticulate's helpers ----------------------------------------------------------------------------


def test_array_reshape_is_row_major_as_reticulate():
    # R keras3 (run here): print(array_reshape(1:6, c(2, 3)))  ->  [1,] 1 2 3 / [2,] 4 5 6
    # (R's dim(x) <- c(2, 3) would fill columns: 1 3 5 / 2 4 6)
    np.testing.assert_array_equal(array_reshape(np.arange(1, 7), (2.0, 3.0)), [[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(array_reshape(np.arange(1, 7), (2, 3), order="F"), [[1, 3, 5], [2, 4, 6]])
    np.testing.assert_array_equal(np.arange(1, 7) | array_reshape((3, -1)), np.arange(1, 7).reshape(3, 2))
    with pytest.raises(ValueError, match=r"`dim` \(4, 2\) does not fit the 6 values of `x`"):
        array_reshape(np.arange(6), (4, 2))
    with pytest.raises(ValueError, match=r'`order` must be "C" \(row-major\) or "F" \(column-major\); received \'A\''):
        array_reshape(np.arange(6), (2, 3), order="A")


def test_np_array_is_numpy_array():
    result = np_array([[1, 2], [3, 4]], dtype="float32", order="F")
    assert result.dtype == np.float32 and result.flags["F_CONTIGUOUS"]


def test_iterators():
    assert iterate(range(3), lambda i: i * 2).tolist() == [0, 2, 4]  # numbers simplify to a vector
    assert iterate([[1], [2]]) == [[1], [2]]
    assert iterate(range(2), simplify=False) == [0, 1]
    dataset = keras.utils.timeseries_dataset_from_array(np.arange(4.0), None, sequence_length=2, batch_size=2)
    it = dataset | as_iterator()
    assert iter_next(it).shape == (2, 2) and iter_next(it).shape == (1, 2)
    assert iter_next(it) is None and iter_next(it, completed="end") == "end"
    with pytest.raises(TypeError, match=r"`f` must be a function; received 3"):
        iterate([1], 3)


def test_zip_lists_positional_and_named():
    # R keras3 (run here): str(zip_lists(list(a = 1, b = 2), list(b = 20, a = 10)))
    # List of 2 / $ a:List of 2 (1, 10) / $ b:List of 2 (2, 20)
    assert zip_lists([1, 2], ["a", "b"]) == [[1, "a"], [2, "b"]]
    assert zip_lists([[1, 2], ["a", "b"]]) == [[1, "a"], [2, "b"]]  # one argument: the lists to zip
    assert zip_lists({"a": 1, "b": 2}, {"b": 20, "a": 10}) == {"a": [1, 10], "b": [2, 20]}
    with pytest.raises(ValueError, match=r"All names of arguments provided to `zip_lists\(\)` must match"):
        zip_lists({"a": 1}, {"b": 2})
    with pytest.raises(ValueError, match=r"zip_lists\(\) needs lists of one length; received lengths \[1, 2\]"):
        zip_lists([1], [1, 2])


# -- as_tensor(): R data as tensors ---------------------------------------------------

def test_as_tensor_takes_numbers_as_data_with_r_types():
    from kerasfn import as_tensor, op_dtype, op_is_tensor

    # R: as_tensor(3) -> tf.Tensor(3.0, shape=(), dtype=float64); as_tensor(3L) -> dtype=int32
    # R: as_tensor(c(1L, 2L)) -> int32; as_tensor(c(1, 2)) -> float64; as_tensor(TRUE) -> bool
    double, integer = as_tensor(3.0), as_tensor(3)
    assert op_is_tensor(double) and float(double) == 3.0 and int(integer) == 3
    assert op_dtype(integer) == "int32" and op_dtype(as_tensor([1, 2])) == "int32"
    assert op_dtype(as_tensor(True)) == "bool"
    if keras.backend.backend() == "tensorflow":  # JAX without x64 and PyTorch defaults hold no float64 here
        assert op_dtype(double) == "float64" and op_dtype(as_tensor([1.0, 2.0])) == "float64"
    # R: as_tensor(3, "int32") -> tf.Tensor(3, shape=(), dtype=int32)
    assert op_dtype(as_tensor(3.0, "int32")) == "int32"
    # R: x |> as_tensor("int32"): a dtype name alone is the dtype of a partial call
    assert op_dtype(np.array([1.0, 2.0]) | as_tensor("int32")) == "int32"


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="JAX and PyTorch have no string tensors")
def test_as_tensor_of_text_is_a_string_tensor():
    from kerasfn import as_tensor

    # R: as_tensor("abc") -> tf.Tensor(b'abc', shape=(), dtype=string)
    # R: as_tensor(c("a", "b")) -> tf.Tensor([b'a' b'b'], shape=(2), dtype=string)
    assert as_tensor("abc").numpy() == b"abc"
    assert as_tensor(["a", "b"]).numpy().tolist() == [b"a", b"b"]
    assert as_tensor(x="int32").numpy() == b"int32"  # named: the text itself
