"""Reading small configuration files (config, rule packs) without trusting them.

A FIFO, a device (``/dev/zero``) or a huge file must fail at once with the
file's name, not hang or exhaust memory; so must a YAML alias bomb.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmlint.resources import yaml_loader

if TYPE_CHECKING:
    import yaml

#: Configuration and rule packs are small; anything bigger is not one.
MAX_CONFIG_BYTES = 4 * 1024 * 1024


class FileProblem(Exception):
    """The file cannot be read as a configuration file; the message says why (without the path)."""


def read_small_text(path: Path, limit: int = MAX_CONFIG_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileProblem("файл не найден") from None
    except OSError as error:
        raise FileProblem(f"не удалось открыть: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("это не обычный файл (канал, устройство или папка)")
        if info.st_size > limit:
            raise FileProblem(f"файл больше {limit} байт")
        data = os.read(fd, limit + 1)
    except OSError as error:
        raise FileProblem(f"не удалось прочитать: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileProblem(f"файл больше {limit} байт")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(f"не UTF-8: {error.reason} на байте {error.start}") from None


#: Nodes a pack may expand to when every alias counts as a copy of what it names
#: (the largest shipped pack has about 1 100; all of them together about 5 200).
MAX_YAML_NODES = 200_000


def parse_small_yaml(text: str, limit: int = MAX_YAML_NODES) -> Any:
    """Parse untrusted YAML safely; an alias bomb (``&a [*b, *b, …]`` nested) or a recursive alias is refused.

    The document's nodes are counted as they would be after expansion, each
    alias as a copy of what it names, before anything is built from them.
    """
    loader = yaml_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node, limit)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_expansion(root: yaml.Node, limit: int) -> None:
    """Raise :class:`FileProblem` when ``root`` expands to more than ``limit`` nodes or refers to itself."""
    sizes: dict[yaml.Node, int] = {}
    open_nodes: set[yaml.Node] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if node in sizes:
            continue
        children = _children(node)
        if children_done:
            open_nodes.discard(node)
            sizes[node] = 1 + sum(sizes[child] for child in children)
            if sizes[node] > limit:
                raise FileProblem(f"ссылки YAML (&якорь и *ссылка) разворачиваются больше чем в {limit} узлов")
            continue
        if node in open_nodes:
            raise FileProblem("ссылка YAML (*ссылка) указывает на узел, внутри которого стоит")
        open_nodes.add(node)
        stack.append((node, True))
        stack.extend((child, False) for child in children if child not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
