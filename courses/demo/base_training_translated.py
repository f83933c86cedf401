"""Base-training course, site home and three base modules, in nb, en and ar."""

COURSE = {
    "slug": "grunnopplaering",
    "title": {
        "nb": "Grunnopplæring for bydelsmødre",
        "en": "Base training for district mothers (bydelsmødre)",
        "ar": "التدريب الأساسي لأمهات الحيّ (bydelsmødre)",
    },
    "audience": {
        "nb": "Kvinner som vil bli bydelsmødre i sin bydel i Oslo.",
        "en": (
            "Women who want to become district mothers (bydelsmødre) in their own "
            "district of Oslo."
        ),
        "ar": (
            "النساء اللواتي يرغبن في أن يصبحن أمهات حيّ (bydelsmødre) في أحيائهن "
            "في أوسلو."
        ),
    },
    "intro": {
        "nb": (
            "<p>Grunnopplæringen gir deg kunnskap og verktøy til å bli bydelsmor. "
            "Du lærer om helse, familie, barn og ungdom, det norske samfunnet og "
            "hjelpeapparatet. Du lærer også Bydelsmødrenes egne metoder: den gode "
            "samtalen, brobygging og nettverk.</p>"
            "<p>Opplæringen har 16 moduler fra mai til desember. Hver modul er en "
            "kveld på 3,5 timer. Du må være til stede på minst 80 % av kveldene. "
            "Mellom kveldene har du hjemmelekser, og du kan lese hver modul igjen "
            "her, på ditt eget språk der det finnes.</p>"
            "<p>Når du har fullført opplæringen, får du diplom. Ordføreren deler "
            "ut diplomene på en feiring i Oslo rådhus.</p>"
        ),
        "en": (
            "<p>The base training gives you the knowledge and tools to become a "
            "district mother (bydelsmor). You learn about health, family, children "
            "and young people, Norwegian society and the public support services. "
            "You also learn the methods of Bydelsmødre: the good conversation, "
            "bridge-building and networks.</p>"
            "<p>The training has 16 modules from May to December. Each module is "
            "an evening of 3.5 hours. You must attend at least 80% of the "
            "evenings. Between the evenings you have homework, and you can read "
            "each module again here, in your own language where it is "
            "available.</p>"
            "<p>When you have completed the training, you receive a diploma. The "
            "mayor hands out the diplomas at a celebration in Oslo City Hall (Oslo "
            "rådhus).</p>"
        ),
        "ar": (
            "<p>يمنحكِ التدريب الأساسي المعرفة والأدوات لتصبحي أمّ حيّ "
            "(bydelsmor). تتعلّمين عن الصحة والأسرة والأطفال والشباب والمجتمع "
            "النرويجي وخدمات الدعم العامة. وتتعلّمين أيضًا أساليب Bydelsmødre "
            "الخاصة: الحوار الجيّد، وبناء الجسور، وشبكات العلاقات.</p>"
            "<p>يتكوّن التدريب من 16 وحدة من شهر مايو إلى شهر ديسمبر. كل وحدة "
            "أمسية مدّتها ثلاث ساعات ونصف. يجب أن تحضري 80 في المائة من الأمسيات "
            "على الأقل. بين الأمسيات لديكِ واجبات منزلية، ويمكنكِ أن تقرئي كل وحدة "
            "مرة أخرى هنا، بلغتكِ إن كانت متوفّرة.</p>"
            "<p>عندما تُكملين التدريب تحصلين على شهادة. يُسلّم عمدة المدينة "
            "الشهادات في احتفال يُقام في مبنى بلدية أوسلو (Oslo rådhus).</p>"
        ),
    },
    "diploma_wording": {
        "nb": (
            "har fullført grunnopplæringen for bydelsmødre i Oslo, 16 moduler om "
            "helse, familie, samfunn og Bydelsmødrenes metoder."
        ),
        "en": (
            "has completed the base training for district mothers (bydelsmødre) in "
            "Oslo, 16 modules on health, family, society and the methods of "
            "Bydelsmødre."
        ),
        "ar": (
            "أتمّت التدريب الأساسي لأمهات الحيّ (bydelsmødre) في أوسلو، وهو 16 "
            "وحدة عن الصحة والأسرة والمجتمع وأساليب Bydelsmødre."
        ),
    },
}

INDEX = {
    "title": {
        "nb": "Bydelsmødre Oslo",
        "en": "Bydelsmødre Oslo – District Mothers",
        "ar": "أمهات الحيّ في أوسلو (Bydelsmødre Oslo)",
    },
    "intro": {
        "nb": (
            "<p>Velkommen til Bydelsmødre Oslo. En bydelsmor er en frivillig "
            "kvinne som når ut til andre kvinner i bydelen sin, særlig kvinner som "
            "er isolerte eller nye i Norge.</p>"
            "<p>Arbeidet bygger på tre søyler: samtale, brobygging og nettverk. "
            "Bydelsmødre snakker med kvinner om det som er viktig for dem, viser "
            "vei til helsestasjon, barnehage, skole, NAV og andre tjenester, og "
            "hjelper kvinner å bli kjent med hverandre. Her finner du kursene "
            "våre.</p>"
        ),
        "en": (
            "<p>Welcome to Bydelsmødre Oslo. A district mother (bydelsmor) is a "
            "volunteer who reaches out to other women in her district, especially "
            "women who are isolated or new in Norway.</p>"
            "<p>The work rests on three pillars: conversation (samtale), "
            "bridge-building (brobygging) and network (nettverk). District mothers "
            "talk with women about what matters to them, show the way to the "
            "health centre (helsestasjon), kindergarten, school, the welfare "
            "office (NAV) and other services, and help women get to know each "
            "other. Here you will find our courses.</p>"
        ),
        "ar": (
            "<p>مرحبًا بكِ في Bydelsmødre أوسلو. أمّ الحيّ (bydelsmor) امرأة "
            "متطوّعة تتواصل مع نساء أخريات في حيّها، ولا سيّما النساء المعزولات أو "
            "القادمات حديثًا إلى النرويج.</p>"
            "<p>يقوم العمل على ثلاث ركائز: الحوار (samtale)، وبناء الجسور "
            "(brobygging)، وشبكة العلاقات (nettverk). تتحدّث أمهات الحيّ مع النساء "
            "عمّا يهمّهن، ويُرشدنهن إلى المركز الصحي (helsestasjon) وروضة الأطفال "
            "والمدرسة ومكتب الرعاية الاجتماعية (NAV) وغيرها من الخدمات، ويساعدن "
            "النساء على التعارف فيما بينهن. ستجدين هنا دوراتنا.</p>"
        ),
    },
}

