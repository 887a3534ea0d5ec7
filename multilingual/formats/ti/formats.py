from multilingual.formats.digits import *  # noqa: F401,F403  (the same as Somali)
