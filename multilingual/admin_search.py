"""Admin search that finds part of a Swedish compound word.

Wagtail's autocomplete matches the *start* of each indexed word, so "nämnd" finds
"Nämnd för …" but not "Socialnämnden", and "frid" not "Kvinnofridslinjen": Swedish joins
words into one. A register's names are short, so each model indexes every ending of every
word of its name as an extra autocomplete field (``word_endings``): a prefix of an ending
is any part of the word, on SQLite and PostgreSQL alike, in listings and in choosers.

The admin's listings search with the model's own ``search_fields``: a viewset must not set
``search_fields`` for an indexed model, because the SQLite backend then asks its full-text
table for a column of that name and fails ("no such column: name";
wagtail/django-modelsearch#47).
"""

from multilingual.search_words import word_endings

__all__ = ["word_endings"]
