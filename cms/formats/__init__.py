"""Date and time formats for languages Django has none (or too few) for.

The site points FORMAT_MODULE_PATH here ("cms.formats"); Django then looks in
cms/formats/<language>/formats.py before its own. A name a module leaves out
falls back to Django's module for that language, then to the global setting.
The day and month names these formats print come from the catalogues in
locale/ (see names.py).
"""
