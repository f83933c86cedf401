"""Continuing-education courses for graduates (ICDP, self-help), in bokmål only."""

ICDP = {
    "slug": "icdp-veileder",
    "title": "ICDP-veileder",
    "audience": "Ferdigutdannede bydelsmødre som vil lede foreldregrupper med ICDP.",
    "intro": (
        "<p>ICDP står for International Child Development Programme. Det er et "
        "program for foreldreveiledning som brukes i mange land og i mange "
        "kommuner i Norge. Målet er å styrke samspillet mellom foreldre og "
        "barn.</p>"
        "<p>I denne etterutdanningen lærer du de åtte temaene for godt samspill og "
        "hvordan du leder en foreldregruppe. Etter kursdagene leder du din egen "
        "gruppe med veiledning. Når praksisen er godkjent, blir du sertifisert som "
        "ICDP-veileder.</p>"
    ),
    "diploma_wording": (
        "har gjennomført opplæringen som ICDP-veileder, med de åtte temaene for "
        "godt samspill og veiledet praksis med en egen foreldregruppe."
    ),
    "modules": [
        {
            "number": 1,
            "slug": "hva-er-icdp",
            "title": "Hva er ICDP?",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer om bakgrunnen for ICDP, hvilket syn på barn og foreldre "
                "programmet bygger på, og hvordan foreldres bilde av barnet "
                "påvirker samspillet."
            ),
            "learning_goals": [
                "Du kan forklare hva ICDP er og hvem programmet er for.",
                "Du forstår hva det betyr at ICDP er ressursorientert.",
                "Du vet hvorfor foreldres bilde av barnet er så viktig.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Et program om samspill</h3>"
                        "<p>ICDP ble utviklet i Norge på 1980-tallet av psykologer "
                        "ved Universitetet i Oslo. I dag brukes programmet i mange "
                        "land. I Norge tilbyr mange kommuner ICDP-grupper gjennom "
                        "helsestasjon, barnehage, familiesenter og frivillige "
                        "organisasjoner. Mange grupper er for foreldre med "
                        "minoritetsbakgrunn, ofte på foreldrenes eget språk.</p>"
                        "<p>ICDP er ikke et kurs der noen forteller foreldre hva "
                        "de gjør feil. Programmet bygger på at alle foreldre vil "
                        "barnet sitt vel, og at de allerede kan mye. Veilederen "
                        "hjelper foreldrene å se og bruke det de gjør bra. Dette "
                        "kaller vi å være ressursorientert.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Foreldres bilde av barnet</h3>"
                        "<p>Måten foreldre ser barnet sitt på, påvirker hvordan de "
                        "behandler det. Hvis en mor ser barnet som slemt eller "
                        "vanskelig, blir det lett mange konflikter. Hvis hun ser "
                        "et barn som er slitent, redd eller trenger hjelp, blir "
                        "det lettere å møte barnet med omsorg.</p>"
                        "<p>I ICDP kaller vi dette å definere barnet positivt. "
                        "Veilederen hjelper foreldrene å se barnets gode sider, og "
                        "å sette seg inn i hvordan barnet har det. Dette kalles "
                        "empatisk identifisering. Spørsmål som hjelper:</p>"
                        "<ul><li>Hva liker barnet ditt å gjøre?</li>"
                        "<li>Hva er barnet ditt flink til?</li>"
                        "<li>Hvordan tror du barnet har det akkurat nå?</li>"
                        "</ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "ICDP i korte trekk",
                        "text": (
                            "<p>ICDP er ressursorientert, bygger på dialog og "
                            "foregår i grupper som møtes omtrent åtte ganger. "
                            "Foreldrene prøver ut ting hjemme mellom samlingene og "
                            "forteller om erfaringene sine neste gang.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            "Hva lærte du om å være mor av dine egne foreldre?",
                            (
                                "Hvordan kan et negativt bilde av et barn bli til "
                                "en vond sirkel?"
                            ),
                            (
                                "Hvorfor tror du mange foreldre liker ICDP bedre "
                                "enn vanlige foredrag?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Tenk på et barn du kjenner godt. Hvordan kan du "
                            "beskrive barnet på en positiv måte?"
                        ),
                        "guidance": (
                            "Skriv tre ting barnet er flink til eller liker. Legg "
                            "merke til om bildet ditt av barnet endrer seg mens du "
                            "skriver."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Start med deltakernes egne erfaringer som bydelsmødre og "
                "mødre. Bruk lite tid på teori og mye tid på eksempler.</p>"
                "<p>Vis gjerne en kort film fra en ICDP-gruppe, og la deltakerne "
                "snakke om hva veilederen gjør. Legg vekt på at ICDP handler om å "
                "styrke foreldrene, ikke å rette på dem.</p>"
            ),
        },
        {
            "number": 2,
            "slug": "emosjonell-dialog",
            "title": "Den emosjonelle dialogen",
            "duration_minutes": 180,
            "summary": (
                "Vi går gjennom de fire første av de åtte temaene for godt "
                "samspill. De handler om følelser, nærhet og å følge barnet."
            ),
            "learning_goals": [
                "Du kjenner de tre dialogene og de åtte temaene i ICDP.",
                "Du kan forklare de fire temaene i den emosjonelle dialogen.",
                "Du kan gi eksempler på hvert tema fra hverdagen.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Åtte temaer, tre dialoger</h3>"
                        "<p>ICDP har åtte temaer for godt samspill mellom voksne "
                        "og barn. Temaene er delt i tre dialoger: den emosjonelle "
                        "dialogen, den meningsskapende og utvidende dialogen og "
                        "den regulerende dialogen. Den emosjonelle dialogen "
                        "handler om følelser og om relasjonen mellom barnet og den "
                        "voksne. Den er grunnlaget for de to andre.</p>"
                        "<ul><li>Tema 1: Vis positive følelser. Vis at du er glad "
                        "i barnet ditt.</li>"
                        "<li>Tema 2: Juster deg etter barnet og følg barnets "
                        "initiativ.</li>"
                        "<li>Tema 3: Snakk med barnet om det det er opptatt av, og "
                        "prøv å få en følelsesmessig samtale.</li>"
                        "<li>Tema 4: Gi ros og anerkjennelse for det barnet "
                        "klarer.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Slik ser det ut i hverdagen</h3>"
                        "<p>Et smil, en klem og et varmt blikk viser barnet at det "
                        "er elsket. Små barn trenger dette hver dag, men det "
                        "gjelder også store barn og ungdom.</p>"
                        "<p>Å følge barnets initiativ betyr at den voksne legger "
                        "merke til hva barnet er interessert i, og blir med på "
                        "det. Hvis barnet peker på en fugl, ser mor også på fuglen "
                        "og sier noe om den. Slik lærer barnet at det blir "
                        "sett.</p>"
                        "<p>Ros virker best når den er konkret: «Så fint at du "
                        "hjalp lillesøster med skoene.» Da vet barnet hva det "
                        "gjorde bra.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "heading": "Prøv dette hjemme",
                        "text": (
                            "<p>Sett av ti minutter i dag der du bare følger "
                            "barnet. La barnet bestemme leken, og bli med uten å "
                            "rette på noe. Legg merke til hvordan barnet "
                            "reagerer.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            "Hvordan viste foreldrene dine at de var glade i deg?",
                            (
                                "Hva kan gjøre det vanskelig for en sliten mor å "
                                "vise positive følelser?"
                            ),
                            "Hvordan kan man gi ros uten å overdrive?",
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Når følte du sist at du hadde god kontakt med et "
                            "barn? Hva gjorde du da?"
                        ),
                        "guidance": (
                            "Beskriv situasjonen kort. Prøv å finne hvilket av de "
                            "fire temaene du brukte."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>La deltakerne vise temaene i små rollespill. Én er barn, én er "
                "forelder, og én observerer og forteller hva hun så.</p>"
                "<p>Snakk om at kjærlighet kan vises på ulike måter i ulike "
                "kulturer. Det viktige er at barnet kjenner seg elsket, ikke "
                "hvordan det vises.</p>"
            ),
        },
        {
            "number": 3,
            "slug": "meningsskapende-dialog",
            "title": "Den meningsskapende og utvidende dialogen",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer tema 5, 6 og 7, som handler om å hjelpe barnet å forstå "
                "verden rundt seg."
            ),
            "learning_goals": [
                (
                    "Du kjenner de tre temaene i den meningsskapende og utvidende "
                    "dialogen."
                ),
                "Du kan forklare hvordan felles oppmerksomhet hjelper barnet å lære.",
                (
                    "Du kan vise foreldre hvordan de kan utvide barnets "
                    "opplevelser i hverdagen."
                ),
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Å gi mening til verden</h3>"
                        "<p>Barn lærer av de voksne rundt seg. Den meningsskapende "
                        "og utvidende dialogen handler om hvordan den voksne "
                        "hjelper barnet å forstå det det ser og opplever.</p>"
                        "<ul><li>Tema 5: Hjelp barnet å samle oppmerksomheten, "
                        "slik at dere har felles opplevelser av ting rundt "
                        "dere.</li>"
                        "<li>Tema 6: Gi mening til barnets opplevelser ved å sette "
                        "ord på det dere opplever sammen, og vis følelser og "
                        "entusiasme.</li>"
                        "<li>Tema 7: Utdyp og forklar når dere opplever noe "
                        "sammen.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Hverdagen er full av læring</h3>"
                        "<p>Foreldre trenger ikke dyre leker eller bøker for å "
                        "stimulere barnet. Handleturen, matlagingen og turen til "
                        "barnehagen er fulle av muligheter. «Se, eplene er røde og "
                        "grønne. Hvilket vil du ha?»</p>"
                        "<p>Når barnet blir større, kan den voksne forklare mer: "
                        "hvorfor bladene faller om høsten, hva som skjer hos "
                        "tannlegen, eller hvordan man er en god venn. Slik utvider "
                        "man barnets forståelse.</p>"
                        "<p>Foreldre som ikke kan lese, kan likevel fortelle "
                        "historier, synge og se på bilder sammen med barnet. Det "
                        "viktige er samtalen.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Morsmålet er en styrke",
                        "text": (
                            "<p>Oppfordre foreldre til å snakke, synge og fortelle "
                            "på det språket de kan best. Barnet lærer norsk i "
                            "barnehagen og på skolen, og et godt morsmål gjør det "
                            "lettere.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hvilke hverdagssituasjoner kan foreldre bruke for "
                                "å lære barnet noe nytt?"
                            ),
                            "Hva betyr det å vise entusiasme sammen med barnet?",
                            (
                                "Hvordan kan du hjelpe en forelder som tror at "
                                "læring bare skjer på skolen?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Beskriv en vanlig hverdagssituasjon der du kan bruke "
                            "tema 5, 6 eller 7."
                        ),
                        "guidance": (
                            "Tenk på noe du gjør hver dag, for eksempel å lage mat "
                            "eller gå til butikken. Skriv hva du kan si eller "
                            "gjøre sammen med barnet."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Ta med vanlige gjenstander, for eksempel frukt, et bilde eller "
                "en bok. La deltakerne øve i par på å sette ord på og utdype.</p>"
                "<p>Knytt temaene til modulen om språkstimulering i "
                "grunnopplæringen, som deltakerne kjenner fra før.</p>"
            ),
        },
        {
            "number": 4,
            "slug": "regulerende-dialog",
            "title": "Den regulerende dialogen",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer tema 8: å hjelpe barnet å kontrollere seg selv ved å "
                "sette grenser på en positiv måte."
            ),
            "learning_goals": [
                "Du kan forklare tema 8 og hva positiv grensesetting er.",
                "Du kjenner alternativer til kjefting, trusler og straff.",
                (
                    "Du vet at all vold mot barn er forbudt i Norge, og kan snakke "
                    "om det med foreldre."
                ),
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Tema 8: grenser på en positiv måte</h3>"
                        "<p>Tema 8 lyder: Hjelp barnet å kontrollere seg selv ved "
                        "å sette grenser på en positiv måte, ved å veilede, vise "
                        "positive alternativer og planlegge sammen.</p>"
                        "<p>Barn trenger grenser for å være trygge. Men grensene "
                        "virker best når barnet har en god relasjon til den "
                        "voksne. Derfor kommer den regulerende dialogen etter de "
                        "to andre dialogene. Uten varme og forståelse blir grenser "
                        "fort bare makt.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Slik kan foreldre gjøre det</h3>"
                        "<ul><li>Si hva barnet skal gjøre, ikke bare hva det ikke "
                        "skal gjøre: «Gå på fortauet» i stedet for «Ikke løp ut i "
                        "veien».</li>"
                        "<li>Forklar hvorfor en regel finnes.</li>"
                        "<li>Vis et alternativ: «Du kan ikke tegne på veggen, men "
                        "du kan tegne på dette arket.»</li>"
                        "<li>Planlegg sammen før vanskelige situasjoner, for "
                        "eksempel før en tur i butikken.</li>"
                        "<li>Vær rolig og tydelig. Barnet lærer av hvordan du selv "
                        "styrer følelsene dine.</li>"
                        "</ul>"
                        "<p>All vold mot barn er forbudt i Norge, også små klaps "
                        "og lugging. Mange foreldre vokste opp med slag som "
                        "oppdragelse. I ICDP-gruppen kan de snakke om dette uten å "
                        "bli dømt, og finne nye måter som virker.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "heading": "Hvis du er bekymret",
                        "text": (
                            "<p>Hvis en forelder i gruppen forteller om vold mot "
                            "barn, eller du ser tegn på at et barn ikke har det "
                            "bra, snakk med veilederen din eller koordinatoren "
                            "samme dag. Dere avgjør sammen om barnevernet skal "
                            "kontaktes. Er barnet i fare, ring politiet på 112.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            "Hvilke grenser var viktige i familien din da du var barn?",
                            (
                                "Hvorfor tror du barn samarbeider bedre når de har "
                                "en god relasjon til den voksne?"
                            ),
                            (
                                "Hvordan kan du snakke med en forelder som mener "
                                "at litt slag er nødvendig?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Tenk på en vanlig konflikt med et barn, for eksempel "
                            "ved leggetid. Hvordan kan du bruke tema 8?"
                        ),
                        "guidance": (
                            "Skriv hva som pleier å skje, og hva du kan prøve i "
                            "stedet: veilede, vise et alternativ eller planlegge "
                            "sammen."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Dette temaet kan vekke skam hos foreldre og hos deltakerne "
                "selv. Møt det med forståelse, men vær tydelig på hva norsk lov "
                "sier.</p>"
                "<p>Bruk rollespill med vanlige situasjoner: leggetid, skjermtid "
                "og butikken. La deltakerne øve på å finne positive "
                "alternativer.</p>"
            ),
        },
        {
            "number": 5,
            "slug": "lede-foreldregruppe",
            "title": "Å lede en foreldregruppe",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer hvordan en ICDP-gruppe er bygd opp, hva veilederens "
                "rolle er, og hvordan man får foreldrene til å dele erfaringer."
            ),
            "learning_goals": [
                "Du kjenner oppbygningen av en ICDP-gruppe og av en samling.",
                "Du kan bruke spørsmål og eksempler som får foreldrene til å snakke.",
                "Du vet hvordan du gir hjemmeoppgaver og følger dem opp.",
                "Du kan håndtere vanlige utfordringer i en gruppe.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Gruppen og samlingene</h3>"
                        "<p>En ICDP-gruppe har vanligvis seks til ti foreldre og "
                        "møtes omtrent åtte ganger. Hver samling varer rundt to "
                        "timer. Det er en fordel om gruppen møtes på samme sted og "
                        "til samme tid hver gang.</p>"
                        "<p>En samling kan se slik ut:</p>"
                        "<ul><li>Velkommen og en kort runde: Hvordan har uka "
                        "vært?</li>"
                        "<li>Erfaringer med hjemmeoppgaven fra forrige gang.</li>"
                        "<li>Dagens tema, med eksempler, bilder eller en kort "
                        "film.</li>"
                        "<li>Samtale i gruppen om egne erfaringer.</li>"
                        "<li>Ny hjemmeoppgave og avslutning.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Veilederens rolle</h3>"
                        "<p>Veilederen er ikke en lærer som holder foredrag. Hun "
                        "leder samtalen, stiller spørsmål og hjelper foreldrene å "
                        "finne egne eksempler. Foreldrene er eksperter på sine "
                        "egne barn.</p>"
                        "<p>Gode spørsmål er åpne: «Kan du fortelle om en gang da "
                        "barnet ble glad?» eller «Hva gjorde du da?» Når en "
                        "forelder forteller om noe som gikk bra, knytter "
                        "veilederen det til et av temaene. Da ser foreldrene at de "
                        "allerede bruker mye av det de lærer.</p>"
                        "<p>Noen snakker mye, og andre sier lite. Veilederen "
                        "passer på at alle får plass, uten å presse noen.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "heading": "Hjemmeoppgaver",
                        "text": (
                            "<p>Gi én enkel oppgave hver gang, for eksempel: «Legg "
                            "merke til når barnet ditt blir glad i løpet av uka.» "
                            "Spør om oppgaven neste gang. Det er ikke en prøve, "
                            "men en måte å ta med samlingen hjem på.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hva skal til for at foreldre føler seg trygge nok "
                                "til å fortelle om seg selv?"
                            ),
                            "Hvordan kan du få med en forelder som er stille?",
                            "Hva gjør du hvis en forelder gir de andre råd hele tiden?",
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Hvilken del av veilederrollen tror du blir lettest "
                            "for deg, og hvilken blir vanskeligst?"
                        ),
                        "guidance": (
                            "Tenk på erfaringene dine fra samtaler som bydelsmor. "
                            "Skriv hva du kan bygge på, og hva du vil øve mer på."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>La hver deltaker lede en del av en samling, med de andre som "
                "foreldre. Gi kort og konkret tilbakemelding etterpå: én ting som "
                "fungerte, og én ting å prøve neste gang.</p>"
                "<p>Snakk om praktiske ting: lokale, barnepass, tolk, påminnelser "
                "på SMS og hvordan man finner foreldre gjennom nettverket som "
                "bydelsmor.</p>"
            ),
        },
        {
            "number": 6,
            "slug": "etikk-og-taushetsplikt",
            "title": "Etikk og taushetsplikt",
            "duration_minutes": 180,
            "summary": (
                "Vi snakker om hvordan en ICDP-veileder tar vare på tilliten i "
                "gruppen, hva taushetsplikt betyr, og når man må si fra."
            ),
            "learning_goals": [
                "Du vet hva taushetsplikt betyr i en foreldregruppe.",
                "Du kjenner avvergeplikten og vet når du må si fra.",
                "Du kan sette grenser for din egen rolle og hjelpe foreldre videre.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Tillit er grunnlaget</h3>"
                        "<p>Foreldre forteller ofte om vanskelige ting i gruppen: "
                        "om barna, om samlivet og om egen oppvekst. De må kunne "
                        "stole på at det de sier, blir i gruppen. Derfor lager "
                        "gruppen en avtale om taushet på første samling. "
                        "Veilederen minner om avtalen når det trengs.</p>"
                        "<p>Som veileder forteller du ikke videre det foreldrene "
                        "sier, heller ikke til familien din eller andre i miljøet. "
                        "I små miljøer kjenner mange hverandre. Vær ekstra "
                        "forsiktig med navn og detaljer.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Når du må si fra</h3>"
                        "<p>Taushetsplikten har grenser. Alle i Norge har plikt "
                        "til å prøve å avverge alvorlig vold og overgrep, for "
                        "eksempel ved å varsle politiet eller barnevernet. Dette "
                        "kalles avvergeplikt. Hvis du er bekymret for et barn, "
                        "skal du snakke med den som har ansvaret for gruppen, "
                        "samme dag.</p>"
                        "<p>Si gjerne på første samling hva foreldrene kan "
                        "forvente: Det som blir sagt, blir i gruppen, men hvis et "
                        "barn er i fare, må veilederen sørge for at barnet får "
                        "hjelp. Da blir det ingen overraskelse senere.</p>"
                        "<p>En ICDP-veileder er ikke terapeut. Hvis en forelder "
                        "trenger mer hjelp, for eksempel på grunn av psykiske "
                        "plager, vold eller store konflikter, hjelper du henne "
                        "videre til fastlegen, familievernkontoret eller andre "
                        "tjenester.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "heading": "Husk",
                        "text": (
                            "<ul><li>Det som blir sagt i gruppen, blir i "
                            "gruppen.</li>"
                            "<li>Avvergeplikten går foran taushetsplikten.</li>"
                            "<li>Du står ikke alene: snakk med veilederen din "
                            "eller koordinatoren.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hva kan skje med tilliten i gruppen hvis noe blir "
                                "fortalt videre?"
                            ),
                            (
                                "Hvordan kan du forklare grensene for taushet uten "
                                "å skremme foreldrene?"
                            ),
                            (
                                "Hva gjør du hvis du møter en forelder fra gruppen "
                                "på butikken sammen med andre?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Tenk på en situasjon der det kan bli vanskelig å "
                            "holde taushet, for eksempel fordi du kjenner "
                            "familien. Hvordan vil du håndtere den?"
                        ),
                        "guidance": (
                            "Skriv konkret hva du vil si og gjøre. Ikke bruk navn "
                            "på virkelige personer."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Bruk korte, oppdiktede eksempler, og la deltakerne diskutere i "
                "grupper hva de ville gjort. Få fram at det ofte ikke finnes ett "
                "riktig svar, men at man aldri skal stå alene med en bekymring.</p>"
                "<p>Avklar hvem deltakerne skal kontakte i praksisperioden, og "
                "skriv opp navn og telefonnummer.</p>"
            ),
        },
        {
            "number": 7,
            "slug": "praksis",
            "title": "Praksis med egen foreldregruppe",
            "duration_minutes": 180,
            "summary": (
                "Du leder din egen ICDP-gruppe med veiledning. Vi lærer hvordan "
                "praksisperioden foregår, hvordan du skriver logg, og hva som skal "
                "til for å bli sertifisert."
            ),
            "learning_goals": [
                "Du vet hvordan du planlegger og starter din egen foreldregruppe.",
                "Du kan skrive logg etter hver samling.",
                "Du vet hvordan veiledningen og sertifiseringen foregår.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Din egen gruppe</h3>"
                        "<p>Etter kursdagene leder du en foreldregruppe selv, "
                        "gjerne sammen med en annen bydelsmor. Gruppen kan ha "
                        "foreldre som snakker samme språk som deg. Det gjør det "
                        "lettere å snakke om følelser og oppdragelse.</p>"
                        "<p>Planlegg godt: Finn et lokale, sett opp datoer for "
                        "alle samlingene, og inviter foreldre gjennom nettverket "
                        "ditt, helsestasjonen eller barnehagen. Send gjerne en "
                        "påminnelse dagen før hver samling.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Logg og veiledning</h3>"
                        "<p>Etter hver samling skriver du en kort logg. Skriv "
                        "hvilket tema dere hadde, hva foreldrene fortalte om "
                        "hjemmeoppgaven, hva som fungerte, og hva som var "
                        "vanskelig. Ikke skriv navn på foreldrene.</p>"
                        "<p>Underveis møter du veilederen din flere ganger. Dere "
                        "snakker om loggene og om utfordringer i gruppen. "
                        "Veiledning er ikke kontroll, men støtte til å bli en god "
                        "veileder.</p>"
                        "<p>Når du har gjennomført gruppen, levert loggene og fått "
                        "godkjent praksisen, blir du sertifisert som "
                        "ICDP-veileder.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "heading": "Del på to",
                        "text": (
                            "<p>Det er en stor fordel å lede gruppen sammen med en "
                            "annen. Dere kan dele oppgavene, støtte hverandre og "
                            "snakke sammen etter hver samling.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hvor i bydelen kan du finne foreldre som vil være "
                                "med i en gruppe?"
                            ),
                            (
                                "Hva gjør du hvis bare to foreldre kommer til "
                                "første samling?"
                            ),
                            (
                                "Hva vil du ta opp med veilederen din første gang "
                                "dere møtes?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Lag en enkel plan for foreldregruppen din: hvem, hvor "
                            "og når."
                        ),
                        "guidance": (
                            "Skriv hvilke foreldre du vil invitere, hvor dere kan "
                            "være, hvilke datoer som passer, og hvem du vil "
                            "samarbeide med."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Sett av tid til at hver deltaker lager en konkret plan. Hjelp "
                "med kontakter til helsestasjon, barnehager og frivilligsentraler "
                "i bydelen.</p>"
                "<p>Avtal datoer for veiledningsmøtene før kurset er slutt, og gå "
                "gjennom malen for logg.</p>"
            ),
        },
    ],
}

SELF_HELP = {
    "slug": "selvhjelpsgrupper",
    "title": "Starte selvhjelpsgrupper",
    "audience": (
        "Ferdigutdannede bydelsmødre som vil starte selvhjelpsgrupper for kvinner "
        "i bydelen."
    ),
    "intro": (
        "<p>I en selvhjelpsgruppe møtes mennesker med lignende erfaringer for å "
        "støtte hverandre. Det er ingen leder og ingen ekspert. Alle bidrar med "
        "sine egne erfaringer.</p>"
        "<p>Kurset holdes i samarbeid med Selvhjelp Norge, det nasjonale "
        "kompetansesenteret for selvhjelp. Du lærer hva selvhjelp er, hvordan du "
        "setter i gang en gruppe som igangsetter, og hvordan du gir gruppen fra "
        "deg når den klarer seg selv. Vi snakker også om hvordan du tar vare på "
        "deg selv.</p>"
    ),
    "diploma_wording": (
        "har gjennomført kurset Starte selvhjelpsgrupper og kan sette i gang "
        "selvorganiserte selvhjelpsgrupper som igangsetter."
    ),
    "modules": [
        {
            "number": 1,
            "slug": "hva-er-selvhjelp",
            "title": "Hva er selvhjelp?",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer hva selvhjelp er, hvordan en selvhjelpsgruppe skiller "
                "seg fra andre grupper, og hvem den kan være for."
            ),
            "learning_goals": [
                "Du kan forklare hva selvhjelp er.",
                "Du vet forskjellen på en selvhjelpsgruppe, terapi og et kurs.",
                "Du kjenner eksempler på temaer for selvhjelpsgrupper.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Å ta tak i eget liv</h3>"
                        "<p>Selvhjelp betyr å ta tak i eget liv og bruke egne "
                        "ressurser for å få det bedre. Vi har alle erfaringer og "
                        "styrker vi kan bruke. I en selvhjelpsgruppe møtes "
                        "mennesker som har noe felles, for eksempel ensomhet, "
                        "sorg, sykdom eller det å være ny i et land.</p>"
                        "<p>I gruppen deler man erfaringer og lytter til "
                        "hverandre. Når man hører andre fortelle, oppdager man "
                        "ofte at man ikke er alene. Man får ny kraft og nye ideer "
                        "til å møte sin egen situasjon.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Hva selvhjelp ikke er</h3>"
                        "<ul><li>Det er ikke terapi. Det er ingen behandler i "
                        "gruppen.</li>"
                        "<li>Det er ikke et kurs. Ingen underviser, og det er ikke "
                        "noe pensum.</li>"
                        "<li>Det er ikke en vennegjeng. Gruppen har faste rammer "
                        "og et felles tema.</li>"
                        "</ul>"
                        "<p>Alle i gruppen er likeverdige. Hver og en bestemmer "
                        "selv hva hun vil dele. Man gir ikke råd, men forteller "
                        "fra eget liv.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Selvhjelp Norge",
                        "text": (
                            "<p>Selvhjelp Norge er det nasjonale "
                            "kompetansesenteret for selvhjelp. Senteret gir "
                            "opplæring og støtte til dem som vil starte grupper, "
                            "og kan gi råd om grupper der du bor.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Har du vært med i en gruppe der du følte deg "
                                "forstått? Hva var godt?"
                            ),
                            (
                                "Hvilke temaer tror du kvinner i bydelen vår kunne "
                                "trenge en selvhjelpsgruppe om?"
                            ),
                            "Hvorfor tror du det er viktig at ingen i gruppen gir råd?",
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Hva gjør du selv når livet er tungt, og hva har "
                            "hjulpet deg?"
                        ),
                        "guidance": (
                            "Skriv om dine egne ressurser. Det kan være mennesker, "
                            "vaner, tro eller ting du er god til."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Begynn med deltakernes egne erfaringer med å få og gi støtte. "
                "Skriv ordene de bruker på tavla, og knytt dem til begrepet "
                "selvhjelp.</p>"
                "<p>Vær tydelig på forskjellen mellom selvhjelp og behandling, "
                "slik at deltakerne ikke tror at de skal være hjelpere for "
                "gruppen.</p>"
            ),
        },
        {
            "number": 2,
            "slug": "rammer-og-avtaler",
            "title": "Gruppens rammer og avtaler",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer hvordan faste rammer og tydelige avtaler gjør en "
                "selvhjelpsgruppe trygg."
            ),
            "learning_goals": [
                "Du vet hvilke rammer en selvhjelpsgruppe trenger.",
                "Du kan hjelpe en gruppe å lage egne avtaler.",
                "Du kjenner en enkel struktur for et gruppemøte.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Faste rammer gir trygghet</h3>"
                        "<p>En selvhjelpsgruppe har vanligvis fem til åtte "
                        "deltakere. Gruppen møtes på samme sted, samme dag og til "
                        "samme tid, for eksempel hver andre uke. Møtet har fast "
                        "start og slutt. Det gjør det lettere å komme, og det gir "
                        "trygghet.</p>"
                        "<p>Et møte kan ha denne strukturen:</p>"
                        "<ul><li>Åpningsrunde: Hver forteller kort hvordan hun har "
                        "det i dag.</li>"
                        "<li>Tema eller fri samtale: Den som trenger det, får tid "
                        "til å fortelle. De andre lytter.</li>"
                        "<li>Avslutningsrunde: Hva tar jeg med meg fra i dag?</li>"
                        "</ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Gruppens avtaler</h3>"
                        "<p>På de første møtene lager gruppen avtaler sammen. "
                        "Avtalene tilhører gruppen, og gruppen kan endre dem. "
                        "Vanlige avtaler er:</p>"
                        "<ul><li>Taushet: Det som blir sagt i gruppen, blir i "
                        "gruppen.</li>"
                        "<li>Snakk ut fra deg selv. Si «jeg» i stedet for «man» "
                        "eller «du».</li>"
                        "<li>Ikke gi råd, men del egne erfaringer.</li>"
                        "<li>Én snakker om gangen, og alle får plass.</li>"
                        "<li>Gi beskjed hvis du ikke kan komme.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "heading": "Skriv ned avtalene",
                        "text": (
                            "<p>Skriv avtalene på et ark, og ta det fram på hvert "
                            "møte den første tiden. Når nye deltakere kommer, "
                            "leser gruppen avtalene sammen.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hvorfor tror du det er så viktig med faste tider "
                                "og steder?"
                            ),
                            "Hvilken avtale tror du blir vanskeligst å holde?",
                            "Hva kan gruppen gjøre hvis noen bryter en avtale?",
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Hvilke tre avtaler ville vært viktigst for deg hvis "
                            "du skulle være med i en selvhjelpsgruppe?"
                        ),
                        "guidance": (
                            "Skriv avtalene med dine egne ord, og forklar kort "
                            "hvorfor hver av dem er viktig for deg."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>La deltakerne prøve en kort åpningsrunde og avslutningsrunde i "
                "kursgruppen. Snakk etterpå om hvordan det føltes.</p>"
                "<p>Lag avtaler for kursgruppen på samme måte som en "
                "selvhjelpsgruppe ville gjort. Da får deltakerne erfare prosessen "
                "selv.</p>"
            ),
        },
        {
            "number": 3,
            "slug": "igangsetter",
            "title": "Rollen som igangsetter",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer hva en igangsetter gjør: Hun samler deltakere, setter i "
                "gang gruppen og hjelper den å finne sin egen form."
            ),
            "learning_goals": [
                "Du vet hva en igangsetter gjør, og hva hun ikke gjør.",
                "Du kan planlegge og gjennomføre et første møte.",
                "Du kan hjelpe gruppen å ta ansvar selv fra starten av.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Hva gjør en igangsetter?</h3>"
                        "<p>En igangsetter tar initiativ til gruppen. Hun finner "
                        "et lokale, sprer informasjon og snakker med kvinner som "
                        "kan være interessert. Hun leder de første møtene og "
                        "hjelper gruppen å lage rammer og avtaler.</p>"
                        "<p>Igangsetteren er ikke leder, terapeut eller lærer. "
                        "Målet er at gruppen skal klare seg uten henne. Derfor gir "
                        "hun ansvar til gruppen så tidlig som mulig, for eksempel "
                        "ved at deltakerne bytter på å holde tiden eller å lede "
                        "runden.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Det første møtet</h3>"
                        "<ul><li>Ønsk velkommen og fortell hva en selvhjelpsgruppe "
                        "er.</li>"
                        "<li>La alle presentere seg kort, uten press.</li>"
                        "<li>Snakk om hva deltakerne ønsker seg av gruppen.</li>"
                        "<li>Begynn å lage avtaler, særlig om taushet.</li>"
                        "<li>Avtal tid og sted for neste møte.</li>"
                        "</ul>"
                        "<p>Som bydelsmor har du et stort nettverk. Bruk det når "
                        "du skal finne deltakere. Mange kvinner kommer fordi noen "
                        "de stoler på, spør dem personlig.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Igangsetterens tid",
                        "text": (
                            "<p>En igangsetter er med i gruppen bare en begrenset "
                            "periode i starten. Avtal med gruppen fra første møte "
                            "hvor mange møter du blir med på.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hvordan kan du fortelle om en selvhjelpsgruppe "
                                "slik at kvinner får lyst til å være med?"
                            ),
                            (
                                "Hva er forskjellen på å lede en gruppe og å sette "
                                "i gang en gruppe?"
                            ),
                            "Hva gjør du hvis gruppen vil at du skal bestemme alt?",
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Hva vil du si når du ønsker velkommen på det første møtet?"
                        ),
                        "guidance": (
                            "Skriv noen setninger du kan bruke. Prøv å si dem høyt "
                            "hjemme, gjerne på flere språk."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>La deltakerne øve i par på å ønske velkommen og forklare hva "
                "selvhjelp er. Gi tilbakemelding på om språket er enkelt og "
                "varmt.</p>"
                "<p>Snakk om fristelsen til å hjelpe og løse problemer for andre, "
                "og hvorfor igangsetteren må holde seg litt tilbake.</p>"
            ),
        },
        {
            "number": 4,
            "slug": "gi-gruppen-fra-seg",
            "title": "Å gi gruppen fra seg",
            "duration_minutes": 180,
            "summary": (
                "Vi lærer hvordan igangsetteren trekker seg ut, og hvordan gruppen "
                "kan fortsette på egen hånd."
            ),
            "learning_goals": [
                "Du vet hvordan du forbereder gruppen på at du skal trekke deg ut.",
                "Du kan hjelpe gruppen å fordele oppgaver.",
                "Du vet hvordan du avslutter din rolle på en god måte.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Planlegg overgangen fra starten</h3>"
                        "<p>Gruppen vet fra første møte at igangsetteren bare er "
                        "med en periode. Underveis tar deltakerne over flere og "
                        "flere oppgaver: å åpne møtet, holde tiden, lede rundene "
                        "og minne om avtalene.</p>"
                        "<p>Noen uker før du går ut, snakker dere om hvordan "
                        "gruppen vil ha det videre. Hvem har nøkkel til lokalet? "
                        "Hvem sender påminnelser? Skal gruppen ta inn nye "
                        "deltakere?</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Den siste gangen</h3>"
                        "<p>Bruk det siste møtet ditt til å se tilbake sammen. Hva "
                        "har gruppen fått til? Hva vil de ta vare på? Si tydelig "
                        "at gruppen nå er deres.</p>"
                        "<p>Det kan være vemodig å slippe en gruppe du har "
                        "startet. Men når gruppen klarer seg uten deg, er det et "
                        "tegn på at du har gjort jobben godt. Hvis gruppen får "
                        "problemer senere, kan den ta kontakt med Selvhjelp Norge "
                        "for råd.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "heading": "Sjekkliste før du går ut",
                        "text": (
                            "<ul><li>Gruppen har faste tider og et lokale.</li>"
                            "<li>Avtalene er skrevet ned.</li>"
                            "<li>Oppgavene er fordelt.</li>"
                            "<li>Deltakerne vet hvor de kan få råd.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            (
                                "Hvordan kan du merke at en gruppe er klar til å "
                                "klare seg selv?"
                            ),
                            (
                                "Hva kan gjøre det vanskelig for en igangsetter å "
                                "gi slipp?"
                            ),
                            (
                                "Hva kan gruppen gjøre hvis mange slutter etter at "
                                "du har gått ut?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Hvordan har du det når du skal avslutte noe du har "
                            "vært en del av?"
                        ),
                        "guidance": (
                            "Tenk på en tidligere avslutning i livet ditt. Skriv "
                            "hva som hjalp deg, og hva du kan ta med deg når du "
                            "skal gi fra deg en gruppe."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Bruk et rollespill av et avslutningsmøte. La deltakerne kjenne "
                "på både glede og vemod.</p>"
                "<p>Gå gjennom sjekklisten, og la deltakerne legge til punkter de "
                "selv synes er viktige.</p>"
            ),
        },
        {
            "number": 5,
            "slug": "ta-vare-paa-seg-selv",
            "title": "Å ta vare på seg selv",
            "duration_minutes": 180,
            "summary": (
                "Vi snakker om hvordan du som igangsetter og bydelsmor tar vare på "
                "deg selv, setter grenser og får støtte."
            ),
            "learning_goals": [
                "Du kjenner tegn på at du er sliten eller har tatt på deg for mye.",
                "Du kan sette grenser for hva du tar ansvar for.",
                "Du vet hvor du selv kan få støtte.",
            ],
            "body": [
                (
                    "text",
                    (
                        "<h3>Du er også et menneske</h3>"
                        "<p>Når man hører om andres problemer, kan man bli berørt. "
                        "Noen historier kan minne om det man selv har opplevd. Det "
                        "er normalt. Men hvis du ofte tenker på gruppen om natten, "
                        "sover dårlig eller blir irritabel, kan det være et tegn "
                        "på at du trenger en pause.</p>"
                        "<p>Husk at du ikke har ansvar for å løse andres "
                        "problemer. Ditt ansvar er å sette i gang gruppen og sørge "
                        "for gode rammer. Deltakerne har selv ansvar for sine "
                        "liv.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h3>Gode vaner</h3>"
                        "<ul><li>Si nei til nye oppgaver når du ikke har "
                        "overskudd.</li>"
                        "<li>Sett grenser for når du svarer på telefonen.</li>"
                        "<li>Snakk med en annen igangsetter eller veilederen din "
                        "etter tunge møter.</li>"
                        "<li>Gjør ting som gir deg krefter: tur, venner, bønn, "
                        "musikk eller hvile.</li>"
                        "</ul>"
                        "<p>Hvis du selv får det vanskelig over tid, snakk med "
                        "fastlegen din. Å be om hjelp er ikke et tegn på svakhet. "
                        "Det er det samme vi ønsker for kvinnene vi møter.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "help",
                        "heading": "Hvis du trenger noen å snakke med",
                        "text": (
                            "<p>Mental Helse har en hjelpetelefon på 116 123 som "
                            "er åpen hele døgnet. Du kan også snakke med fastlegen "
                            "din eller med koordinatoren for Bydelsmødre.</p>"
                        ),
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "heading": "La oss snakke",
                        "questions": [
                            "Hvordan merker du at du er sliten?",
                            "Hva er vanskelig med å si nei?",
                            "Hvordan kan vi som bydelsmødre støtte hverandre?",
                        ],
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "prompt": (
                            "Hva gir deg krefter, og hvordan kan du få mer av det "
                            "i hverdagen?"
                        ),
                        "guidance": (
                            "Skriv tre ting som gir deg krefter. Velg én ting du "
                            "vil gjøre denne uka."
                        ),
                    },
                ),
            ],
            "lecturer_guide": (
                "<p>Avslutt kurset i en rolig og varm tone. La deltakerne dele hva "
                "som gir dem krefter, og lag gjerne en felles liste.</p>"
                "<p>Gi informasjon om hvor deltakerne kan få veiledning videre, og "
                "avtal gjerne et oppfølgingsmøte etter noen måneder.</p>"
            ),
        },
    ],
}
