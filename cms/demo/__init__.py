"""The demo site: `manage.py load_demo` and `manage.py bench`.

Part of the host site, not of the plugin: `courses` and `lms` never import it.
The curriculum is data, in content/*.yaml (see curriculum.py); the loader
builds the pages from it and translates them through wagtail-localize as an
editor would. alna.py, homework.py and lecturing.py add the Alna chapter's
running cohort, users.py the demo accounts, bench.py the load benchmark.
"""