MODULES = [
    {
        "number": 1,
        "slug": "introduksjon",
        "title": {
            "nb": "Introduksjon: Bydelsmødre og rollen som bydelsmor",
            "en": "Introduction: Bydelsmødre and the role of a district mother",
            "ar": "مقدّمة: Bydelsmødre ودور أمّ الحيّ",
        },
        "duration_minutes": 210,
        "summary": {
            "nb": (
                "Vi blir kjent med hverandre og med Bydelsmødre: visjonen, målene "
                "og arbeidet. Vi snakker om hva en bydelsmor gjør, hvilke plikter "
                "og rettigheter hun har, og hvilke regler som gjelder i gruppen."
            ),
            "en": (
                "We get to know each other and Bydelsmødre: its vision, goals and "
                "work. We talk about what a district mother does, what duties and "
                "rights she has, and which rules apply in the group."
            ),
            "ar": (
                "نتعرّف على بعضنا وعلى Bydelsmødre: رؤيتها وأهدافها وعملها. "
                "ونتحدّث عمّا تفعله أمّ الحيّ، وما عليها من واجبات وما لها من "
                "حقوق، وما القواعد المعمول بها في المجموعة."
            ),
        },
        "learning_goals": [
            {
                "nb": "Du kan fortelle hva Bydelsmødre er og hvorfor vi finnes.",
                "en": "You can explain what Bydelsmødre is and why we exist.",
                "ar": "تستطيعين أن تشرحي ما هي Bydelsmødre ولماذا وُجدت.",
            },
            {
                "nb": "Du kjenner de tre søylene: samtale, brobygging og nettverk.",
                "en": (
                    "You know the three pillars: conversation, bridge-building and "
                    "network."
                ),
                "ar": "تعرفين الركائز الثلاث: الحوار، وبناء الجسور، وشبكة العلاقات.",
            },
            {
                "nb": "Du vet hvilke plikter og rettigheter en bydelsmor har.",
                "en": "You know the duties and rights of a district mother.",
                "ar": "تعرفين واجبات أمّ الحيّ وحقوقها.",
            },
            {
                "nb": "Du kjenner reglene for oppmøte, fravær og samarbeid i gruppen.",
                "en": (
                    "You know the rules for attendance, absence and working "
                    "together in the group."
                ),
                "ar": "تعرفين قواعد الحضور والغياب والتعاون داخل المجموعة.",
            },
        ],
        "body": [
            (
                "text",
                {
                    "nb": (
                        "<h3>Visjon og mål</h3>"
                        "<p>Bydelsmødre startet i Berlin i 2004 og kom til Danmark "
                        "i 2007. I Oslo startet arbeidet i bydel Alna i 2016. "
                        "Visjonen er at ingen kvinne skal stå alene. Mange kvinner "
                        "bor i Norge uten å kjenne naboene, språket eller "
                        "tjenestene. En bydelsmor kan være den første som banker "
                        "på døren.</p>"
                        "<p>Målet er at kvinner skal få mer kunnskap, tro på seg "
                        "selv og bruke de mulighetene som finnes. Når mødre har "
                        "det bedre, får også barna det bedre.</p>"
                        "<h3>Tre søyler i arbeidet</h3>"
                        "<ul><li>Samtale: Du lytter og snakker med kvinner om det "
                        "som er viktig for dem.</li>"
                        "<li>Brobygging: Du viser vei til tjenester som "
                        "helsestasjon, barnehage, skole, NAV og barnevernet.</li>"
                        "<li>Nettverk: Du hjelper kvinner å bli kjent med "
                        "hverandre, slik at de får noen å støtte seg på.</li>"
                        "</ul>"
                        "<p>Verdiene våre er anerkjennelse, respekt, tillit, "
                        "likeverd og mangfold.</p>"
                    ),
                    "en": (
                        "<h3>Vision and goals</h3>"
                        "<p>Bydelsmødre started in Berlin in 2004 and came to "
                        "Denmark in 2007. In Oslo the work began in the Alna "
                        "district in 2016. The vision is that no woman should "
                        "stand alone. Many women live in Norway without knowing "
                        "their neighbours, the language or the services. A "
                        "district mother can be the first person to knock on the "
                        "door.</p>"
                        "<p>The goal is for women to gain more knowledge, believe "
                        "in themselves and use the opportunities that exist. When "
                        "mothers are doing better, their children do better "
                        "too.</p>"
                        "<h3>Three pillars of the work</h3>"
                        "<ul><li>Conversation: You listen to women and talk with "
                        "them about what matters to them.</li>"
                        "<li>Bridge-building: You show the way to services such as "
                        "the health centre (helsestasjon), kindergarten, school, "
                        "NAV and the child welfare service (barnevernet).</li>"
                        "<li>Network: You help women get to know each other, so "
                        "that they have someone to lean on.</li>"
                        "</ul>"
                        "<p>Our values are recognition, respect, trust, equality "
                        "and diversity.</p>"
                    ),
                    "ar": (
                        "<h3>الرؤية والأهداف</h3>"
                        "<p>بدأت Bydelsmødre في برلين عام 2004 ووصلت إلى الدنمارك "
                        "عام 2007. وفي أوسلو بدأ العمل في حيّ ألنا (Alna) عام "
                        "2016. الرؤية هي ألّا تبقى أيّ امرأة وحيدة. تعيش نساء "
                        "كثيرات في النرويج دون أن يعرفن جيرانهن أو اللغة أو "
                        "الخدمات. ويمكن لأمّ الحيّ أن تكون أول من يطرق الباب.</p>"
                        "<p>الهدف أن تكتسب النساء معرفة أكبر، وأن يثقن بأنفسهن، "
                        "وأن يستفدن من الفرص المتاحة. فعندما تتحسّن أحوال الأمهات "
                        "تتحسّن أحوال الأطفال أيضًا.</p>"
                        "<h3>ثلاث ركائز للعمل</h3>"
                        "<ul><li>الحوار: تستمعين إلى النساء وتتحدّثين معهن عمّا "
                        "يهمّهن.</li>"
                        "<li>بناء الجسور: تُرشدين النساء إلى خدمات مثل المركز "
                        "الصحي (helsestasjon) وروضة الأطفال والمدرسة ومكتب NAV "
                        "وخدمة رعاية الطفل (barnevernet).</li>"
                        "<li>شبكة العلاقات: تساعدين النساء على التعارف، حتى يجدن "
                        "من يستندن إليه.</li>"
                        "</ul>"
                        "<p>قيمنا هي التقدير والاحترام والثقة والمساواة "
                        "والتنوّع.</p>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Rollen som bydelsmor</h3>"
                        "<p>En bydelsmor er frivillig. Hun er et medmenneske og en "
                        "veiviser, ikke en saksbehandler, lege eller tolk. Hun kan "
                        "lytte, gi informasjon og følge en kvinne til riktig sted. "
                        "Hun skal ikke løse alle problemer selv.</p>"
                        "<p>Som bydelsmor har du plikter:</p>"
                        "<ul><li>Du har taushetsplikt. Det kvinner forteller deg, "
                        "blir hos deg. Unntaket er hvis noen er i fare.</li>"
                        "<li>Du respekterer kvinnens egne valg.</li>"
                        "<li>Du sier fra til veilederen din hvis du er bekymret "
                        "for en kvinne eller et barn.</li>"
                        "</ul>"
                        "<p>Du har også rettigheter:</p>"
                        "<ul><li>Du får opplæring og veiledning.</li>"
                        "<li>Du kan si nei til oppdrag du ikke har tid eller "
                        "krefter til.</li>"
                        "<li>Du får diplom når du har fullført opplæringen.</li>"
                        "</ul>"
                    ),
                    "en": (
                        "<h3>The role of a district mother</h3>"
                        "<p>A district mother is a volunteer. She is a fellow "
                        "human being and a guide, not a caseworker, doctor or "
                        "interpreter. She can listen, give information and go with "
                        "a woman to the right place. She is not meant to solve "
                        "every problem herself.</p>"
                        "<p>As a district mother you have duties:</p>"
                        "<ul><li>You have a duty of confidentiality. What women "
                        "tell you stays with you. The exception is if someone is "
                        "in danger.</li>"
                        "<li>You respect the woman's own choices.</li>"
                        "<li>You tell your supervisor if you are worried about a "
                        "woman or a child.</li>"
                        "</ul>"
                        "<p>You also have rights:</p>"
                        "<ul><li>You receive training and supervision.</li>"
                        "<li>You can say no to tasks you do not have the time or "
                        "energy for.</li>"
                        "<li>You receive a diploma when you have completed the "
                        "training.</li>"
                        "</ul>"
                    ),
                    "ar": (
                        "<h3>دور أمّ الحيّ</h3>"
                        "<p>أمّ الحيّ متطوّعة. هي إنسانة قريبة ومرشدة، وليست "
                        "موظّفة حالات ولا طبيبة ولا مترجمة. تستطيع أن تستمع، وأن "
                        "تقدّم المعلومات، وأن ترافق المرأة إلى المكان المناسب. "
                        "وليس مطلوبًا منها أن تحلّ كل المشكلات بنفسها.</p>"
                        "<p>بصفتكِ أمّ حيّ عليكِ واجبات:</p>"
                        "<ul><li>عليكِ واجب كتمان السرّ. ما تخبركِ به النساء يبقى "
                        "عندكِ. والاستثناء هو إذا كان أحد في خطر.</li>"
                        "<li>تحترمين اختيارات المرأة نفسها.</li>"
                        "<li>تُبلغين مشرفتكِ إذا كنتِ قلقة على امرأة أو طفل.</li>"
                        "</ul>"
                        "<p>ولكِ أيضًا حقوق:</p>"
                        "<ul><li>تحصلين على التدريب والإشراف.</li>"
                        "<li>يمكنكِ أن ترفضي مهمّات ليس لديكِ وقت أو طاقة لها.</li>"
                        "<li>تحصلين على شهادة عندما تُكملين التدريب.</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Regler for deltakelse</h3>"
                        "<ul><li>Du må være til stede på minst 80 % av kveldene "
                        "for å få diplom. Det betyr at du kan være borte fra høyst "
                        "tre av de 16 kveldene.</li>"
                        "<li>Gi beskjed til koordinatoren før kvelden hvis du ikke "
                        "kan komme. En SMS er nok.</li>"
                        "<li>Kom presis. Vi starter og slutter til avtalt tid.</li>"
                        "<li>Lytt når andre snakker, og vent på tur. Alle skal få "
                        "si sitt.</li>"
                        "<li>Vi har pauser underveis. Ha mobilen på lydløs utenom "
                        "pausene.</li>"
                        "<li>Det som blir sagt i gruppen, blir i gruppen.</li>"
                        "</ul>"
                        "<p>Mellom kveldene får du hjemmelekser. Du kan lese "
                        "modulen igjen her og skrive refleksjoner i dagboken "
                        "din.</p>"
                    ),
                    "en": (
                        "<h3>Rules for taking part</h3>"
                        "<ul><li>You must attend at least 80% of the evenings to "
                        "receive the diploma. This means you can miss at most "
                        "three of the 16 evenings.</li>"
                        "<li>Let the coordinator know before the evening if you "
                        "cannot come. A text message is enough.</li>"
                        "<li>Be on time. We start and finish at the agreed "
                        "time.</li>"
                        "<li>Listen when others are speaking, and wait your turn. "
                        "Everyone should get to have their say.</li>"
                        "<li>We take breaks during the evening. Keep your phone on "
                        "silent outside the breaks.</li>"
                        "<li>What is said in the group stays in the group.</li>"
                        "</ul>"
                        "<p>Between the evenings you get homework. You can read "
                        "the module again here and write reflections in your "
                        "journal.</p>"
                    ),
                    "ar": (
                        "<h3>قواعد المشاركة</h3>"
                        "<ul><li>يجب أن تحضري 80 في المائة من الأمسيات على الأقل "
                        "لتحصلي على الشهادة. هذا يعني أنه يمكنكِ أن تتغيّبي عن "
                        "ثلاث أمسيات فقط من أصل 16 أمسية.</li>"
                        "<li>أبلغي المنسّقة قبل الأمسية إذا لم تستطيعي الحضور. "
                        "تكفي رسالة نصية قصيرة.</li>"
                        "<li>احضري في الموعد. نبدأ وننتهي في الوقت المتّفق "
                        "عليه.</li>"
                        "<li>استمعي عندما تتحدّث الأخريات، وانتظري دوركِ. يجب أن "
                        "تتمكّن كل واحدة من قول رأيها.</li>"
                        "<li>نأخذ استراحات خلال الأمسية. اجعلي هاتفكِ صامتًا خارج "
                        "أوقات الاستراحة.</li>"
                        "<li>ما يُقال في المجموعة يبقى في المجموعة.</li>"
                        "</ul>"
                        "<p>بين الأمسيات تحصلين على واجبات منزلية. يمكنكِ أن تقرئي "
                        "الوحدة مرة أخرى هنا وأن تكتبي تأمّلاتكِ في دفتر "
                        "يومياتكِ.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "heading": {
                        "nb": "Husk: minst 80 % oppmøte",
                        "en": "Remember: at least 80% attendance",
                        "ar": "تذكّري: الحضور 80 في المائة على الأقل",
                    },
                    "text": {
                        "nb": (
                            "<p>Du kan være borte fra høyst tre kvelder. Gi alltid "
                            "beskjed før kvelden hvis du ikke kan komme. Har du "
                            "mistet en kveld, les modulen her og snakk med "
                            "veilederen din om hva du gikk glipp av.</p>"
                        ),
                        "en": (
                            "<p>You can miss at most three evenings. Always give "
                            "notice before the evening if you cannot come. If you "
                            "have missed an evening, read the module here and talk "
                            "with your supervisor about what you missed.</p>"
                        ),
                        "ar": (
                            "<p>يمكنكِ أن تتغيّبي عن ثلاث أمسيات على الأكثر. أبلغي "
                            "دائمًا قبل الأمسية إذا لم تستطيعي الحضور. وإذا فاتتكِ "
                            "أمسية، فاقرئي الوحدة هنا وتحدّثي مع مشرفتكِ عمّا "
                            "فاتكِ.</p>"
                        ),
                    },
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": {
                        "nb": "La oss snakke",
                        "en": "Let's talk",
                        "ar": "لنتحدّث معًا",
                    },
                    "questions": [
                        {
                            "nb": "Hvorfor vil du bli bydelsmor?",
                            "en": "Why do you want to become a district mother?",
                            "ar": "لماذا تريدين أن تصبحي أمّ حيّ؟",
                        },
                        {
                            "nb": (
                                "Hvem hjalp deg da du var ny i Norge, eller hvem "
                                "skulle du ønske hadde hjulpet deg?"
                            ),
                            "en": (
                                "Who helped you when you were new in Norway, or "
                                "who do you wish had helped you?"
                            ),
                            "ar": (
                                "من ساعدكِ عندما كنتِ جديدة في النرويج، أو من كنتِ "
                                "تتمنّين أن يساعدكِ؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hva trenger du fra de andre i gruppen for å føle "
                                "deg trygg her?"
                            ),
                            "en": (
                                "What do you need from the others in the group to "
                                "feel safe here?"
                            ),
                            "ar": (
                                "ماذا تحتاجين من الأخريات في المجموعة لتشعري "
                                "بالأمان هنا؟"
                            ),
                        },
                        {
                            "nb": "Hvilke regler er viktigst for deg i gruppen vår?",
                            "en": "Which rules matter most to you in our group?",
                            "ar": "ما القواعد الأهمّ بالنسبة إليكِ في مجموعتنا؟",
                        },
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": {
                        "nb": (
                            "Hva håper du å lære i grunnopplæringen, og hva kan du "
                            "allerede som du vil ta med deg inn i rollen som "
                            "bydelsmor?"
                        ),
                        "en": (
                            "What do you hope to learn in the base training, and "
                            "what do you already know that you want to bring into "
                            "the role of district mother?"
                        ),
                        "ar": (
                            "ماذا تأملين أن تتعلّمي في التدريب الأساسي، وما الذي "
                            "تعرفينه من قبل وتريدين أن تأخذيه معكِ إلى دوركِ كأمّ "
                            "حيّ؟"
                        ),
                    },
                    "guidance": {
                        "nb": (
                            "Skriv noen setninger eller ta opp en lydmelding. Det "
                            "finnes ingen feil svar. Du kan lese svaret ditt igjen "
                            "i desember og se hvor langt du har kommet."
                        ),
                        "en": (
                            "Write a few sentences or record a voice message. "
                            "There are no wrong answers. You can read your answer "
                            "again in December and see how far you have come."
                        ),
                        "ar": (
                            "اكتبي بضع جمل أو سجّلي رسالة صوتية. لا توجد إجابات "
                            "خاطئة. يمكنكِ أن تقرئي إجابتكِ مرة أخرى في ديسمبر "
                            "وتري كم تقدّمتِ."
                        ),
                    },
                },
            ),
        ],
        "lecturer_guide": {
            "nb": (
                "<p>Dette er den første kvelden. Bruk god tid på at deltakerne "
                "blir kjent med hverandre og føler seg trygge. Start med en "
                "navnerunde der hver forteller hvor hun kommer fra og hvorfor hun "
                "søkte.</p>"
                "<p>Gå gjennom reglene for deltakelse sammen med gruppen, og la "
                "gruppen legge til egne avtaler. Skriv avtalene på et ark som "
                "henges opp hver kveld.</p>"
                "<p>Snakk enkelt og konkret om rollen: en bydelsmor viser vei, men "
                "tar ikke over andres ansvar. Avslutt med å forklare hjemmeleksen "
                "og hvordan deltakerne finner modulen på telefonen.</p>"
            ),
            "en": (
                "<p>This is the first evening. Take plenty of time for the "
                "participants to get to know each other and feel safe. Start with "
                "a round of names where each woman says where she comes from and "
                "why she applied.</p>"
                "<p>Go through the rules for taking part together with the group, "
                "and let the group add its own agreements. Write the agreements on "
                "a sheet that is put up every evening.</p>"
                "<p>Speak simply and concretely about the role: a district mother "
                "shows the way, but does not take over other people's "
                "responsibility. End by explaining the homework and how the "
                "participants find the module on their phones.</p>"
            ),
            "ar": (
                "<p>هذه هي الأمسية الأولى. خصّصي وقتًا كافيًا لكي تتعارف المشاركات "
                "ويشعرن بالأمان. ابدئي بجولة تعارف تذكر فيها كل واحدة اسمها ومن "
                "أين أتت ولماذا تقدّمت بطلبها.</p>"
                "<p>راجعي قواعد المشاركة مع المجموعة، واتركي المجموعة تضيف "
                "اتفاقاتها الخاصة. اكتبي الاتفاقات على ورقة تُعلَّق في كل "
                "أمسية.</p>"
                "<p>تحدّثي ببساطة ووضوح عن الدور: أمّ الحيّ تُرشد إلى الطريق، "
                "لكنها لا تتحمّل مسؤولية غيرها بدلًا منه. واختمي بشرح الواجب "
                "المنزلي وكيف تجد المشاركات الوحدة على هواتفهن.</p>"
            ),
        },
    },
    {
        "number": 5,
        "slug": "kvinnen",
        "title": {
            "nb": "Kvinnen: svangerskap, prevensjon og overgangsalder",
            "en": "The woman: pregnancy, contraception and menopause",
            "ar": "المرأة: الحمل ومنع الحمل وسنّ اليأس",
        },
        "duration_minutes": 210,
        "summary": {
            "nb": (
                "Vi lærer om kvinnens helse gjennom livet: oppfølging i "
                "svangerskapet, ulike typer prevensjon og hva som skjer i "
                "overgangsalderen. Vi lærer også hvor kvinner kan få hjelp."
            ),
            "en": (
                "We learn about women's health through life: care during "
                "pregnancy, different types of contraception and what happens "
                "during menopause. We also learn where women can get help."
            ),
            "ar": (
                "نتعلّم عن صحة المرأة في مراحل حياتها: المتابعة أثناء الحمل، "
                "وأنواع وسائل منع الحمل، وما يحدث في سنّ اليأس. ونتعلّم أيضًا أين "
                "يمكن للنساء أن يجدن المساعدة."
            ),
        },
        "learning_goals": [
            {
                "nb": (
                    "Du vet hvordan svangerskapskontrollen i Norge foregår, og at "
                    "den er gratis."
                ),
                "en": (
                    "You know how antenatal check-ups (svangerskapskontroll) work "
                    "in Norway, and that they are free."
                ),
                "ar": (
                    "تعرفين كيف تجري فحوصات متابعة الحمل (svangerskapskontroll) في "
                    "النرويج، وأنها مجانية."
                ),
            },
            {
                "nb": (
                    "Du kjenner de vanligste prevensjonsmetodene og hvor man får dem."
                ),
                "en": (
                    "You know the most common methods of contraception and where "
                    "to get them."
                ),
                "ar": "تعرفين أكثر وسائل منع الحمل شيوعًا وأين يمكن الحصول عليها.",
            },
            {
                "nb": "Du kan forklare hva som skjer i kroppen i overgangsalderen.",
                "en": "You can explain what happens in the body during menopause.",
                "ar": "تستطيعين أن تشرحي ما يحدث في الجسم في سنّ اليأس.",
            },
            {
                "nb": "Du vet hvor en kvinne kan få hjelp med helsen sin.",
                "en": "You know where a woman can get help with her health.",
                "ar": "تعرفين أين يمكن للمرأة أن تجد المساعدة بشأن صحتها.",
            },
        ],
        "body": [
            (
                "text",
                {
                    "nb": (
                        "<h3>Svangerskap</h3>"
                        "<p>Alle gravide i Norge har rett til gratis "
                        "svangerskapskontroll. Kontrollene gjøres hos jordmor på "
                        "helsestasjonen eller hos fastlegen. Kvinnen kan selv "
                        "velge. Det er lurt å ta kontakt tidlig, helst før uke "
                        "12.</p>"
                        "<p>På kontrollene sjekker jordmor eller lege blodtrykket "
                        "og vekten, tar blodprøver og lytter på barnets hjerte. "
                        "Alle gravide får tilbud om ultralyd rundt uke 18. Kvinnen "
                        "kan få tolk. Det er gratis for pasienten å bruke tolk i "
                        "helsetjenesten.</p>"
                        "<p>Etter fødselen får mor og barn oppfølging på "
                        "helsestasjonen. Helsesykepleier kommer ofte på "
                        "hjemmebesøk de første ukene.</p>"
                    ),
                    "en": (
                        "<h3>Pregnancy</h3>"
                        "<p>All pregnant women in Norway have the right to free "
                        "antenatal check-ups. The check-ups are done by a midwife "
                        "(jordmor) at the health centre or by the regular GP "
                        "(fastlege). The woman can choose for herself. It is wise "
                        "to get in touch early, preferably before week 12.</p>"
                        "<p>At the check-ups the midwife or doctor checks blood "
                        "pressure and weight, takes blood tests and listens to the "
                        "baby's heart. All pregnant women are offered an "
                        "ultrasound scan around week 18. The woman can have an "
                        "interpreter. Using an interpreter in the health service "
                        "is free for the patient.</p>"
                        "<p>After the birth, mother and baby are followed up at "
                        "the health centre. The public health nurse "
                        "(helsesykepleier) often makes a home visit in the first "
                        "weeks.</p>"
                    ),
                    "ar": (
                        "<h3>الحمل</h3>"
                        "<p>لكل امرأة حامل في النرويج الحقّ في فحوصات متابعة حمل "
                        "مجانية. تُجرى الفحوصات عند القابلة (jordmor) في المركز "
                        "الصحي أو عند طبيب العائلة (fastlege). والمرأة تختار "
                        "بنفسها. من الأفضل التواصل مبكرًا، ويُفضَّل قبل الأسبوع "
                        "الثاني عشر.</p>"
                        "<p>في الفحوصات تقيس القابلة أو الطبيب ضغط الدم والوزن، "
                        "ويأخذان عيّنات دم، ويستمعان إلى قلب الجنين. وتُعرض على كل "
                        "امرأة حامل صورة بالموجات فوق الصوتية في نحو الأسبوع "
                        "الثامن عشر. ويمكن للمرأة أن تحصل على مترجم، واستخدام "
                        "المترجم في الخدمات الصحية مجاني للمريضة.</p>"
                        "<p>بعد الولادة تتابع الأمّ والطفل في المركز الصحي. "
                        "وكثيرًا ما تقوم ممرضة الصحة العامة (helsesykepleier) "
                        "بزيارة منزلية في الأسابيع الأولى.</p>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Prevensjon</h3>"
                        "<p>Prevensjon betyr å hindre graviditet. Kvinnen "
                        "bestemmer selv om hun vil bruke prevensjon, og hvilken "
                        "type. Det finnes mange typer:</p>"
                        "<ul><li>P-piller, p-plaster og p-ring, som kvinnen bruker "
                        "selv.</li>"
                        "<li>P-stav og hormonspiral, som virker i flere år.</li>"
                        "<li>Kobberspiral, som er uten hormoner og virker i flere "
                        "år.</li>"
                        "<li>Kondom, som også beskytter mot seksuelt overførbare "
                        "infeksjoner.</li>"
                        "</ul>"
                        "<p>Fastlegen, jordmor og helsesykepleier kan skrive ut "
                        "prevensjon. Unge kvinner fra 16 til og med 25 år får "
                        "støtte fra staten, og mange typer prevensjon er da "
                        "gratis. Ungdom kan også gå til helsestasjon for "
                        "ungdom.</p>"
                    ),
                    "en": (
                        "<h3>Contraception</h3>"
                        "<p>Contraception means preventing pregnancy. The woman "
                        "decides for herself whether she wants to use "
                        "contraception, and which type. There are many types:</p>"
                        "<ul><li>The pill, the patch and the vaginal ring, which "
                        "the woman uses herself.</li>"
                        "<li>The implant and the hormonal IUD (coil), which work "
                        "for several years.</li>"
                        "<li>The copper IUD, which has no hormones and works for "
                        "several years.</li>"
                        "<li>The condom, which also protects against sexually "
                        "transmitted infections.</li>"
                        "</ul>"
                        "<p>The GP, a midwife and a public health nurse can "
                        "prescribe contraception. Young women aged 16 up to and "
                        "including 25 get support from the state, which makes many "
                        "types of contraception free. Young people can also go to "
                        "the youth health centre (helsestasjon for ungdom).</p>"
                    ),
                    "ar": (
                        "<h3>منع الحمل</h3>"
                        "<p>منع الحمل يعني تجنّب حدوث الحمل. والمرأة تقرّر بنفسها "
                        "إن كانت تريد استخدام وسيلة لمنع الحمل، وأيّ نوع تختار. "
                        "وهناك أنواع كثيرة:</p>"
                        "<ul><li>حبوب منع الحمل واللصقة والحلقة المهبلية، "
                        "وتستخدمها المرأة بنفسها.</li>"
                        "<li>الغرسة تحت الجلد واللولب الهرموني، ويعملان لعدّة "
                        "سنوات.</li>"
                        "<li>اللولب النحاسي، وهو بلا هرمونات ويعمل لعدّة "
                        "سنوات.</li>"
                        "<li>الواقي الذكري، وهو يحمي أيضًا من العدوى المنقولة "
                        "جنسيًا.</li>"
                        "</ul>"
                        "<p>يستطيع طبيب العائلة والقابلة وممرضة الصحة العامة أن "
                        "يصفوا وسائل منع الحمل. وتحصل الشابات من سنّ 16 حتى 25 سنة "
                        "على دعم من الدولة، فتصبح أنواع كثيرة من وسائل منع الحمل "
                        "مجانية. ويمكن للشباب أيضًا الذهاب إلى المركز الصحي للشباب "
                        "(helsestasjon for ungdom).</p>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Overgangsalderen</h3>"
                        "<p>Overgangsalderen kommer vanligvis mellom 45 og 55 år. "
                        "Menstruasjonen blir uregelmessig og stopper til slutt. "
                        "Dette er naturlig og ikke en sykdom.</p>"
                        "<p>Mange kvinner får hetetokter, svetter om natten, sover "
                        "dårlig eller blir lettere triste eller irritable. Noen "
                        "får tørre slimhinner i skjeden. Plagene går ofte over "
                        "etter noen år. Fastlegen kan hjelpe, for eksempel med "
                        "hormonbehandling eller andre råd.</p>"
                        "<p>Fysisk aktivitet, nok søvn og å snakke med andre "
                        "kvinner hjelper mange. Husk også celleprøve fra "
                        "livmorhalsen og mammografi når du får brev om det. "
                        "Undersøkelsene kan oppdage kreft tidlig.</p>"
                    ),
                    "en": (
                        "<h3>Menopause</h3>"
                        "<p>Menopause usually comes between the ages of 45 and 55. "
                        "Periods become irregular and finally stop. This is "
                        "natural and not an illness.</p>"
                        "<p>Many women get hot flushes, sweat at night, sleep "
                        "badly or become sad or irritable more easily. Some get "
                        "vaginal dryness. The symptoms often pass after a few "
                        "years. The GP can help, for example with hormone "
                        "treatment or other advice.</p>"
                        "<p>Physical activity, enough sleep and talking with other "
                        "women help many. Also remember the cervical screening "
                        "test and the mammogram when you get a letter about them. "
                        "These check-ups can find cancer early.</p>"
                    ),
                    "ar": (
                        "<h3>سنّ اليأس</h3>"
                        "<p>يأتي سنّ اليأس عادةً بين الخامسة والأربعين والخامسة "
                        "والخمسين. تصبح الدورة الشهرية غير منتظمة ثم تتوقّف في "
                        "النهاية. وهذا أمر طبيعي وليس مرضًا.</p>"
                        "<p>تعاني نساء كثيرات من الهبّات الساخنة والتعرّق ليلًا "
                        "وقلّة النوم، أو يصبحن أسرع إلى الحزن أو الانفعال. وتعاني "
                        "بعضهن من جفاف المهبل. وكثيرًا ما تزول هذه الأعراض بعد بضع "
                        "سنوات. ويستطيع طبيب العائلة أن يساعد، مثلًا بالعلاج "
                        "الهرموني أو بنصائح أخرى.</p>"
                        "<p>يساعد النشاط البدني والنوم الكافي والحديث مع نساء "
                        "أخريات كثيرًا من النساء. وتذكّري أيضًا فحص عنق الرحم "
                        "وتصوير الثدي بالأشعة (الماموغرام) عندما تصلكِ رسالة "
                        "بشأنهما. فهذه الفحوصات يمكن أن تكشف السرطان مبكرًا.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "help",
                    "heading": {
                        "nb": "Hvor får du hjelp?",
                        "en": "Where can you get help?",
                        "ar": "أين تجدين المساعدة؟",
                    },
                    "text": {
                        "nb": (
                            "<ul><li>Fastlegen: for de fleste helsespørsmål.</li>"
                            "<li>Helsestasjonen: for gravide og for barn fra 0 til "
                            "5 år.</li>"
                            "<li>Helsestasjon for ungdom: gratis, uten "
                            "timebestilling.</li>"
                            "<li>Legevakt: ring 116 117 når fastlegen er "
                            "stengt.</li>"
                            "<li>Ring 113 ved fare for liv.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<ul><li>The GP (fastlege): for most health "
                            "questions.</li>"
                            "<li>The health centre (helsestasjon): for pregnant "
                            "women and for children from 0 to 5 years.</li>"
                            "<li>The youth health centre (helsestasjon for "
                            "ungdom): free, no appointment needed.</li>"
                            "<li>The emergency clinic (legevakt): call 116 117 "
                            "when the GP is closed.</li>"
                            "<li>Call 113 if a life is in danger.</li>"
                            "</ul>"
                        ),
                        "ar": (
                            "<ul><li>طبيب العائلة (fastlege): لمعظم الأسئلة "
                            "الصحية.</li>"
                            "<li>المركز الصحي (helsestasjon): للحوامل وللأطفال من "
                            "الولادة حتى سنّ الخامسة.</li>"
                            "<li>المركز الصحي للشباب (helsestasjon for ungdom): "
                            "مجاني ودون موعد مسبق.</li>"
                            "<li>عيادة الطوارئ (legevakt): اتصلي بالرقم 116 117 "
                            "عندما تكون عيادة طبيب العائلة مغلقة.</li>"
                            "<li>اتصلي بالرقم 113 إذا كانت هناك حياة في خطر.</li>"
                            "</ul>"
                        ),
                    },
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": {
                        "nb": "La oss snakke",
                        "en": "Let's talk",
                        "ar": "لنتحدّث معًا",
                    },
                    "questions": [
                        {
                            "nb": (
                                "Hvordan var det å være gravid i landet du kom "
                                "fra, sammenlignet med Norge?"
                            ),
                            "en": (
                                "What was it like to be pregnant in the country "
                                "you came from, compared with Norway?"
                            ),
                            "ar": (
                                "كيف كان الحمل في البلد الذي أتيتِ منه مقارنةً بالنرويج؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hvorfor tror du noen kvinner ikke bruker "
                                "helsestasjonen eller fastlegen?"
                            ),
                            "en": (
                                "Why do you think some women do not use the health "
                                "centre or the GP?"
                            ),
                            "ar": (
                                "لماذا تظنّين أن بعض النساء لا يستخدمن المركز "
                                "الصحي أو طبيب العائلة؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hvordan kan du snakke med en kvinne om prevensjon "
                                "eller overgangsalder på en respektfull måte?"
                            ),
                            "en": (
                                "How can you talk with a woman about contraception "
                                "or menopause in a respectful way?"
                            ),
                            "ar": (
                                "كيف يمكنكِ أن تتحدّثي مع امرأة عن منع الحمل أو "
                                "سنّ اليأس بطريقة محترمة؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hvor kan en kvinne i bydelen vår få hjelp hvis "
                                "hun ikke snakker norsk?"
                            ),
                            "en": (
                                "Where can a woman in our district get help if she "
                                "does not speak Norwegian?"
                            ),
                            "ar": (
                                "أين يمكن لامرأة في حيّنا أن تجد المساعدة إذا كانت "
                                "لا تتحدّث النرويجية؟"
                            ),
                        },
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": {
                        "nb": (
                            "Hva lærte du i kveld om din egen helse som du vil huske?"
                        ),
                        "en": (
                            "What did you learn tonight about your own health that "
                            "you want to remember?"
                        ),
                        "ar": "ماذا تعلّمتِ الليلة عن صحتكِ أنتِ وتريدين أن تتذكّريه؟",
                    },
                    "guidance": {
                        "nb": (
                            "Tenk på din egen kropp og ditt eget liv, ikke bare på "
                            "andre kvinner. Skriv kort, eller ta opp en lydmelding "
                            "på ditt eget språk."
                        ),
                        "en": (
                            "Think about your own body and your own life, not only "
                            "about other women. Write briefly, or record a voice "
                            "message in your own language."
                        ),
                        "ar": (
                            "فكّري في جسدكِ وحياتكِ أنتِ، وليس في النساء الأخريات "
                            "فقط. اكتبي باختصار، أو سجّلي رسالة صوتية بلغتكِ."
                        ),
                    },
                },
            ),
        ],
        "lecturer_guide": {
            "nb": (
                "<p>Denne kvelden ledes ofte av en jordmor eller helsesykepleier. "
                "Ta med bilder eller modeller av prevensjonsmidler, slik at "
                "deltakerne kan se og ta på dem.</p>"
                "<p>Temaene kan være private eller tabu for noen. Si tydelig at "
                "ingen må fortelle om seg selv. Det er nok å lytte og stille "
                "spørsmål. Gi gjerne mulighet til å skrive spørsmål anonymt på "
                "lapper.</p>"
                "<p>Avslutt med å gå gjennom hvor man får hjelp i bydelen, med "
                "adresse og åpningstider for helsestasjonen og helsestasjon for "
                "ungdom.</p>"
            ),
            "en": (
                "<p>This evening is often led by a midwife or public health nurse. "
                "Bring pictures or samples of contraceptives so that the "
                "participants can see and touch them.</p>"
                "<p>These topics can be private or taboo for some. Say clearly "
                "that no one has to talk about herself. Listening and asking "
                "questions is enough. Consider letting the participants write "
                "questions anonymously on slips of paper.</p>"
                "<p>End by going through where to get help in the district, with "
                "the address and opening hours of the health centre and the youth "
                "health centre.</p>"
            ),
            "ar": (
                "<p>كثيرًا ما تقود هذه الأمسية قابلة أو ممرضة صحة عامة. أحضري "
                "صورًا أو نماذج لوسائل منع الحمل حتى تتمكّن المشاركات من رؤيتها "
                "ولمسها.</p>"
                "<p>قد تكون هذه المواضيع خاصة أو محرّمة عند بعض النساء. قولي بوضوح "
                "إنه لا يُطلب من أحد أن يتحدّث عن نفسه، ويكفي الاستماع وطرح "
                "الأسئلة. ويُستحسن إتاحة كتابة الأسئلة على أوراق صغيرة دون ذكر "
                "الاسم.</p>"
                "<p>اختمي بمراجعة أماكن الحصول على المساعدة في الحيّ، مع عنوان "
                "المركز الصحي والمركز الصحي للشباب ومواعيد عملهما.</p>"
            ),
        },
    },
    {
        "number": 14,
        "slug": "familieliv-2",
        "title": {
            "nb": "Familieliv II: vold i nære relasjoner",
            "en": "Family life II: violence in close relationships",
            "ar": "الحياة الأسرية 2: العنف في العلاقات القريبة",
        },
        "duration_minutes": 210,
        "summary": {
            "nb": (
                "Vi lærer hva vold i nære relasjoner er, hvordan volden skader "
                "barn som blir utsatt for den eller ser den, og hvor man kan få "
                "hjelp. Du får også hjemmeleksen: tre samtaler med kvinner."
            ),
            "en": (
                "We learn what violence in close relationships is, how the "
                "violence harms children who suffer it or witness it, and where to "
                "get help. You also get the homework: three conversations with "
                "women."
            ),
            "ar": (
                "نتعلّم ما هو العنف في العلاقات القريبة، وكيف يؤذي العنف الأطفال "
                "الذين يتعرّضون له أو يشهدونه، وأين يمكن الحصول على المساعدة. "
                "وتحصلين أيضًا على الواجب المنزلي: ثلاث محادثات مع نساء."
            ),
        },
        "learning_goals": [
            {
                "nb": (
                    "Du vet hva vold i nære relasjoner er, og at vold er forbudt i "
                    "Norge."
                ),
                "en": (
                    "You know what violence in close relationships is, and that "
                    "violence is forbidden in Norway."
                ),
                "ar": (
                    "تعرفين ما هو العنف في العلاقات القريبة، وأن العنف ممنوع في "
                    "النرويج."
                ),
            },
            {
                "nb": (
                    "Du forstår hvordan vold skader barn, også når de bare ser "
                    "eller hører den."
                ),
                "en": (
                    "You understand how violence harms children, even when they "
                    "only see or hear it."
                ),
                "ar": "تفهمين كيف يؤذي العنف الأطفال، حتى عندما يرونه أو يسمعونه فقط.",
            },
            {
                "nb": "Du kjenner hjelpetelefoner og steder der man kan få hjelp.",
                "en": "You know the helplines and places where people can get help.",
                "ar": (
                    "تعرفين خطوط المساعدة الهاتفية والأماكن التي يمكن الحصول فيها "
                    "على المساعدة."
                ),
            },
            {
                "nb": "Du vet hva du kan gjøre hvis en kvinne forteller deg om vold.",
                "en": "You know what you can do if a woman tells you about violence.",
                "ar": "تعرفين ما يمكنكِ فعله إذا أخبرتكِ امرأة عن تعرّضها للعنف.",
            },
        ],
        "body": [
            (
                "text",
                {
                    "nb": (
                        "<h3>Hva er vold i nære relasjoner?</h3>"
                        "<p>Vold i nære relasjoner er vold fra en partner, en "
                        "tidligere partner eller andre i familien. Vold kan være "
                        "mange ting:</p>"
                        "<ul><li>Fysisk vold: å slå, sparke, dytte, holde fast "
                        "eller kvele.</li>"
                        "<li>Psykisk vold: trusler, kontroll, å kalle noen stygge "
                        "ting, å isolere noen fra venner og familie.</li>"
                        "<li>Seksuell vold: å tvinge noen til sex eller seksuelle "
                        "handlinger, også i ekteskap.</li>"
                        "<li>Økonomisk vold: å ta fra noen pengene eller nekte dem "
                        "å bestemme over egne penger.</li>"
                        "</ul>"
                        "<p>All vold er forbudt i Norge, også i ekteskap og i "
                        "familien. Det er også forbudt å slå barn, også et lite "
                        "klaps som oppdragelse. Vold er aldri den utsattes "
                        "skyld.</p>"
                    ),
                    "en": (
                        "<h3>What is violence in close relationships?</h3>"
                        "<p>Violence in close relationships is violence from a "
                        "partner, a former partner or others in the family. "
                        "Violence can be many things:</p>"
                        "<ul><li>Physical violence: hitting, kicking, pushing, "
                        "holding someone down or choking.</li>"
                        "<li>Psychological violence: threats, control, calling "
                        "someone hurtful names, cutting someone off from friends "
                        "and family.</li>"
                        "<li>Sexual violence: forcing someone into sex or sexual "
                        "acts, also within marriage.</li>"
                        "<li>Economic violence: taking someone's money or refusing "
                        "to let them decide over their own money.</li>"
                        "</ul>"
                        "<p>All violence is forbidden in Norway, also within "
                        "marriage and the family. It is also forbidden to hit "
                        "children, even a small smack as discipline. Violence is "
                        "never the fault of the person who suffers it.</p>"
                    ),
                    "ar": (
                        "<h3>ما هو العنف في العلاقات القريبة؟</h3>"
                        "<p>العنف في العلاقات القريبة هو العنف الصادر عن الزوج أو "
                        "الشريك، أو عن شريك سابق، أو عن أفراد آخرين من الأسرة. "
                        "وللعنف أشكال كثيرة:</p>"
                        "<ul><li>العنف الجسدي: الضرب والركل والدفع والإمساك بالقوة "
                        "والخنق.</li>"
                        "<li>العنف النفسي: التهديد، والسيطرة، والشتم بألفاظ جارحة، "
                        "وعزل الشخص عن أصدقائه وأسرته.</li>"
                        "<li>العنف الجنسي: إجبار شخص على ممارسة الجنس أو على أفعال "
                        "جنسية، حتى داخل الزواج.</li>"
                        "<li>العنف الاقتصادي: أخذ أموال الشخص أو منعه من التصرّف "
                        "في ماله الخاص.</li>"
                        "</ul>"
                        "<p>كل أشكال العنف ممنوعة في النرويج، حتى داخل الزواج "
                        "والأسرة. ومن الممنوع أيضًا ضرب الأطفال، ولو بصفعة خفيفة "
                        "بقصد التأديب. والعنف ليس أبدًا ذنب من يتعرّض له.</p>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Hvordan vold skader barn</h3>"
                        "<p>Barn som blir slått, er utsatt for vold. Barn som ser "
                        "eller hører at mor eller far blir slått, er også utsatt "
                        "for vold. Barn merker mye mer enn voksne tror.</p>"
                        "<p>Barn som lever med vold, lever med frykt. De kan få "
                        "vondt i magen, sove dårlig, bli stille og redde eller "
                        "urolige og sinte. Mange får problemer med konsentrasjonen "
                        "på skolen. Noen tror at volden er deres skyld. Vold kan "
                        "skade barnets helse og utvikling i mange år.</p>"
                        "<p>Det viktigste for barnet er at volden stopper, og at "
                        "en trygg voksen hjelper. Barnevernet skal hjelpe barn og "
                        "familier, og de fleste som får hjelp fra barnevernet, bor "
                        "fortsatt hjemme.</p>"
                    ),
                    "en": (
                        "<h3>How violence harms children</h3>"
                        "<p>Children who are hit are victims of violence. Children "
                        "who see or hear their mother or father being hit are also "
                        "victims of violence. Children notice much more than "
                        "adults think.</p>"
                        "<p>Children who live with violence live with fear. They "
                        "may get stomach aches, sleep badly, become quiet and "
                        "afraid or restless and angry. Many find it hard to "
                        "concentrate at school. Some believe the violence is their "
                        "fault. Violence can harm a child's health and development "
                        "for many years.</p>"
                        "<p>What matters most for the child is that the violence "
                        "stops and that a safe adult helps. The child welfare "
                        "service (barnevernet) is there to help children and "
                        "families, and most children who get help from barnevernet "
                        "still live at home.</p>"
                    ),
                    "ar": (
                        "<h3>كيف يؤذي العنف الأطفال</h3>"
                        "<p>الأطفال الذين يُضربون يتعرّضون للعنف. والأطفال الذين "
                        "يرون أو يسمعون أمّهم أو أباهم يُضرب يتعرّضون للعنف أيضًا. "
                        "فالأطفال يلاحظون أكثر بكثير مما يظنّ الكبار.</p>"
                        "<p>الأطفال الذين يعيشون مع العنف يعيشون مع الخوف. فقد "
                        "يعانون من آلام في البطن وقلّة النوم، وقد يصبحون صامتين "
                        "وخائفين أو مضطربين وغاضبين. ويجد كثيرون منهم صعوبة في "
                        "التركيز في المدرسة. ويظنّ بعضهم أن العنف ذنبهم. ويمكن "
                        "للعنف أن يضرّ بصحة الطفل ونموّه لسنوات طويلة.</p>"
                        "<p>أهمّ شيء للطفل أن يتوقّف العنف، وأن يساعده شخص بالغ "
                        "آمن. ومهمّة خدمة رعاية الطفل (barnevernet) مساعدة الأطفال "
                        "والأسر، ومعظم الأطفال الذين يحصلون على مساعدة من "
                        "barnevernet يبقون في بيوتهم.</p>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Hvor kan man få hjelp?</h3>"
                        "<p>Hvis en kvinne forteller deg om vold, lytt og tro på "
                        "henne. Si at det ikke er hennes skyld, og at det finnes "
                        "hjelp. Ikke konfronter den som utøver volden. Fortell om "
                        "hjelpetelefonene og krisesenteret, og snakk med "
                        "veilederen din etterpå.</p>"
                        "<p>Krisesenteret er et trygt sted for kvinner og barn som "
                        "er utsatt for vold. Det er gratis og åpent hele døgnet, "
                        "og du trenger ikke henvisning. Hvis noen er i fare nå, "
                        "ring politiet på 112. Alle har plikt til å prøve å hindre "
                        "alvorlig vold, for eksempel ved å varsle politiet eller "
                        "barnevernet.</p>"
                    ),
                    "en": (
                        "<h3>Where can people get help?</h3>"
                        "<p>If a woman tells you about violence, listen and "
                        "believe her. Tell her it is not her fault and that help "
                        "is available. Do not confront the person who is violent. "
                        "Tell her about the helplines and the crisis centre, and "
                        "talk with your supervisor afterwards.</p>"
                        "<p>The crisis centre (krisesenter) is a safe place for "
                        "women and children exposed to violence. It is free and "
                        "open day and night, and you do not need a referral. If "
                        "someone is in danger right now, call the police on 112. "
                        "Everyone has a duty to try to prevent serious violence, "
                        "for example by alerting the police or the child welfare "
                        "service.</p>"
                    ),
                    "ar": (
                        "<h3>أين يمكن الحصول على المساعدة؟</h3>"
                        "<p>إذا أخبرتكِ امرأة عن العنف، فاستمعي إليها وصدّقيها. "
                        "قولي لها إن ذلك ليس ذنبها وإن المساعدة متوفّرة. لا تواجهي "
                        "الشخص الذي يمارس العنف. أخبريها عن خطوط المساعدة الهاتفية "
                        "وعن مركز الأزمات، وتحدّثي مع مشرفتكِ بعد ذلك.</p>"
                        "<p>مركز الأزمات (krisesenter) مكان آمن للنساء والأطفال "
                        "الذين يتعرّضون للعنف. وهو مجاني ومفتوح ليلًا ونهارًا، ولا "
                        "تحتاجين إلى إحالة. إذا كان أحد في خطر الآن، فاتصلي "
                        "بالشرطة على الرقم 112. وعلى كل شخص واجب محاولة منع العنف "
                        "الخطير، مثلًا بإبلاغ الشرطة أو خدمة رعاية الطفل.</p>"
                    ),
                },
            ),
            (
                "text",
                {
                    "nb": (
                        "<h3>Hjemmelekse: tre samtaler</h3>"
                        "<p>Før modul 15 skal du snakke med tre kvinner. Bruk "
                        "Bydelsmødrenes metoder: den gode samtalen, aktiv lytting "
                        "og brobygging. Samtalene trenger ikke handle om vold. "
                        "Velg et tema som er viktig for kvinnen.</p>"
                        "<p>Skriv kort om hver samtale, eller ta opp en "
                        "lydmelding:</p>"
                        "<ul><li>Hvem snakket du med? Beskriv henne, for eksempel "
                        "alder og situasjon, men skriv aldri navnet hennes.</li>"
                        "<li>Hvilken metode brukte du?</li>"
                        "<li>Hva skjedde i samtalen?</li>"
                        "<li>Hva var vanskelig?</li>"
                        "</ul>"
                        "<p>I modul 15 går vi gjennom hjemmeleksene sammen. Da "
                        "snakker vi om hvordan du gikk fram, hva som var "
                        "vanskelig, og hva du trenger å øve mer på.</p>"
                    ),
                    "en": (
                        "<h3>Homework: three conversations</h3>"
                        "<p>Before module 15 you will talk with three women. Use "
                        "the Bydelsmødre methods: the good conversation, active "
                        "listening and bridge-building. The conversations do not "
                        "have to be about violence. Choose a topic that matters to "
                        "the woman.</p>"
                        "<p>Write briefly about each conversation, or record a "
                        "voice message:</p>"
                        "<ul><li>Who did you talk with? Describe her, for example "
                        "her age and situation, but never write her name.</li>"
                        "<li>Which method did you use?</li>"
                        "<li>What happened in the conversation?</li>"
                        "<li>What was difficult?</li>"
                        "</ul>"
                        "<p>In module 15 we go through the homework together. We "
                        "talk about how you went about it, what was difficult, and "
                        "what you need more practice in.</p>"
                    ),
                    "ar": (
                        "<h3>الواجب المنزلي: ثلاث محادثات</h3>"
                        "<p>قبل الوحدة 15 عليكِ أن تتحدّثي مع ثلاث نساء. استخدمي "
                        "أساليب Bydelsmødre: الحوار الجيّد، والإصغاء الفعّال، "
                        "وبناء الجسور. ولا يلزم أن تكون المحادثات عن العنف. اختاري "
                        "موضوعًا يهمّ المرأة.</p>"
                        "<p>اكتبي باختصار عن كل محادثة، أو سجّلي رسالة صوتية:</p>"
                        "<ul><li>مع من تحدّثتِ؟ صِفيها، مثلًا عمرها ووضعها، لكن لا "
                        "تكتبي اسمها أبدًا.</li>"
                        "<li>أيّ أسلوب استخدمتِ؟</li>"
                        "<li>ماذا حدث في المحادثة؟</li>"
                        "<li>ما الذي كان صعبًا؟</li>"
                        "</ul>"
                        "<p>في الوحدة 15 نراجع الواجبات المنزلية معًا. ونتحدّث عن "
                        "الطريقة التي اتّبعتِها، وما الذي كان صعبًا، وما الذي "
                        "تحتاجين إلى مزيد من التدريب عليه.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "help",
                    "heading": {
                        "nb": "Hjelp ved vold",
                        "en": "Help with violence",
                        "ar": "المساعدة في حالات العنف",
                    },
                    "text": {
                        "nb": (
                            "<ul><li>Politiet: 112 ved fare, 02800 ellers.</li>"
                            "<li>VO-linjen, Vold- og overgrepslinjen: 116 006, "
                            "gratis og åpen hele døgnet. Du kan være anonym.</li>"
                            "<li>Hjelpetelefonen for seksuelt misbrukte: 800 57 "
                            "000.</li>"
                            "<li>Alarmtelefonen for barn og unge: 116 111.</li>"
                            "<li>Krisesenteret: gratis og åpent hele døgnet.</li>"
                            "<li>Legevakt: 116 117.</li>"
                            "<li>Barnevernet i bydelen, eller barnevernvakten når "
                            "kontoret er stengt.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<ul><li>The police: 112 in an emergency, 02800 "
                            "otherwise.</li>"
                            "<li>The VO line (Vold- og overgrepslinjen, the "
                            "helpline for violence and abuse): 116 006, free and "
                            "open day and night. You can stay anonymous.</li>"
                            "<li>The helpline for people who have been sexually "
                            "abused (Hjelpetelefonen for seksuelt misbrukte): 800 "
                            "57 000.</li>"
                            "<li>The emergency helpline for children and young "
                            "people (Alarmtelefonen for barn og unge): 116 "
                            "111.</li>"
                            "<li>The crisis centre (krisesenter): free and open "
                            "day and night.</li>"
                            "<li>The emergency clinic (legevakt): 116 117.</li>"
                            "<li>The child welfare service (barnevernet) in your "
                            "district, or the child welfare emergency service "
                            "(barnevernvakten) when the office is closed.</li>"
                            "</ul>"
                        ),
                        "ar": (
                            "<ul><li>الشرطة: 112 في حالة الخطر، و02800 في غير "
                            "ذلك.</li>"
                            "<li>خط VO (Vold- og overgrepslinjen، خط المساعدة في "
                            "حالات العنف والاعتداء): 116 006، مجاني ومفتوح ليلًا "
                            "ونهارًا. ويمكنكِ ألّا تذكري اسمكِ.</li>"
                            "<li>خط المساعدة لضحايا الاعتداء الجنسي "
                            "(Hjelpetelefonen for seksuelt misbrukte): 800 57 "
                            "000.</li>"
                            "<li>هاتف الطوارئ للأطفال والشباب (Alarmtelefonen for "
                            "barn og unge): 116 111.</li>"
                            "<li>مركز الأزمات (krisesenter): مجاني ومفتوح ليلًا "
                            "ونهارًا.</li>"
                            "<li>عيادة الطوارئ (legevakt): 116 117.</li>"
                            "<li>خدمة رعاية الطفل (barnevernet) في الحيّ، أو خدمة "
                            "الطوارئ لرعاية الطفل (barnevernvakten) عندما يكون "
                            "المكتب مغلقًا.</li>"
                            "</ul>"
                        ),
                    },
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": {
                        "nb": "La oss snakke",
                        "en": "Let's talk",
                        "ar": "لنتحدّث معًا",
                    },
                    "questions": [
                        {
                            "nb": (
                                "Hvorfor tror du det er vanskelig for mange "
                                "kvinner å fortelle om vold?"
                            ),
                            "en": (
                                "Why do you think it is hard for many women to "
                                "tell anyone about violence?"
                            ),
                            "ar": (
                                "لماذا تظنّين أنه من الصعب على نساء كثيرات أن "
                                "يتحدّثن عن العنف؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hva kan en bydelsmor si til en kvinne som "
                                "forteller om vold hjemme?"
                            ),
                            "en": (
                                "What can a district mother say to a woman who "
                                "tells her about violence at home?"
                            ),
                            "ar": (
                                "ماذا يمكن لأمّ الحيّ أن تقول لامرأة تخبرها عن "
                                "العنف في بيتها؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hvordan kan vi snakke med andre foreldre om "
                                "barneoppdragelse uten vold?"
                            ),
                            "en": (
                                "How can we talk with other parents about raising "
                                "children without violence?"
                            ),
                            "ar": (
                                "كيف يمكننا أن نتحدّث مع آباء وأمهات آخرين عن "
                                "تربية الأطفال دون عنف؟"
                            ),
                        },
                        {
                            "nb": (
                                "Hvilke hjelpesteder i bydelen vår kjenner du fra før?"
                            ),
                            "en": (
                                "Which places of help in our district do you "
                                "already know?"
                            ),
                            "ar": "ما أماكن المساعدة في حيّنا التي تعرفينها من قبل؟",
                        },
                    ],
                },
            ),
            ("assignment", "tre-samtaler"),
            (
                "reflection_prompt",
                {
                    "prompt": {
                        "nb": (
                            "Hvordan vil du gå fram med de tre samtalene i "
                            "hjemmeleksen?"
                        ),
                        "en": (
                            "How will you go about the three conversations in the "
                            "homework?"
                        ),
                        "ar": "كيف ستتعاملين مع المحادثات الثلاث في الواجب المنزلي؟",
                    },
                    "guidance": {
                        "nb": (
                            "Tenk på hvem du kan spørre, hvor dere kan snakke i "
                            "ro, og hvilken metode du vil prøve. Hvis temaet vold "
                            "vekket vonde minner hos deg selv, kan du skrive om "
                            "det også, eller snakke med veilederen din. Det du "
                            "skriver her, er privat."
                        ),
                        "en": (
                            "Think about whom you can ask, where you can talk in "
                            "peace, and which method you want to try. If the topic "
                            "of violence brought back painful memories for you, "
                            "you can write about that too, or talk with your "
                            "supervisor. What you write here is private."
                        ),
                        "ar": (
                            "فكّري فيمن يمكنكِ أن تسأليها، وأين يمكنكما التحدّث "
                            "بهدوء، وأيّ أسلوب تريدين أن تجرّبي. وإذا أثار موضوع "
                            "العنف ذكريات مؤلمة لديكِ، فيمكنكِ أن تكتبي عن ذلك "
                            "أيضًا، أو أن تتحدّثي مع مشرفتكِ. ما تكتبينه هنا خاصّ "
                            "بكِ."
                        ),
                    },
                },
            ),
        ],
        "lecturer_guide": {
            "nb": (
                "<p>Denne kvelden ledes gjerne av en fagperson fra barnevernet, "
                "krisesenteret eller politiet sammen med veilederen. Avtal på "
                "formøtet hvem som tar hvilke deler.</p>"
                "<p>Temaet kan vekke sterke følelser. Noen deltakere kan selv ha "
                "opplevd vold. Si i starten at ingen må fortelle om seg selv, og "
                "at man kan ta en pause. Sørg for at en veileder er tilgjengelig "
                "for en prat etter kvelden.</p>"
                "<p>Bruk siste del av kvelden på hjemmeleksen. Gå gjennom de fire "
                "spørsmålene, og minn deltakerne på at de aldri skal skrive navn "
                "på kvinnene de snakker med. Leksene gjennomgås i modul 15.</p>"
            ),
            "en": (
                "<p>This evening is best led by a professional from the child "
                "welfare service, the crisis centre or the police together with "
                "the supervisor. Agree at the briefing (formøte) who takes which "
                "parts.</p>"
                "<p>The topic can stir up strong feelings. Some participants may "
                "have experienced violence themselves. Say at the start that no "
                "one has to talk about herself and that anyone can take a break. "
                "Make sure a supervisor is available for a talk after the "
                "evening.</p>"
                "<p>Use the last part of the evening for the homework. Go through "
                "the four questions, and remind the participants never to write "
                "the names of the women they talk with. The homework is reviewed "
                "in module 15.</p>"
            ),
            "ar": (
                "<p>يُفضَّل أن يقود هذه الأمسية مختصّ من خدمة رعاية الطفل أو مركز "
                "الأزمات أو الشرطة مع المشرفة. اتّفقوا في الاجتماع التحضيري "
                "(formøte) على من يتولّى كل جزء.</p>"
                "<p>قد يثير هذا الموضوع مشاعر قوية. فربما تعرّضت بعض المشاركات "
                "للعنف بأنفسهن. قولي في البداية إنه لا يُطلب من أحد أن يتحدّث عن "
                "نفسه، وإن بإمكان أيّ واحدة أن تأخذ استراحة. وتأكّدي من وجود مشرفة "
                "متاحة للحديث بعد الأمسية.</p>"
                "<p>خصّصي الجزء الأخير من الأمسية للواجب المنزلي. راجعي الأسئلة "
                "الأربعة، وذكّري المشاركات بألّا يكتبن أبدًا أسماء النساء اللواتي "
                "يتحدّثن معهن. تُراجَع الواجبات في الوحدة 15.</p>"
            ),
        },
    },
]
