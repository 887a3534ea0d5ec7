from multilingual.formats.digits import *  # noqa: F403  (the same as Somali)
