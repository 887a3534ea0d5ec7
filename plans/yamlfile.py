"""A YAML reader for files that come from outside: plan files (``import_plan``).

PyYAML's ``SafeLoader`` builds only plain data, but it trusts the file's size and shape:
a "billion laughs" file of a few hundred bytes expands its aliases into gigabytes, deep
nesting ends in ``RecursionError``, a 100,000-digit number in Python's own
``ValueError``, a ``"\\ud800"`` escape in a string that cannot be saved or printed, and a
key written twice silently keeps the last value. This loader refuses each of these while
it reads, before any of it is built, with the place in the file (line, column).

A plan file never needs aliases, so they are refused outright rather than counted.
This module knows nothing of Django, so it can be tested (and used) on its own.
"""

import re

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode

MAX_FILE_BYTES = 5 * 1024 * 1024  # the seed plans are 35–45 kB; a 300-measure plan ≈ 0.5 MB
MAX_STRING_CHARS = 50_000  # the longest seed text is 3,300 characters
MAX_DEPTH = 20  # a plan file nests 8 levels deep
MAX_NUMBER_CHARS = 30

SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters no plan text has (tab, newline and carriage return are text); NUL
#: cannot even be stored by PostgreSQL, and the import ended in a long traceback.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Values (keys, texts, lists …) in the whole file at most: the 40-measure demo plan has
#: 1,345, so a 300-measure plan about 10,000. A file of 400,000 unknown keys took 727 MB and 73 s to be refused.
MAX_NODES = 50_000
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"


class UnsafePlanFile(yaml.MarkedYAMLError):
    """A file this loader refuses; ``message`` is one line with the place."""

    def __init__(self, problem, mark=None):
        super().__init__(problem=problem, problem_mark=mark)

    @property
    def message(self):
        mark = self.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        return f"{where}{self.problem}"


class _GuardedComposer(Composer):
    """Builds the node tree, refusing aliases, deep nesting and oversized scalars."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent, index):
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise UnsafePlanFile(
                f"more than {MAX_NODES:,} keys and values in the file; a plan file has far fewer",
                self.peek_event().start_mark,
            )
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise UnsafePlanFile(
                f"YAML aliases (*{event.anchor}) are not allowed in plan files; write the value out",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise UnsafePlanFile(
                    f"nested deeper than {MAX_DEPTH} levels; a plan file needs far fewer",
                    self.peek_event().start_mark,
                )
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, ScalarNode):
            _check_scalar(node)
        return node


def _check_scalar(node):
    value = node.value
    if node.tag in (INT_TAG, FLOAT_TAG):
        _check_number(node)
    if len(value) > MAX_STRING_CHARS:
        raise UnsafePlanFile(
            f"a text longer than {MAX_STRING_CHARS} characters ({len(value)}); shorten it",
            node.start_mark,
        )
    control = CONTROL.search(value)
    if control:
        raise UnsafePlanFile(
            f"a control character (U+{ord(control.group()):04X}) is not text; remove it",
            node.start_mark,
        )
    if SURROGATE.search(value):
        raise UnsafePlanFile(
            "a lone surrogate (\\ud800–\\udfff) is not a character; write the character itself",
            node.start_mark,
        )


class PlanYAMLLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _GuardedComposer,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """``SafeLoader`` with the guards above, duplicate keys refused, numbers bounded, and
    no implicit dates: dates stay text until validated, so a wrong one is reported with
    its place instead of surfacing as a Python error."""

    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _GuardedComposer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen = {}
            for key_node, _value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise UnsafePlanFile("a key must be a plain word", key_node.start_mark)
                key = key_node.value
                if key in seen and key != "<<":
                    raise UnsafePlanFile(
                        f"the key {key!r} is given twice (also line {seen[key].line + 1})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node):
        _check_number(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        _check_number(node)
        return super().construct_yaml_float(node)


def _check_number(node):
    if len(node.value) > MAX_NUMBER_CHARS:
        digits = sum(ch.isdigit() for ch in node.value)
        raise UnsafePlanFile(
            f"a number with {digits} digits; write it in quotes if it is text", node.start_mark
        )


PlanYAMLLoader.add_constructor(INT_TAG, PlanYAMLLoader.construct_yaml_int)
PlanYAMLLoader.add_constructor(FLOAT_TAG, PlanYAMLLoader.construct_yaml_float)
PlanYAMLLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_plan_yaml(text):
    """The data of ``text``; :class:`UnsafePlanFile` or another ``yaml.YAMLError`` when refused."""
    if len(text) > MAX_FILE_BYTES:
        raise UnsafePlanFile(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        return yaml.load(text, Loader=PlanYAMLLoader)
    except RecursionError as error:  # nesting inside one flow scalar the composer does not see
        raise UnsafePlanFile(
            f"nested deeper than {MAX_DEPTH} levels; a plan file needs far fewer"
        ) from error
