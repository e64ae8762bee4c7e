"""Words: the user's language and how a figure is written in it.

Translations (`i18n`, with the locale files in `locale/`), significant figures and units of time (`units`), and the
texts of the model shown to people (`display`). The lowest room: it imports nothing else of core/, and every other
room may import it.
"""
