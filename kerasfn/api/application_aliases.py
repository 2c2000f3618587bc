"""R keras3's former names of two ``application_*`` constructors (``application_nasnetlarge()``, ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras

from kerasfn.generated import applications as generated
from kerasfn.rcall.binding import r_function

__all__ = ["application_nasnetlarge", "application_nasnetmobile"]


def _deprecated_alias(name: str, target: str) -> Callable[..., keras.Model]:
    @r_function(None, "")
    def alias(*args: Any, **kwargs: Any) -> keras.Model:
        return getattr(generated, target)(*args, **kwargs)  # looked up per call, as R's wrapper does

    alias.__name__ = alias.__qualname__ = name
    alias.__doc__ = f"""R keras3's former name of {target}()

    Description:
        ``{name}()`` is kept by R keras3 for older scripts; it is
        ``{target}()``, with the same arguments.

    Arguments:
        *args: Passed on to ``{target}()``.
        **kwargs: Passed on to ``{target}()``.

    Value:
        A ``keras.Model``.

    Examples:
        >>> from kerasfn import {name}
        >>> model = {name}(weights=None)  # doctest: +SKIP

    See also:
        :func:`{target}`.
    """
    return alias


application_nasnetlarge = _deprecated_alias("application_nasnetlarge", "application_nasnet_large")
application_nasnetmobile = _deprecated_alias("application_nasnetmobile", "application_nasnet_mobile")
