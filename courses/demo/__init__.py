"""Demo curriculum data for `manage.py load_demo`.

Each module is a plain dict. A translatable string is either a str (written in
Norwegian bokmål only) or a dict {"nb": ..., "en": ..., "ar": ...} carrying
real translations. Rich text ("text" blocks, "callout" text, lecturer guides)
is HTML made of block elements only (<p>, <h3>, <ul><li>), and a translation
has exactly the same sequence of block elements as the Norwegian, so the
loader can pair them segment by segment for wagtail-localize.

    {
        "number": 5,
        "slug": "kvinnen",
        "title": T,
        "duration_minutes": 210,
        "summary": T,                      # 1-2 sentences, plain text
        "learning_goals": [T, ...],        # 3-5 short sentences
        "body": [                          # StreamField blocks, in order
            ("text", T_html),
            ("callout", {"kind": "info|tip|important|help",
                         "heading": T, "text": T_html}),
            ("discussion_questions", {"heading": T, "questions": [T, ...]}),
            ("reflection_prompt", {"prompt": T, "guidance": T}),
        ],
        "lecturer_guide": T_html,
    }
"""
