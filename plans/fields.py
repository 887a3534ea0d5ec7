"""A model field for "several of a fixed list" that works on SQLite and PostgreSQL alike."""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import pgettext


class MultipleChoiceField(models.CharField):
    """A list of choice keys, stored as ``,key1,key2,`` in a plain text column.

    The enclosing commas let a filter ask for one key with a portable
    ``field__contains=",key,"`` (see :func:`contains_key`), with no JSON or array support
    needed from the database. In Python the value is always a list, in choice order.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def _ordered(self, keys):
        order = [key for key, _label in self.choices]
        return sorted(set(keys), key=lambda k: order.index(k) if k in order else len(order))

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return self._ordered(part for part in value.split(",") if part)
        return self._ordered(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        keys = self.to_python(value)
        return f",{','.join(keys)}," if keys else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {key for key, _label in self.choices}
        unknown = [key for key in self.to_python(value) if key not in known]
        if unknown:
            raise exceptions.ValidationError(
                pgettext("admin", "Unknown value: %(values)s") % {"values": ", ".join(unknown)}
            )
        if not self.blank and not value:
            raise exceptions.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),  # as Django does for its own fields
            help_text=self.help_text,
        )


def contains_key(field_name, key):
    """A filter dict selecting rows whose :class:`MultipleChoiceField` holds ``key``."""
    return {f"{field_name}__contains": f",{key},"}
