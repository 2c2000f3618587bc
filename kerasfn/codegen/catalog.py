"""The one table of R keras3 layer functions kerasfn provides.

Each :class:`Entry` names an R function, the Keras 3 class it wraps, its
family (which decides the generated body and signature) and a tiny example
used both as the doctest in the generated docstring and as the input of the
parametrized dispatch test.  ``python -m kerasfn.codegen`` turns this table
into ``kerasfn/generated/layers_*.py``.

Families:

* ``layer``: ``object`` first, composed by :func:`kerasfn.rcall.dispatch.create_layer`;
* ``list``: a ``layer`` whose ``object`` is a list of tensors (R's
  ``layer_attention(object)``: one argument, the list);
* ``merge``: R's ``layer_add(inputs, ...)``: the tensors to combine, given
  separately or as a list;
* ``wrapper``: a ``layer`` whose first argument is another layer (or a cell);
* ``cell``: an RNN cell: no ``object``, returns the cell;
* ``backend``: a ``layer`` that needs a given backend and package.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ALIASES", "CATALOG", "Entry", "by_name"]


@dataclass(frozen=True)
class Entry:
    """One R function: its name, the Keras class it wraps and a tiny example.

    ``arguments`` is the argument text of the example call; ``data`` a Python
    expression for eager example input (``None``: the example only builds the
    layer).  ``backends``/``package`` say what a ``backend`` entry needs;
    ``converters`` adds checks the signature cannot tell (which kind of layer).
    """

    r_name: str
    keras_class: str
    family: str = "layer"
    arguments: str = ""
    data: str | None = "random_uniform((2, 3))"
    backends: tuple[str, ...] = ()
    package: str | None = None
    r_defaults: tuple[tuple[str, object], ...] = ()
    converters: tuple[tuple[str, str], ...] = ()  # kerasfn checks beyond what the signature tells
    notes: tuple[str, ...] = ()  # paragraphs added to the Description


_SEQ = "random_uniform((2, 5, 3))"
_IMG = "random_uniform((1, 4, 4, 3))"
# Mixing layers (CutMix, MixUp) need two images; elastic and perspective warps need more than 4 pixels a side.
_IMG_BATCH = "random_uniform((2, 8, 8, 3))"
_VOL = "random_uniform((1, 4, 4, 4, 2))"
_PAIR = "[random_uniform((2, 3)), random_uniform((2, 3))]"
_SEQ_PAIR = "[random_uniform((2, 5, 3)), random_uniform((2, 4, 3))]"

CATALOG: tuple[Entry, ...] = (
    # rnn layers and cells
    Entry("layer_lstm", "kerasfn.core.lstm.LSTM", arguments="4", data=_SEQ, notes=(
        "kerasfn's layer is this Keras class with more on top (kerasfn.core): eager calls run "
        "compiled, ``return_state`` results are named and unpack (``seq, h, c = lstm(x)``), "
        "``cudnn_status(layer, inputs)`` says whether the cuDNN kernel runs and names each "
        "condition that fails, and tf.keras' legacy members work (``time_major``, "
        "``implementation``, ``reset_states(states=)``).",
        "The cuDNN kernel runs on a GPU with the TensorFlow backend when (Keras' documented list): "
        "1. ``activation == \"tanh\"``; 2. ``recurrent_activation == \"sigmoid\"``; "
        "3. ``recurrent_dropout == 0`` (the list says ``dropout == 0`` too, but Keras 3 applies input "
        "dropout before the kernel, so ``dropout`` does not block it); 4. ``unroll`` is ``False``; "
        "5. ``use_bias`` is ``True``; 6. masked inputs are strictly right-padded; 7. Eager execution "
        "is enabled in the outermost context (a ``tf.function`` such as ``fit()`` keeps cuDNN in TensorFlow 2).",
    )),
    Entry("layer_gru", "kerasfn.core.recurrent.GRU", arguments="4", data=_SEQ),
    Entry("layer_simple_rnn", "kerasfn.core.recurrent.SimpleRNN", arguments="4", data=_SEQ),
    Entry("layer_rnn", "kerasfn.core.recurrent.RNN", "wrapper", arguments="rnn_cell_lstm(4)", data=_SEQ),
    Entry("layer_bidirectional", "kerasfn.core.recurrent.Bidirectional", "wrapper", arguments="layer_lstm(4)", data=_SEQ,
          converters=(("layer", "required(as_recurrent_layer)"), ("backward_layer", "as_recurrent_layer"))),
    Entry("layer_time_distributed", "kerasfn.core.recurrent.TimeDistributed", "wrapper", arguments="layer_dense(2)", data=_SEQ),
    Entry("layer_conv_lstm_1d", "kerasfn.core.recurrent.ConvLSTM1D", arguments="filters=2, kernel_size=3", data="random_uniform((1, 2, 5, 3))"),
    Entry("layer_conv_lstm_2d", "kerasfn.core.recurrent.ConvLSTM2D", arguments="filters=2, kernel_size=3", data="random_uniform((1, 2, 4, 4, 3))"),
    Entry("layer_conv_lstm_3d", "kerasfn.core.recurrent.ConvLSTM3D", arguments="filters=2, kernel_size=3", data="random_uniform((1, 2, 4, 4, 4, 1))"),
    Entry("rnn_cell_lstm", "LSTMCell", "cell", arguments="4", data=None),
    Entry("rnn_cell_gru", "GRUCell", "cell", arguments="4", data=None),
    Entry("rnn_cell_simple", "SimpleRNNCell", "cell", arguments="4", data=None),
    Entry("rnn_cells_stack", "StackedRNNCells", "cell", arguments="[rnn_cell_lstm(4), rnn_cell_lstm(2)]", data=None),
    # activations
    Entry("layer_activation", "Activation", arguments='"relu"'),
    Entry("layer_activation_elu", "ELU"),
    Entry("layer_activation_leaky_relu", "LeakyReLU"),
    Entry("layer_activation_parametric_relu", "PReLU"),
    Entry("layer_activation_relu", "ReLU"),
    Entry("layer_activation_softmax", "Softmax"),
    # core and regularization
    Entry("layer_activity_regularization", "ActivityRegularization", arguments="l1=0.01"),
    Entry("layer_dense", "Dense", arguments="2"),
    Entry("layer_einsum_dense", "EinsumDense", arguments='"ab,bc->ac", output_shape=2'),
    Entry("layer_embedding", "Embedding", arguments="input_dim=10, output_dim=4", data="np.array([[1, 2, 0]])"),
    Entry("layer_identity", "Identity"),
    Entry("layer_lambda", "Lambda", arguments="lambda x: x * 2"),
    Entry("layer_masking", "Masking", data=_SEQ),
    Entry("layer_dropout", "Dropout", arguments="0.5"),
    Entry("layer_alpha_dropout", "AlphaDropout", arguments="0.5"),
    Entry("layer_gaussian_dropout", "GaussianDropout", arguments="0.5"),
    Entry("layer_gaussian_noise", "GaussianNoise", arguments="0.1"),
    Entry("layer_spatial_dropout_1d", "SpatialDropout1D", arguments="0.5", data=_SEQ),
    Entry("layer_spatial_dropout_2d", "SpatialDropout2D", arguments="0.5", data=_IMG),
    Entry("layer_spatial_dropout_3d", "SpatialDropout3D", arguments="0.5", data=_VOL),
    Entry("layer_spectral_normalization", "SpectralNormalization", "wrapper", arguments="layer_dense(2)"),
    # attention
    Entry("layer_attention", "Attention", "list", data=_SEQ_PAIR),
    Entry("layer_additive_attention", "AdditiveAttention", "list", data=_SEQ_PAIR),
    Entry("layer_multi_head_attention", "kerasfn.core.attention.MultiHeadAttention", "merge", arguments="num_heads=2, key_dim=3", data=_SEQ_PAIR),
    Entry("layer_group_query_attention", "kerasfn.core.attention.GroupQueryAttention", "list", arguments="head_dim=2, num_query_heads=2, num_key_value_heads=1", data=_SEQ_PAIR),
    # merging
    Entry("layer_add", "Add", "merge", data=_PAIR),
    Entry("layer_average", "Average", "merge", data=_PAIR),
    Entry("layer_concatenate", "Concatenate", "merge", data=_PAIR),
    Entry("layer_dot", "Dot", "merge", arguments="1", data=_PAIR),
    Entry("layer_maximum", "Maximum", "merge", data=_PAIR),
    Entry("layer_minimum", "Minimum", "merge", data=_PAIR),
    Entry("layer_multiply", "Multiply", "merge", data=_PAIR),
    Entry("layer_subtract", "Subtract", "merge", data=_PAIR),
    # convolution
    Entry("layer_conv_1d", "Conv1D", arguments="filters=2, kernel_size=3", data=_SEQ),
    Entry("layer_conv_1d_transpose", "Conv1DTranspose", arguments="filters=2, kernel_size=3", data=_SEQ),
    Entry("layer_conv_2d", "Conv2D", arguments="filters=2, kernel_size=3", data=_IMG),
    Entry("layer_conv_2d_transpose", "Conv2DTranspose", arguments="filters=2, kernel_size=3", data=_IMG),
    Entry("layer_conv_3d", "Conv3D", arguments="filters=2, kernel_size=3", data=_VOL),
    Entry("layer_conv_3d_transpose", "Conv3DTranspose", arguments="filters=2, kernel_size=3", data=_VOL),
    Entry("layer_depthwise_conv_1d", "DepthwiseConv1D", arguments="3", data=_SEQ),
    Entry("layer_depthwise_conv_2d", "DepthwiseConv2D", arguments="3", data=_IMG),
    Entry("layer_separable_conv_1d", "SeparableConv1D", arguments="filters=2, kernel_size=3", data=_SEQ),
    Entry("layer_separable_conv_2d", "SeparableConv2D", arguments="filters=2, kernel_size=3", data=_IMG),
    # pooling
    Entry("layer_average_pooling_1d", "AveragePooling1D", r_defaults=(("pool_size", 2),), data=_SEQ),
    Entry("layer_average_pooling_2d", "AveragePooling2D", r_defaults=(("pool_size", (2, 2)),), data=_IMG),
    Entry("layer_average_pooling_3d", "AveragePooling3D", r_defaults=(("pool_size", (2, 2, 2)),), data=_VOL),
    Entry("layer_max_pooling_1d", "MaxPooling1D", r_defaults=(("pool_size", 2),), data=_SEQ),
    Entry("layer_max_pooling_2d", "MaxPooling2D", r_defaults=(("pool_size", (2, 2)),), data=_IMG),
    Entry("layer_max_pooling_3d", "MaxPooling3D", r_defaults=(("pool_size", (2, 2, 2)),), data=_VOL),
    Entry("layer_global_average_pooling_1d", "GlobalAveragePooling1D", data=_SEQ),
    Entry("layer_global_average_pooling_2d", "GlobalAveragePooling2D", data=_IMG),
    Entry("layer_global_average_pooling_3d", "GlobalAveragePooling3D", data=_VOL),
    Entry("layer_global_max_pooling_1d", "GlobalMaxPooling1D", data=_SEQ),
    Entry("layer_global_max_pooling_2d", "GlobalMaxPooling2D", data=_IMG),
    Entry("layer_global_max_pooling_3d", "GlobalMaxPooling3D", data=_VOL),
    # normalization
    Entry("layer_batch_normalization", "BatchNormalization"),
    Entry("layer_group_normalization", "GroupNormalization", arguments="groups=3"),
    Entry("layer_layer_normalization", "LayerNormalization"),
    Entry("layer_unit_normalization", "UnitNormalization"),
    # reshaping
    Entry("layer_cropping_1d", "Cropping1D", arguments="cropping=1", data=_SEQ),
    Entry("layer_cropping_2d", "Cropping2D", arguments="cropping=1", data=_IMG),
    Entry("layer_cropping_3d", "Cropping3D", arguments="cropping=1", data=_VOL),
    Entry("layer_flatten", "Flatten", data=_SEQ),
    Entry("layer_permute", "Permute", arguments="(2, 1)", data=_SEQ),
    Entry("layer_repeat_vector", "RepeatVector", arguments="4"),
    Entry("layer_reshape", "Reshape", arguments="(3, 1)"),
    Entry("layer_upsampling_1d", "UpSampling1D", data=_SEQ),
    Entry("layer_upsampling_2d", "UpSampling2D", data=_IMG),
    Entry("layer_upsampling_3d", "UpSampling3D", data=_VOL),
    Entry("layer_zero_padding_1d", "ZeroPadding1D", data=_SEQ),
    Entry("layer_zero_padding_2d", "ZeroPadding2D", data=_IMG),
    Entry("layer_zero_padding_3d", "ZeroPadding3D", data=_VOL),
    # preprocessing
    Entry("layer_category_encoding", "CategoryEncoding", arguments="4", data="np.array([0, 3, 1])"),
    Entry("layer_center_crop", "CenterCrop", arguments="height=2, width=2", data=_IMG),
    Entry("layer_discretization", "Discretization", arguments="bin_boundaries=[0.5]"),
    Entry("layer_feature_space", "FeatureSpace", arguments='features={"x": "float"}', data=None),
    Entry("layer_hashed_crossing", "HashedCrossing", "list", arguments="4", data="[np.array([1, 2]), np.array([3, 4])]"),
    Entry("layer_hashing", "Hashing", arguments="4", data="np.array([[1], [2]])"),
    Entry("layer_integer_lookup", "IntegerLookup", arguments="vocabulary=[7, 8]", data="np.array([[7], [9]])"),
    Entry("layer_string_lookup", "StringLookup", arguments='vocabulary=["a", "b"]', data='np.array([["a"], ["c"]])'),
    Entry("layer_text_vectorization", "TextVectorization", arguments='vocabulary=["a", "b"]', data='np.array(["a b", "b c"])'),
    Entry("layer_mel_spectrogram", "MelSpectrogram", arguments="fft_length=64, sequence_stride=32, num_mel_bins=8", data="random_uniform((1, 128))"),
    Entry("layer_normalization", "Normalization", arguments="mean=0.5, variance=0.25"),
    Entry("layer_random_brightness", "RandomBrightness", arguments="0.2", data=_IMG),
    Entry("layer_random_contrast", "RandomContrast", arguments="0.2", data=_IMG),
    Entry("layer_random_crop", "RandomCrop", arguments="height=2, width=2", data=_IMG),
    Entry("layer_random_flip", "RandomFlip", data=_IMG),
    Entry("layer_random_rotation", "RandomRotation", arguments="0.1", data=_IMG),
    Entry("layer_random_translation", "RandomTranslation", arguments="height_factor=0.1, width_factor=0.1", data=_IMG),
    Entry("layer_random_zoom", "RandomZoom", arguments="0.1", data=_IMG),
    Entry("layer_rescaling", "Rescaling", arguments="1 / 255"),
    Entry("layer_resizing", "Resizing", arguments="height=2, width=2", data=_IMG),
    # image augmentation and other layers R keras3 exports beyond the recurrent and core layers above
    Entry("layer_aug_mix", "AugMix", data=_IMG_BATCH),
    Entry("layer_auto_contrast", "AutoContrast", arguments="value_range=(0, 1)", data=_IMG),
    Entry("layer_cut_mix", "CutMix", data=_IMG_BATCH),
    # Keras 3.15 cannot put Equalization in a model ("part of a cycle"): no data, so no dispatch checks.
    Entry("layer_equalization", "Equalization", arguments="value_range=(0, 1)", data=None),
    Entry("layer_max_num_bounding_boxes", "MaxNumBoundingBoxes", arguments="max_number=2", data=None),
    Entry("layer_mix_up", "MixUp", data=_IMG_BATCH),
    Entry("layer_pipeline", "Pipeline", "wrapper", arguments="[layer_rescaling(0.5), layer_rescaling(2.0)]"),
    Entry("layer_rand_augment", "RandAugment", data=_IMG_BATCH),
    Entry("layer_random_color_degeneration", "RandomColorDegeneration", arguments="0.5", data=_IMG),
    Entry("layer_random_color_jitter", "RandomColorJitter", arguments="value_range=(0, 1), brightness_factor=0.2", data=_IMG),
    Entry("layer_random_elastic_transform", "RandomElasticTransform", data=_IMG_BATCH),
    Entry("layer_random_erasing", "RandomErasing", data=_IMG_BATCH),
    Entry("layer_random_gaussian_blur", "RandomGaussianBlur", data=_IMG_BATCH),
    Entry("layer_random_grayscale", "RandomGrayscale", arguments="0.5", data=_IMG),
    Entry("layer_random_hue", "RandomHue", arguments="0.2, value_range=(0, 1)", data=_IMG),
    Entry("layer_random_invert", "RandomInvert", arguments="0.5, value_range=(0, 1)", data=_IMG),
    Entry("layer_random_perspective", "RandomPerspective", data=_IMG_BATCH),
    Entry("layer_random_posterization", "RandomPosterization", arguments="4, value_range=(0, 255)", data=_IMG_BATCH),
    Entry("layer_random_saturation", "RandomSaturation", arguments="0.2, value_range=(0, 1)", data=_IMG),
    Entry("layer_random_sharpness", "RandomSharpness", arguments="0.2, value_range=(0, 1)", data=_IMG),
    Entry("layer_random_shear", "RandomShear", arguments="x_factor=0.1", data=_IMG),
    Entry("layer_rms_normalization", "RMSNormalization"),
    Entry("layer_solarization", "Solarization", arguments="addition_factor=0.1, value_range=(0, 1)", data=_IMG),
    Entry("layer_stft_spectrogram", "STFTSpectrogram", arguments="frame_length=8, frame_step=4, fft_length=8", data="random_uniform((1, 32, 1))"),
    # backend-specific wrappers
    Entry("layer_torch_module_wrapper", "TorchModuleWrapper", "backend", arguments='module=torch.nn.Linear(3, 2)', data=None,
          backends=("torch",), package="torch"),
    Entry("layer_jax_model_wrapper", "JaxLayer", "backend", arguments='call_fn=jax_fn, init_fn=jax_init', data=None,
          backends=("jax", "tensorflow"), package="jax"),
    Entry("layer_flax_module_wrapper", "FlaxLayer", "backend", arguments='module=flax_module', data=None,
          backends=("jax", "tensorflow"), package="flax"),
    Entry("layer_tfsm", "TFSMLayer", "backend", arguments='"path/to/saved_model"', data=None,
          backends=("tensorflow",), package="tensorflow"),
)

#: R's short names for the same functions.
ALIASES: dict[str, str] = {
    "bidirectional": "layer_bidirectional",
    "time_distributed": "layer_time_distributed",
}


def by_name(r_name: str) -> Entry:
    """The catalog entry for ``r_name``."""
    for entry in CATALOG:
        if entry.r_name == r_name:
            return entry
    raise KeyError(r_name)
