"""Changing one value deep inside JSON data, for schema tests that break a valid document."""
from __future__ import annotations

import copy


def changed(data, path, value):
    """A deep copy of `data` with the value at `path` (keys and indexes) set to `value`, or
    removed when `value` is KeyError."""
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out
