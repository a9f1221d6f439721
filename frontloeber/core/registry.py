"""Registries: how a lower app learns what the apps above it add, without importing them.

A higher app registers from its ``AppConfig.ready``; the lower app reads the registry when it runs. Each
registry's docstring says what a registered item is and when it is called.
"""


class Registry:
    """An ordered list of registered items; registering the same item twice keeps one."""

    def __init__(self, doc):
        self.__doc__ = doc
        self._items = []

    def register(self, item):
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)


privacy_page = Registry(
    """Callables ``(request) -> dict`` whose results the privacy page adds to its context (organisations:
    how long the reader's organisations keep what they keep, or the default periods for a reader not signed
    in)."""
)
