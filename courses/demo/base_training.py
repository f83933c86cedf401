"""Demo data: Norwegian-only base-training modules 2-4, 6-13, 15 and 16."""

MODULES = [
    {
        "number": 2,
        "slug": "barns-utvikling",
        "title": "Barns utvikling og oppdragelse",
        "duration_minutes": 210,
        "summary": (
            "Hvordan barn vokser og lærer, og hvordan foreldre kan hjelpe barnet med "
            "språket i hverdagen. Vi snakker også om oppdragelse med varme og tydelige "
            "grenser."
        ),
        "learning_goals": [
            "Jeg kjenner hovedtrekkene i barns utvikling fra fødsel til skolestart.",
            "Jeg vet hvordan foreldre kan stimulere barnets språk i hverdagen.",
            "Jeg forstår hvorfor morsmålet er viktig for barnet.",
            (
                "Jeg vet at all vold mot barn er forbudt i Norge, og kjenner andre "
                "måter å sette grenser på."
            ),
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Barnet lærer hele tiden</h3><p>Små barn lærer gjennom lek, "
                    "gjentakelse og nære relasjoner. Barnet trenger voksne som ser "
                    "det, trøster det og snakker med det. Trygghet er grunnmuren for "
                    "all læring.</p><p>Alle barn utvikler seg i sitt eget tempo. "
                    "Helsestasjonen følger barnets vekst, språk og bevegelse fra "
                    "fødselen til skolestart. Der får barnet også vaksiner i "
                    "barnevaksinasjonsprogrammet. Helsestasjonen er gratis, og du kan "
                    "be om tolk.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Språket begynner lenge før de første ordene</h3><p>Barnet "
                    "lærer språk ved å høre det og bruke det. Snakk med barnet om det "
                    "dere gjør, for eksempel når dere lager mat, kler på dere eller "
                    "går tur. Sett ord på ting og følelser. Vent på svar, også når "
                    "svaret bare er et smil eller en lyd.</p><ul><li>Snakk morsmålet "
                    "ditt med barnet. Et sterkt morsmål gjør det lettere å lære "
                    "norsk.</li><li>Les bøker, syng sanger og fortell historier hver "
                    "dag.</li><li>Lån bøker gratis på biblioteket. Deichman har bøker "
                    "på mange språk.</li><li>Begrens skjermtiden. Barn lærer språk "
                    "best i samtale med mennesker.</li></ul><p>I barnehagen leker "
                    "barnet med andre barn og lærer norsk. Mange barn i Oslo vokser "
                    "opp med to eller flere språk. Det er en styrke.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Varme og tydelige voksne</h3><p>Barn trenger både kjærlighet "
                    "og grenser. Faste rutiner for mat, søvn og lek gir trygghet. Ros "
                    "barnet for det det prøver på, ikke bare for det det "
                    "klarer.</p><p>I Norge er all vold mot barn forbudt, også lette "
                    "slag og klaps i oppdragelsen. Dette står i barneloven. Det finnes "
                    "andre måter å sette grenser på: å forklare, å gi barnet valg, å "
                    "ta en pause og å være et godt forbilde.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "heading": "Språktips for hverdagen",
                    "text": (
                        "<p>Bruk de vanlige øyeblikkene. Et bleieskift, en tur til "
                        "butikken eller et måltid kan bli en liten språkstund. Det "
                        "viktigste er at dere snakker mye sammen, ikke hvilket språk "
                        "dere snakker.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hvilke sanger, regler eller eventyr fra din barndom kan "
                            "du dele med barn i dag?"
                        ),
                        (
                            "Hva gjør du når et barn ikke vil høre? Hvilke måter å "
                            "sette grenser på fungerer for deg?"
                        ),
                        (
                            "Noen mødre er redde for at morsmålet gjør det "
                            "vanskeligere for barnet å lære norsk. Hva vil du si til "
                            "en mor som er bekymret for dette?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Tenk på hvordan du selv ble oppdratt. Hva vil du ta med deg "
                        "videre, og hva vil du gjøre annerledes?"
                    ),
                    "guidance": (
                        "Skriv noen setninger eller spill inn en kort lydmelding. "
                        "Refleksjonen er bare for deg, hvis du ikke velger å dele den "
                        "med veilederen din."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Gå gjennom barns utvikling fra 0 til 6 år med vekt på språk: "
            "hvordan språket vokser, og hva foreldre kan gjøre "
            "hjemme.</li><li>Foreleser er ofte en språkpedagog, en helsesykepleier fra "
            "helsestasjonen eller en barnehagestyrer.</li><li>Løft frem morsmålet som "
            "en ressurs. Noen deltakere har fått råd om å bare snakke norsk med barna. "
            "Rett opp dette på en respektfull måte.</li><li>Ta med bildebøker på flere "
            "språk, og la deltakerne øve på å lese og samtale om bildene i par. Bruk "
            "tolk ved behov, og gi konkrete eksempler fra hverdagen.</li></ul>"
        ),
    },
    {
        "number": 3,
        "slug": "barns-hverdag",
        "title": "Barns hverdag: samarbeid med barnehage og skole",
        "duration_minutes": 210,
        "summary": (
            "Hvordan barnehage og skole fungerer i Norge, og hvordan foreldre kan "
            "samarbeide med dem. Vi ser på foreldremøter, samtaler, beskjeder og "
            "retten til tolk."
        ),
        "learning_goals": [
            "Jeg vet hvordan barnehagen og skolen i Norge er organisert.",
            (
                "Jeg kjenner møtene og kanalene foreldre bruker for å samarbeide med "
                "barnehage og skole."
            ),
            "Jeg vet at foreldre kan be om tolk, og at barn ikke skal være tolk.",
            "Jeg kan hjelpe en mor med å forberede en foreldresamtale.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Barnehagen</h3><p>Barn har rett til barnehageplass fra "
                    "omtrent ett års alder. Barnehagen er frivillig, men den gir "
                    "barnet lek, venner og norsk språk før skolestart. Familier med "
                    "lav inntekt kan få lavere pris. Barn fra to år i disse familiene "
                    "kan også få 20 timer gratis i uken.</p><p>Når barnet begynner, er "
                    "det en tilvenning. En forelder er med barnet de første dagene. "
                    "Foreldre og ansatte snakker sammen når barnet blir levert og "
                    "hentet. Vanligvis er det foreldresamtale en eller to ganger i "
                    "året, og foreldremøte for alle foreldre.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Skolen</h3><p>Barn i Norge begynner på skolen det året de "
                    "fyller seks år. Grunnskolen er gratis og varer i ti år: "
                    "barneskolen fra 1. til 7. trinn og ungdomsskolen fra 8. til 10. "
                    "trinn. I Oslo kan barna gå på AKS, Aktivitetsskolen, før og etter "
                    "skoletid.</p><p>Hvert barn har en kontaktlærer. Foreldrene blir "
                    "invitert til foreldremøter og til utviklingssamtaler, vanligvis "
                    "to ganger i året. Skolen sender ofte beskjeder i en app, på SMS "
                    "eller e-post. Det er lurt å sjekke beskjedene hver dag.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Foreldre er viktige samarbeidspartnere</h3><p>Barnehagen og "
                    "skolen ønsker å samarbeide med foreldrene. Det hjelper barnet når "
                    "foreldrene møter opp, stiller spørsmål og forteller om barnet. På "
                    "skolen er alle foreldre med i foreldrerådet. Foreldrene velger et "
                    "arbeidsutvalg, FAU. Der kan du være med og påvirke.</p><p>Be om "
                    "tolk når du trenger det. Tolken er gratis for deg og har "
                    "taushetsplikt. Barn skal ikke brukes som tolk.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "heading": "Når barnehagen eller skolen er bekymret",
                    "text": (
                        "<p>Ansatte i barnehage og skole må si fra til "
                        "barnevernstjenesten hvis de er alvorlig bekymret for et barn. "
                        "Det betyr ikke at barnet blir tatt fra familien. De fleste "
                        "barn som får hjelp fra barnevernet, bor hjemme, og familien "
                        "får råd og støtte. Det er lurt å snakke åpent og tidlig med "
                        "barnehagen eller skolen.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hva var annerledes med skole eller barnehage der du "
                            "vokste opp, sammenlignet med Norge?"
                        ),
                        (
                            "Hva kan gjøre det vanskelig for en mor å gå på "
                            "foreldremøte? Hva kan hjelpe?"
                        ),
                        (
                            "Hvordan kan en bydelsmor hjelpe en mor som ikke forstår "
                            "beskjedene fra skolen?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Tenk på et møte med en barnehage eller en skole, ditt eget "
                        "eller en venninnes. Hva gjorde møtet godt eller vanskelig?"
                    ),
                    "guidance": (
                        "Skriv hva som skjedde, hvordan det føltes og hva du ville "
                        "gjort likt eller annerledes neste gang. Ikke skriv navn på "
                        "andre personer."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Forklar hvordan barnehage og skole er bygd opp, hvilke møter "
            "foreldre blir invitert til, og hva barnehagen og skolen forventer av "
            "foreldrene.</li><li>Forelesere er ofte en barnehagestyrer og en "
            "sosiallærer eller rektor fra en skole i bydelen.</li><li>Vis eksempler på "
            "en ukeplan, et informasjonsskriv og en melding fra skolens app, og les "
            "dem sammen. Bruk tolk ved behov, fordi norskferdighetene i gruppen er "
            "ulike.</li><li>Noen deltakere har vonde erfaringer med eller rykter om "
            "barnevernet. Møt dem med respekt, og forklar opplysningsplikten (ofte "
            "kalt meldeplikt) og hva hjelpetiltak er.</li></ul>"
        ),
    },
    {
        "number": 4,
        "slug": "ungdom",
        "title": "Ungdom: utvikling, helse og vanskelige samtaler",
        "duration_minutes": 210,
        "summary": (
            "Hva skjer med kropp og følelser i ungdomstiden, og hvor kan ungdom få "
            "hjelp? Vi øver på hvordan foreldre kan snakke med ungdom om vanskelige "
            "temaer."
        ),
        "learning_goals": [
            "Jeg kjenner de viktigste fysiske og psykiske endringene i ungdomstiden.",
            (
                "Jeg vet hva skolehelsetjenesten og helsestasjon for ungdom kan hjelpe "
                "med."
            ),
            (
                "Jeg kan gi råd om hvordan foreldre kan snakke med ungdom om "
                "vanskelige temaer."
            ),
            "Jeg vet hvor unge og bekymrede voksne kan ringe for å få hjelp.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>En tid med store endringer</h3><p>I puberteten forandrer "
                    "kroppen seg. Jenter kommer ofte i puberteten mellom 8 og 13 år, "
                    "gutter litt senere. Hormonene kan gi sterke følelser, "
                    "humørsvingninger og større behov for søvn.</p><p>Hjernen utvikler "
                    "seg også. Den delen som styrer planlegging og impulser, er ikke "
                    "ferdig utviklet før i midten av 20-årene. Derfor tar ungdom noen "
                    "ganger raske valg. Venner blir viktigere, og ungdom prøver å "
                    "finne ut hvem de er. Det er normalt.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Skolehelsetjenesten og helsestasjon for ungdom</h3><p>Alle "
                    "skoler har en skolehelsetjeneste med helsesykepleier. Elevene kan "
                    "ta kontakt selv og snakke om kropp, følelser, venner, familie "
                    "eller andre ting. Tjenesten er gratis.</p><p>Helsestasjon for "
                    "ungdom er et gratis tilbud i bydelen. Ungdom kan komme uten "
                    "timebestilling og uten foreldre. Der kan de få hjelp med "
                    "prevensjon, seksuell helse og psykisk helse. De ansatte har "
                    "taushetsplikt. På nettsiden ung.no kan ungdom stille spørsmål "
                    "anonymt.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Å snakke med ungdom om vanskelige ting</h3><p>Ungdom trenger "
                    "voksne som tåler å høre det de forteller. Vanskelige temaer kan "
                    "være mobbing, press fra venner, rus, kropp og seksualitet, livet "
                    "på nettet eller kjærester.</p><ul><li>Velg et rolig øyeblikk, for "
                    "eksempel i bilen, på tur eller mens dere lager mat.</li><li>Lytt "
                    "mer enn du snakker. Still åpne spørsmål.</li><li>Si at du er glad "
                    "for at ungdommen forteller, også når temaet er "
                    "vanskelig.</li><li>Hold deg rolig. Sinne kan gjøre at ungdommen "
                    "slutter å fortelle.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "help",
                    "heading": "Hvis en ung person trenger hjelp",
                    "text": (
                        "<p>Alarmtelefonen for barn og unge, 116 111, er gratis og "
                        "åpen hele døgnet. Barn og unge kan ringe selv, og voksne som "
                        "er bekymret for et barn, kan også ringe. Helsesykepleieren på "
                        "skolen kan hjelpe videre. Ved fare for liv og helse: ring 113 "
                        "eller 112.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hva var vanskelig å snakke om med foreldrene dine da du "
                            "var ung? Hvorfor?"
                        ),
                        (
                            "Mange ungdommer i Norge vokser opp med to kulturer. Hva "
                            "kan være bra med det, og hva kan være vanskelig?"
                        ),
                        (
                            "Hva kan en mor gjøre hvis tenåringen ikke vil snakke med "
                            "henne?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Skriv ned tre ting du vil si eller gjøre neste gang en ungdom "
                        "forteller deg noe vanskelig."
                    ),
                    "guidance": (
                        "Tenk på en ungdom du kjenner. Hva trenger denne ungdommen fra "
                        "en voksen? Du trenger ikke skrive navn."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Gå gjennom fysisk og psykisk utvikling i puberteten, og hva "
            "skolehelsetjenesten og helsestasjon for ungdom tilbyr.</li><li>Foreleser "
            "er vanligvis en helsesykepleier fra skolehelsetjenesten, gjerne sammen "
            "med en psykolog eller en ansatt fra helsestasjon for "
            "ungdom.</li><li>Forklar hva taushetsplikten betyr for ungdom og foreldre, "
            "og når helsepersonell må si fra.</li><li>Bruk rollespill om en vanskelig "
            "samtale mellom mor og tenåring. Temaer som seksualitet kan være "
            "sensitive: si fra på forhånd hva som kommer, og gi rom for spørsmål, "
            "gjerne med tolk.</li></ul>"
        ),
    },
    {
        "number": 6,
        "slug": "samtale-og-brobygging",
        "title": "Bydelsmødrenes metoder I: samtale og brobygging",
        "duration_minutes": 210,
        "summary": (
            "Bydelsmorens to roller: samtalepartner og brobygger. Vi øver på den gode "
            "samtalen og på å vise kvinner veien videre til riktig hjelp."
        ),
        "learning_goals": [
            (
                "Jeg kan forklare forskjellen på rollen som samtalepartner og rollen "
                "som brobygger."
            ),
            "Jeg kan bruke aktiv lytting og åpne spørsmål.",
            (
                "Jeg kjenner grensene for rollen som bydelsmor og vet når jeg skal be "
                "om hjelp."
            ),
            "Jeg vet hva taushetsplikt betyr i arbeidet som bydelsmor.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>To roller: samtalepartner og brobygger</h3><p>En bydelsmor "
                    "har to viktige roller. Som samtalepartner lytter hun og gir "
                    "kvinnen tid og ro. Som brobygger hjelper hun kvinnen å finne "
                    "veien til tjenester og tilbud, som helsestasjonen, fastlegen, NAV "
                    "eller et norskkurs.</p><p>Bydelsmoren er ikke saksbehandler, "
                    "terapeut eller tolk. Hun bestemmer ikke for kvinnen. Hun gir "
                    "informasjon, viser vei og følger opp, men kvinnen tar sine egne "
                    "valg.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Den gode samtalen</h3><p>En god samtale bygger på "
                    "anerkjennelse, respekt og tillit. Kvinnen skal kjenne at hun blir "
                    "hørt, og at det hun forteller, blir mellom dere.</p><ul><li>Aktiv "
                    "lytting: se på personen, nikk, og si med egne ord det du har "
                    "hørt.</li><li>Åpne spørsmål: «Hvordan har du det?» «Hva tenker du "
                    "om det?»</li><li>Anerkjennelse: «Jeg forstår at dette er tungt "
                    "for deg.»</li><li>Tålmodighet: la det være stille litt. Ikke "
                    "skynd deg med råd.</li></ul>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Fra samtale til bro</h3><p>Ofte kommer behovet frem i "
                    "samtalen. Spør hva kvinnen selv ønsker. Finn informasjonen "
                    "sammen, for eksempel adressen til frisklivssentralen eller "
                    "telefonnummeret til helsestasjonen. Noen ganger kan du bli med på "
                    "det første møtet. Målet er at kvinnen etter hvert klarer det "
                    "selv.</p><p>Husk taushetsplikten. Det kvinnen forteller deg, skal "
                    "du ikke fortelle videre til andre. Hvis du er bekymret for at et "
                    "barn eller en voksen er i fare, snakker du med veilederen "
                    "din.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "heading": "Kjenn grensene dine",
                    "text": (
                        "<p>Du skal ikke løse alt alene. Hvis saken er for stor, for "
                        "vanskelig eller handler om fare, snakker du med veilederen "
                        "din. Ved akutt fare ringer du 112 (politi) eller 113 "
                        "(ambulanse).</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        "Tenk på en gang noen lyttet godt til deg. Hva gjorde de?",
                        (
                            "Hva er forskjellen på å gi råd og å hjelpe noen å finne "
                            "sin egen løsning?"
                        ),
                        (
                            "Hvordan kan du forklare taushetsplikten til en kvinne du "
                            "møter for første gang?"
                        ),
                        "Når bør en bydelsmor be veilederen sin om hjelp?",
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Hva er du allerede god til når du snakker med andre? Hva vil "
                        "du bli bedre på?"
                    ),
                    "guidance": (
                        "Tenk på de tre søylene samtale, brobygging og nettverk. Skriv "
                        "hvilken du føler deg tryggest på, og hvilken du vil øve mer "
                        "på."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Modulen ledes av programmets metodeveiledere. Gå gjennom rollene "
            "samtalepartner og brobygger, og de tre søylene samtale, brobygging og "
            "nettverk.</li><li>Bruk mye praktisk øving: samtaler i grupper på tre "
            "(bydelsmor, kvinne og observatør), med korte runder og tilbakemelding "
            "etter hver runde.</li><li>Snakk tydelig om taushetsplikt, om grensene for "
            "rollen og om når deltakerne skal kontakte veilederen.</li><li>La "
            "deltakerne bruke eget språk i øvingene når det hjelper. Målet er metoden, "
            "ikke norsken.</li></ul>"
        ),
    },
    {
        "number": 7,
        "slug": "helse-og-selvhjelp",
        "title": "Bydelsmødrenes metoder II: god helse og selvhjelp",
        "duration_minutes": 210,
        "summary": (
            "Hva gir mennesker god helse, og hva er selvhjelp? Vi ser på hvordan "
            "nettverk, mestring og egne ressurser styrker helsen."
        ),
        "learning_goals": [
            "Jeg kan nevne flere ting som fremmer god helse.",
            "Jeg forstår hvordan mestring og mening påvirker helsen.",
            "Jeg kan forklare hva selvhjelp og en selvhjelpsgruppe er.",
            "Jeg kan se etter ressursene hos kvinnene jeg møter.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Hva gir god helse?</h3><p>Helse er mer enn å ikke være syk. "
                    "Verdens helseorganisasjon sier at helse handler om fysisk, "
                    "psykisk og sosialt velvære. Mye av det som gir god helse, skjer "
                    "utenfor legekontoret:</p><ul><li>Gode relasjoner og et nettverk "
                    "av mennesker rundt seg.</li><li>Noe meningsfullt å gjøre, som "
                    "arbeid, skole eller frivillig arbeid.</li><li>Trygg økonomi og et "
                    "godt sted å bo.</li><li>Bevegelse, god mat og nok søvn.</li><li>Å "
                    "forstå samfunnet og vite hvor man kan få hjelp.</li></ul>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Mestring og mening</h3><p>Mennesker har det bedre når livet "
                    "oppleves forståelig, håndterbart og meningsfullt. Når en "
                    "bydelsmor gir informasjon, blir livet mer forståelig. Når hun "
                    "hjelper kvinnen å finne frem, blir det mer håndterbart. Når "
                    "kvinnen får et nettverk og nye muligheter, kan livet bli mer "
                    "meningsfullt.</p><p>Derfor ser vi etter ressursene hos kvinnen, "
                    "ikke bare etter problemene. Spør for eksempel: «Hva har hjulpet "
                    "deg før?» og «Hva er du god til?»</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Hva er selvhjelp?</h3><p>Selvhjelp betyr å bruke egne krefter "
                    "for å få det bedre. Ofte skjer det i en selvhjelpsgruppe: en "
                    "liten gruppe mennesker med like erfaringer som møtes jevnlig. De "
                    "deler erfaringer som likeverdige, uten en ekspert som leder. Det "
                    "som blir sagt i gruppen, blir i gruppen.</p><p>Selvhjelp Norge "
                    "gir informasjon og hjelp til å starte grupper. Etter "
                    "grunnutdanningen kan bydelsmødre få tilbud om kurs i å starte "
                    "selvhjelpsgrupper.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "heading": "Små steg teller",
                    "text": (
                        "<p>Endring skjer ofte i små steg. En tur ut av huset, en kopp "
                        "kaffe med en nabo eller en telefon til helsestasjonen kan "
                        "være et stort steg for en kvinne som er mye alene. Vis at du "
                        "ser hvert steg.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        "Hva gir deg selv god helse og krefter i hverdagen?",
                        "Hvorfor kan det å være alene og isolert gjøre oss syke?",
                        "Hvilke møteplasser for kvinner finnes i bydelen din?",
                        (
                            "Hva tenker du om å dele erfaringer i en gruppe med andre "
                            "kvinner? Hva kan være bra, og hva kan være vanskelig?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Tegn eller skriv ditt eget nettverk: familie, venner, naboer, "
                        "tjenester og grupper. Hvor får du støtte, og hvor gir du "
                        "støtte?"
                    ),
                    "guidance": (
                        "Se på nettverket ditt. Er det noe du ønsker mer av? Tenk også "
                        "på hvordan du kan hjelpe en kvinne med et lite nettverk til å "
                        "bygge et større."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Forklar hva som fremmer helse, med vekt på mestring, mening og "
            "nettverk, og hvordan bydelsmødrenes metoder bygger på "
            "dette.</li><li>Forklar hva selvhjelp og selvhjelpsgrupper er. Modulen "
            "ledes av en metodeveileder, gjerne sammen med en representant fra "
            "Selvhjelp Norge eller frisklivssentralen i bydelen.</li><li>Bruk "
            "nettverkskartet som øvelse: deltakerne tegner sitt eget nettverk og deler "
            "det de vil, i par.</li><li>Pass på at ingen må dele mer enn de ønsker. "
            "Noen deltakere har selv et lite nettverk.</li></ul>"
        ),
    },
    {
        "number": 8,
        "slug": "fysisk-helse",
        "title": "Fysisk helse: bevegelse og kosthold",
        "duration_minutes": 210,
        "summary": (
            "Hvordan bevegelse og mat påvirker helsen, og hvordan vi kan forebygge "
            "sykdommer som diabetes type 2. Vi ser på enkle endringer i hverdagen og "
            "hvor man kan få hjelp."
        ),
        "learning_goals": [
            "Jeg vet hva livsstilssykdommer er, og hvordan de kan forebygges.",
            "Jeg kjenner rådene om fysisk aktivitet for voksne og barn.",
            "Jeg kan gi enkle råd om sunn og rimelig mat for familien.",
            "Jeg vet hvor i bydelen man kan få hjelp til å endre vaner.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Livsstilssykdommer</h3><p>Noen sykdommer henger sammen med "
                    "hvordan vi lever. Eksempler er diabetes type 2, høyt blodtrykk, "
                    "hjerte- og karsykdommer og noen typer kreft. For lite bevegelse, "
                    "usunn mat, røyking og stress øker risikoen.</p><p>Personer med "
                    "bakgrunn fra blant annet Sør-Asia og Midtøsten har høyere risiko "
                    "for diabetes type 2 enn andre i Norge. Sykdommen kan utvikle seg "
                    "i mange år uten tydelige tegn. Snakk med fastlegen hvis du er "
                    "tørst hele tiden, tisser mye eller er veldig sliten.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Bevegelse i hverdagen</h3><p>Helsedirektoratet anbefaler at "
                    "voksne er i moderat fysisk aktivitet minst 150 minutter i uken, "
                    "for eksempel en rask gåtur på 20 til 30 minutter hver dag. Barn "
                    "og unge bør være i aktivitet minst 60 minutter hver dag. All "
                    "bevegelse teller, og det er bra å sitte mindre "
                    "stille.</p><ul><li>Gå av bussen en holdeplass "
                    "tidligere.</li><li>Gå tur sammen med en venninne eller med "
                    "barna.</li><li>Bruk trappen i stedet for heisen.</li><li>Spør om "
                    "det finnes trening for kvinner i bydelen.</li></ul>"
                ),
            ),
            (
                "text",
                (
                    "<h3>God mat for hele familien</h3><p>Sunn mat trenger ikke være "
                    "dyr. Spis mye grønnsaker, frukt og bær. Velg grove kornprodukter, "
                    "linser, bønner og fisk. Drikk vann når du er tørst. Spis mindre "
                    "sukker og salt, og drikk mindre brus og saft.</p><p>Mange som har "
                    "mørk hud eller dekker mye av huden, får for lite vitamin D. Tran "
                    "eller vitamin D-tilskudd kan hjelpe. Spør fastlegen eller "
                    "helsestasjonen. Frisklivssentralen i bydelen gir hjelp til å "
                    "endre vaner med aktivitet og mat.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "heading": "Fastlegen og helsenorge.no",
                    "text": (
                        "<p>Alle som er bosatt i Norge, har rett til en fastlege. På "
                        "helsenorge.no kan du se hvem som er fastlegen din, bytte "
                        "fastlege og bestille time. Du kan be om tolk når du skal til "
                        "legen. Tolken er gratis for deg.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hva spiste familien din til hverdags da du var barn? Hva "
                            "spiser dere nå?"
                        ),
                        (
                            "Hva gjør det vanskelig å være i aktivitet i hverdagen? "
                            "Hva kan gjøre det lettere?"
                        ),
                        (
                            "Hvordan kan en bydelsmor snakke om helse og vekt uten at "
                            "kvinnen føler seg dømt?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Velg én liten endring du vil prøve denne uken, for kroppen "
                        "eller maten. Skriv hva du vil gjøre, når og sammen med hvem."
                    ),
                    "guidance": (
                        "Etter en uke kan du skrive hvordan det gikk. Hva var lett, og "
                        "hva var vanskelig? Slik kjenner du selv hvordan det er å "
                        "endre vaner."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Forklar hva livsstilssykdommer er, særlig diabetes type 2, og "
            "hvordan bevegelse og kosthold kan forebygge dem.</li><li>Foreleser kan "
            "være en ansatt fra frisklivssentralen, en ernæringsfysiolog, en "
            "fysioterapeut eller en helsesykepleier.</li><li>Knytt rådene til maten "
            "deltakerne faktisk lager. Ta gjerne med matvarer og vis sukker- og "
            "saltinnhold. Unngå å omtale «norsk mat» som sunn og annen mat som "
            "usunn.</li><li>Legg inn en kort øvelse eller gåtur i pausen. Vis hvor "
            "deltakerne finner gratis eller billige aktiviteter i bydelen.</li></ul>"
        ),
    },
    {
        "number": 9,
        "slug": "psykisk-helse",
        "title": "Psykisk helse",
        "duration_minutes": 210,
        "summary": (
            "Hva psykisk helse er, hvordan depresjon viser seg, og hvor man kan få "
            "hjelp. Vi snakker også om hvordan vi kan ta vare på vår egen psykiske "
            "helse."
        ),
        "learning_goals": [
            "Jeg forstår hvordan psykiske plager kan påvirke hverdagen.",
            "Jeg kjenner vanlige tegn på depresjon.",
            "Jeg vet hvor man kan få hjelp, og hvilke hjelpetelefoner som finnes.",
            "Jeg vet hva jeg selv kan gjøre for å ta vare på min psykiske helse.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Psykisk helse angår alle</h3><p>Alle mennesker har en psykisk "
                    "helse, akkurat som alle har en fysisk helse. Noen ganger har vi "
                    "det bra, andre ganger er livet tungt. Omtrent halvparten av alle "
                    "i Norge får en psykisk lidelse en gang i livet. Det er ingen "
                    "skam, og mange blir bedre med riktig hjelp.</p><p>Psykiske plager "
                    "kan påvirke hele hverdagen: søvnen, matlysten, jobben, forholdet "
                    "til barna og lysten til å treffe andre. Savn, ensomhet, krig og "
                    "flukt, eller stress med økonomi og språk, kan gjøre belastningen "
                    "større.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Tegn på depresjon</h3><p>Depresjon er mer enn å være trist en "
                    "dag. Når flere av disse tegnene varer i minst to uker, bør man "
                    "søke hjelp:</p><ul><li>Nedstemthet og tristhet det meste av "
                    "tiden.</li><li>Lite glede og interesse for ting man likte "
                    "før.</li><li>Lite energi og stor tretthet.</li><li>Problemer med "
                    "søvn og matlyst.</li><li>Vansker med å konsentrere "
                    "seg.</li><li>Skyldfølelse, lav selvfølelse eller tanker om å ikke "
                    "ville leve.</li></ul><p>Depresjon kan også vise seg i kroppen, "
                    "for eksempel som smerter, hodepine eller vondt i magen.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Slik kan man få hjelp</h3><p>Fastlegen er det første stedet å "
                    "gå. Legen kan gi behandling selv eller henvise videre. Bydelen "
                    "har også tilbud innen psykisk helse, og mange av dem kan man "
                    "kontakte uten henvisning. Man kan be om tolk.</p><p>Ta også vare "
                    "på din egen psykiske helse. Gjør noe aktivt, gjør noe sammen med "
                    "andre, og gjør noe som føles meningsfullt. Dette kalles ABC for "
                    "god psykisk helse.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "help",
                    "heading": "Her kan du få hjelp",
                    "text": (
                        "<ul><li>Mental Helses hjelpetelefon: 116 123, åpen hele "
                        "døgnet.</li><li>Kirkens SOS: 22 40 00 40, åpen hele "
                        "døgnet.</li><li>Legevakt: 116 117.</li><li>Ved akutt fare for "
                        "liv: ring 113.</li></ul>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hvordan snakker man om psykisk helse i kulturen du kommer "
                            "fra? Hvilke ord bruker man?"
                        ),
                        (
                            "Hvorfor er det vanskelig for mange å søke hjelp for "
                            "psykiske plager?"
                        ),
                        (
                            "Hva kan du si til en kvinne som forteller at hun ikke "
                            "sover og ikke orker noe?"
                        ),
                        "Hva gjør du selv når du har det tungt?",
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Hva gir deg krefter når livet er tungt? Lag din egen liste "
                        "over ting som hjelper deg."
                    ),
                    "guidance": (
                        "Bruk ABC: noe aktivt, noe sammen med andre og noe "
                        "meningsfullt. Listen er din, og du kan bruke den når du "
                        "trenger den."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Forklar hva psykisk helse og psykiske lidelser er, tegn på "
            "depresjon og angst, og hvor man får hjelp i bydelen.</li><li>Foreleser er "
            "vanligvis en psykolog, gjerne fra bydelens tjeneste for psykisk "
            "helse.</li><li>Temaet kan vekke sterke følelser, for eksempel minner om "
            "krig og flukt. Legg inn pauser, og avtal med veilederen hvem deltakerne "
            "kan snakke med etterpå.</li><li>Snakk om skam og fordommer, og om hvordan "
            "psykiske plager beskrives ulikt på ulike språk. Bruk tolk ved "
            "behov.</li></ul>"
        ),
    },
    {
        "number": 10,
        "slug": "nav",
        "title": "NAV: arbeid, velferd og klage",
        "duration_minutes": 210,
        "summary": (
            "Hva NAV gjør, hvordan du bruker nav.no, og hvordan du leser og klager på "
            "et vedtak."
        ),
        "learning_goals": [
            "Jeg kjenner NAVs viktigste oppgaver.",
            "Jeg vet hvordan man finner frem på nav.no og «Min side».",
            "Jeg kan forklare hva et vedtak inneholder.",
            (
                "Jeg vet hvordan man klager på et vedtak, og at klagefristen står i "
                "vedtaket."
            ),
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Hva gjør NAV?</h3><p>NAV er et samarbeid mellom staten og "
                    "kommunen. NAV har tre hovedoppgaver:</p><ul><li>Arbeid: hjelpe "
                    "folk å komme i jobb og å bli i jobb.</li><li>Penger til "
                    "livsopphold og familie, for eksempel barnetrygd, foreldrepenger, "
                    "sykepenger, dagpenger og pensjon.</li><li>Sosiale tjenester, for "
                    "eksempel økonomisk sosialhjelp og råd om økonomi.</li></ul><p>I "
                    "Oslo har hver bydel sitt eget NAV-kontor. Du kan be om tolk når "
                    "du har møte med NAV.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Selvbetjening på nav.no</h3><p>På nav.no finner du "
                    "informasjon og søknader. Logg inn på «Min side» med BankID eller "
                    "MinID. Der kan du søke, se hvordan det går med saken din, lese "
                    "brev og sende meldinger til NAV.</p><p>Hvis du ikke har BankID "
                    "eller trenger hjelp, kan du ringe NAV på 55 55 33 33 eller gå til "
                    "NAV-kontoret. En bydelsmor kan vise en kvinne hvordan nav.no "
                    "fungerer, men skal ikke logge inn for henne. Innlogging er "
                    "personlig.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Vedtak og klage</h3><p>Når NAV har behandlet en søknad, får "
                    "du et vedtak. Vedtaket forteller hva du har søkt om, hva NAV har "
                    "bestemt, og hvorfor. Begrunnelsen viser hvilke regler NAV har "
                    "brukt, og hvilke opplysninger de har lagt vekt på. Vedtaket "
                    "forteller også hvordan du kan klage.</p><p>Er du uenig, kan du "
                    "klage. For de fleste ytelser fra NAV er klagefristen seks uker "
                    "fra du fikk vedtaket. For økonomisk sosialhjelp er fristen tre "
                    "uker. Fristen står alltid i vedtaket.</p><ul><li>Skriv hvilket "
                    "vedtak du klager på.</li><li>Skriv hva du er uenig i, og "
                    "hvorfor.</li><li>Legg ved dokumenter som støtter saken "
                    "din.</li><li>Klag digitalt på nav.no eller send brev. Ta vare på "
                    "en kopi.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "heading": "Husk fristen",
                    "text": (
                        "<p>Send klagen før fristen går ut. Trenger du mer tid til "
                        "begrunnelsen, kan du sende en kort klage innen fristen og "
                        "skrive at du ettersender mer. Du kan også be om å se "
                        "dokumentene i saken din. Hvis NAV ikke endrer vedtaket, "
                        "sender NAV klagen videre til en klageinstans.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hvilke erfaringer har du eller kvinner du kjenner med "
                            "NAV? Hva var lett, og hva var vanskelig?"
                        ),
                        "Hvorfor er det viktig å lese brev fra NAV med en gang?",
                        (
                            "Hvordan kan en bydelsmor hjelpe en kvinne med NAV uten å "
                            "ta over saken hennes?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Tenk deg at en kvinne viser deg et brev fra NAV som hun ikke "
                        "forstår. Hva gjør du, steg for steg?"
                    ),
                    "guidance": (
                        "Tenk på hva hun kan gjøre selv, hva du kan hjelpe med, og når "
                        "hun bør kontakte NAV-kontoret. Husk fristen."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Gå gjennom NAVs kjerneoppgaver, de vanligste ytelsene for "
            "familier, nav.no med «Min side», og hvordan et vedtak er bygd "
            "opp.</li><li>Foreleser er ofte en seksjonsleder eller en veileder fra "
            "NAV-kontoret i bydelen.</li><li>Vis et anonymisert vedtak og les det "
            "sammen: hva er søkt om, hva er bestemt, begrunnelse, regler og "
            "klagefrist. Øv på å skrive en enkel klage, og bruk tolk ved "
            "behov.</li><li>Deltakerne kan ha sterke meninger om NAV. Gi rom for "
            "spørsmål, men gå ikke inn i enkeltsaker i gruppen. Tilby heller en prat "
            "etterpå.</li></ul>"
        ),
    },
    {
        "number": 11,
        "slug": "norsk-samfunn",
        "title": "Det norske samfunnet: demokrati og medvirkning",
        "duration_minutes": 210,
        "summary": (
            "Hvordan Norge og Oslo er styrt, fra Stortinget til bydelsutvalget, og "
            "hvordan du som innbygger kan være med og påvirke."
        ),
        "learning_goals": [
            (
                "Jeg kan forklare hvordan makten er delt mellom Stortinget, "
                "regjeringen og domstolene."
            ),
            "Jeg vet hva bystyret og bydelsutvalget bestemmer over.",
            "Jeg vet hvem som har stemmerett ved de ulike valgene.",
            "Jeg kjenner flere måter innbyggere kan påvirke på.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Makten er delt</h3><p>I Norge er makten delt i tre. "
                    "Stortinget vedtar lover og statsbudsjettet. Regjeringen styrer "
                    "landet og setter vedtakene ut i livet. Domstolene dømmer i saker "
                    "etter lovene. Slik passer de på hverandre.</p><p>Stortinget har "
                    "169 representanter, og det er stortingsvalg hvert fjerde år. For "
                    "å stemme ved stortingsvalg må man være norsk statsborger og fylle "
                    "18 år senest i valgåret.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Oslo kommune og bydelene</h3><p>Oslo er både en kommune og et "
                    "fylke. Bystyret er Oslos øverste folkevalgte organ. Byrådet "
                    "styrer kommunen og setter bystyrets vedtak ut i livet. Oslo er "
                    "delt i 15 bydeler. Hver bydel har et bydelsutvalg som innbyggerne "
                    "i bydelen velger.</p><p>Bydelen har ansvar for mange tjenester i "
                    "nærmiljøet, for eksempel helsestasjon, kommunale barnehager, "
                    "barnevern, sosiale tjenester i NAV og hjemmetjenester. "
                    "Bydelsutvalget bestemmer over bydelens budsjett og tjenester "
                    "innenfor rammene som bystyret gir.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Slik kan du påvirke</h3><p>Alle som bor i Oslo, kan være med "
                    "og påvirke. Her er noen måter:</p><ul><li>Stem ved valg. Ved "
                    "kommunevalget og valget til bydelsutvalg kan også utenlandske "
                    "statsborgere stemme, hvis de har vært registrert bosatt i Norge "
                    "de tre siste årene før valgdagen.</li><li>Gå på møter i "
                    "bydelsutvalget. Møtene er åpne. Mange bydelsutvalg har «åpen "
                    "halvtime», der innbyggerne kan ta ordet.</li><li>Engasjer deg i "
                    "FAU, borettslaget, en frivillig organisasjon eller et politisk "
                    "parti.</li><li>Send et innbyggerforslag. Hvis nok innbyggere "
                    "skriver under, må bystyret behandle saken.</li><li>Kontakt "
                    "lokalpolitikere eller skriv i avisen.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "heading": "Valg i Norge",
                    "text": (
                        "<p>Det er valg annethvert år. Stortingsvalg og kommunevalg er "
                        "hvert fjerde år, med to års mellomrom. I Oslo velger "
                        "innbyggerne bystyret og bydelsutvalget samme dag. Valget er "
                        "hemmelig. Ingen andre, heller ikke familien, kan bestemme hva "
                        "du skal stemme.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hvordan ble beslutninger tatt i lokalmiljøet der du "
                            "vokste opp? Hva er likt og ulikt i Norge?"
                        ),
                        "Hvilken sak i bydelen din ville du ønsket å påvirke?",
                        (
                            "Hva kan gjøre det vanskelig for kvinner å delta i "
                            "politikk og i lokalmiljøet? Hva kan hjelpe?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Velg én sak du bryr deg om i nærmiljøet ditt. Hvem bestemmer "
                        "over denne saken, og hva kan du gjøre for å bli hørt?"
                    ),
                    "guidance": (
                        "Tenk på staten, byen og bydelen. Skriv ett konkret steg du "
                        "kan ta, for eksempel å gå på et møte i bydelsutvalget."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Forklar maktfordelingen mellom Storting, regjering og domstoler, "
            "og hvordan Oslo er styrt med bystyre, byråd og "
            "bydelsutvalg.</li><li>Foreleser kan være en politiker eller en ansatt i "
            "bydelsadministrasjonen, gjerne lederen av bydelsutvalget.</li><li>Bruk en "
            "enkel tegning av hvem som bestemmer hva, og konkrete eksempler fra "
            "bydelen, som en ny lekeplass eller åpningstidene på biblioteket. Bruk "
            "tolk ved behov.</li><li>Inviter gjerne gruppen til et møte i "
            "bydelsutvalget, og forklar hvordan «åpen halvtime» fungerer. Understrek "
            "at valget er hemmelig, og at hver enkelt bestemmer selv hva hun "
            "stemmer.</li></ul>"
        ),
    },
    {
        "number": 12,
        "slug": "ta-vare-pa-seg-selv",
        "title": "Bydelsmødrenes metoder III: ta vare på deg selv",
        "duration_minutes": 210,
        "summary": (
            "Vi repeterer metodene og snakker om hvordan en bydelsmor tar vare på seg "
            "selv. Vi ser også på hvordan familieliv kan kombineres med jobb og "
            "utdanning."
        ),
        "learning_goals": [
            (
                "Jeg kan bruke de viktigste metodene: den gode samtalen, brobygging og "
                "nettverk."
            ),
            "Jeg vet hvorfor det er viktig å ta vare på meg selv som bydelsmor.",
            "Jeg kan sette grenser på en vennlig måte.",
            (
                "Jeg kjenner tilbud som kan hjelpe kvinner å kombinere familie med "
                "jobb eller utdanning."
            ),
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Vi repeterer metodene</h3><p>Vi går gjennom det vi har lært "
                    "så langt: den gode samtalen, rollen som brobygger og hvordan vi "
                    "bygger nettverk. Vi øver igjen på aktiv lytting, åpne spørsmål og "
                    "anerkjennelse. Vi deler spørsmål dere har fått fra kvinner, og "
                    "steder dere har vist vei til.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Den som hjelper, trenger også omsorg</h3><p>Å lytte til "
                    "andres problemer kan gi mening og glede. Men det kan også være "
                    "tungt. Hvis du tar med deg andres bekymringer hjem hver dag, kan "
                    "du bli sliten. Derfor er det viktig å ta vare på deg "
                    "selv.</p><ul><li>Sett grenser. Det er lov å si: «Jeg har ikke tid "
                    "nå. Kan vi snakke i morgen?»</li><li>Du må ikke løse alt. Du "
                    "viser vei, og andre tjenester hjelper videre.</li><li>Snakk med "
                    "veilederen din når noe er vanskelig. Husk taushetsplikten: ikke "
                    "snakk om kvinnene med familie eller venner.</li><li>Gjør ting som "
                    "gir deg energi, for eksempel hvile, bevegelse, tid med venninner, "
                    "bønn eller musikk.</li></ul>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Familie, jobb og utdanning</h3><p>Mange kvinner ønsker å "
                    "jobbe eller ta utdanning ved siden av familien. Det krever "
                    "planlegging. Barnehage og AKS gjør det lettere å ha en jobb eller "
                    "gå på skole. Del oppgavene hjemme med partneren og med de store "
                    "barna.</p><p>Karriere Oslo gir gratis veiledning om jobb og "
                    "utdanning. Voksenopplæringen har kurs i norsk og grunnskole for "
                    "voksne. NAV kan hjelpe deg som vil komme i arbeid.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "heading": "Egenomsorg er ikke egoisme",
                    "text": (
                        "<p>Du kan ikke hjelpe andre hvis du selv er tom for krefter. "
                        "Når du tar vare på deg selv, viser du også andre kvinner at "
                        "det er lov.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        (
                            "Hva har vært det beste så langt i møtene med kvinner? Hva "
                            "har vært det vanskeligste?"
                        ),
                        "Hvordan merker du at du er sliten? Hva gjør du da?",
                        (
                            "Hvordan fordeler dere oppgavene hjemme? Hva kunne vært "
                            "annerledes?"
                        ),
                        "Hvilke drømmer har du for jobb eller utdanning?",
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Lag en enkel plan for å ta vare på deg selv: Hva gir deg "
                        "krefter? Hva tar krefter? Hvor går grensen din?"
                    ),
                    "guidance": (
                        "Skriv tre ting du vil gjøre for deg selv de neste ukene, og "
                        "én grense du vil sette. Du kan dele planen med veilederen din "
                        "hvis du vil."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Modulen ledes av metodeveilederne. Start med repetisjon av "
            "samtale, brobygging og nettverk, med korte øvelser i par.</li><li>Bruk "
            "god tid på egenomsorg og grenser. Gi konkrete eksempler på situasjoner "
            "der en bydelsmor kan bli for mye involvert.</li><li>Del informasjon om "
            "veier til jobb og utdanning. Inviter gjerne en karriereveileder eller en "
            "ferdigutdannet bydelsmor som har kombinert familie og jobb.</li><li>Følg "
            "opp deltakere som virker slitne, i en egen samtale etter "
            "modulen.</li></ul>"
        ),
    },
    {
        "number": 13,
        "slug": "foreldrerollen",
        "title": "Familieliv I: foreldrerollen og ICDP",
        "duration_minutes": 210,
        "summary": (
            "Om rollen som mor og far, om ICDP-kurs for foreldre og om hvordan vi "
            "bygger et godt forhold til barna gjennom dialog."
        ),
        "learning_goals": [
            (
                "Jeg kan snakke om hvordan rollen som mor og far kan endre seg etter "
                "flytting til Norge."
            ),
            "Jeg vet hva ICDP er, og kan fortelle andre mødre om kurset.",
            "Jeg kjenner de åtte temaene for godt samspill med barn.",
            "Jeg vet hvor familier kan få veiledning og hjelp.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Mor og far i Norge</h3><p>Mange opplever at foreldrerollen "
                    "blir annerledes etter flytting til Norge. Storfamilien er kanskje "
                    "langt borte. Barna lærer språket raskere enn foreldrene. Skolen "
                    "og samfunnet har andre forventninger. Det kan gi usikkerhet, men "
                    "også nye muligheter.</p><p>I Norge er det vanlig at både mor og "
                    "far tar ansvar for barna, også for stell, lekser og møter med "
                    "skolen. Far har egen foreldrepermisjon, fedrekvoten. Barn har "
                    "godt av nær kontakt med begge foreldrene.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>ICDP: veiledning for foreldre</h3><p>ICDP står for "
                    "International Child Development Programme. Det er et kurs for "
                    "foreldre i grupper. Foreldrene møtes flere ganger og deler "
                    "erfaringer. Kurset handler ikke om å finne feil. Det bygger på "
                    "det foreldrene allerede gjør bra. Mange bydeler i Oslo har "
                    "ICDP-grupper, ofte på flere språk.</p><p>ICDP beskriver åtte "
                    "temaer for godt samspill. De handler om å vise kjærlighet, følge "
                    "barnets initiativ, snakke om følelser, gi ros, dele "
                    "oppmerksomhet, gi mening, forklare og sette grenser på en positiv "
                    "måte.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Dialog med barnet</h3><p>Et godt forhold til barnet bygges i "
                    "små øyeblikk hver dag. Se barnet, lytt og vis interesse for det "
                    "barnet er opptatt av. Snakk om følelser: «Jeg ser at du er lei "
                    "deg.» Forklar hvorfor du sier nei. Da lærer barnet å forstå seg "
                    "selv og andre.</p><p>Trenger familien mer hjelp, kan "
                    "helsestasjonen og bydelens familietjenester hjelpe. "
                    "Familievernkontoret gir gratis samtaler til par og familier, og "
                    "man trenger ikke henvisning.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "heading": "De tre dialogene i ICDP",
                    "text": (
                        "<ul><li>Den emosjonelle dialogen: vise kjærlighet, følge "
                        "barnet, snakke om følelser og gi ros.</li><li>Den "
                        "meningsskapende dialogen: dele oppmerksomhet, gi mening og "
                        "forklare verden.</li><li>Den regulerende dialogen: hjelpe "
                        "barnet å mestre seg selv, med positive grenser.</li></ul>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        "Hva lærte du om å være mor av din egen mor eller bestemor?",
                        (
                            "Hvordan er rollene til mor og far i familien din? Har de "
                            "endret seg etter at dere kom til Norge?"
                        ),
                        (
                            "Hva kan en mor gjøre hvis barna ikke vil snakke morsmålet "
                            "hjemme?"
                        ),
                        (
                            "Hvordan kan en bydelsmor fortelle om ICDP til en mor som "
                            "er redd for å bli «rettet på»?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Tenk på en fin stund du har hatt med et barn nylig. Hva "
                        "skjedde, og hvilket ICDP-tema kjenner du igjen?"
                    ),
                    "guidance": (
                        "Skriv kort hva du gjorde og hvordan barnet reagerte. Det kan "
                        "være ditt eget barn, et barnebarn eller et annet barn du "
                        "kjenner."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Snakk om foreldrerollen i endring etter migrasjon, og om rollene "
            "til mor og far i Norge, uten å fremstille én familiemodell som den "
            "riktige.</li><li>Presenter ICDP med de åtte temaene og de tre dialogene. "
            "Foreleser er ofte en ICDP-koordinator eller en ICDP-veileder fra bydelen, "
            "gjerne med minoritetsbakgrunn.</li><li>Bruk korte filmklipp eller "
            "rollespill av samspill mellom forelder og barn, og la deltakerne finne "
            "det som fungerer godt. Bruk tolk ved behov.</li><li>Fortell om "
            "ICDP-grupper i bydelen og om muligheten til å bli ICDP-veileder etter "
            "grunnutdanningen.</li></ul>"
        ),
    },
    {
        "number": 15,
        "slug": "erfaringer-og-metoder",
        "title": "Bydelsmødrenes metoder IV: erfaringer fra hjemmeoppgaven",
        "duration_minutes": 210,
        "summary": (
            "Vi deler erfaringer fra de tre samtalene i hjemmeoppgaven og repeterer "
            "alle bydelsmødrenes metoder."
        ),
        "learning_goals": [
            "Jeg kan fortelle om mine tre samtaler og hva jeg lærte av dem.",
            "Jeg kan gi og ta imot tilbakemelding på en respektfull måte.",
            "Jeg vet hva jeg trenger å øve mer på.",
            (
                "Jeg kan bruke alle bydelsmødrenes metoder: samtale, brobygging og "
                "nettverk."
            ),
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Tre samtaler</h3><p>I modul 14 fikk dere i oppgave å snakke "
                    "med tre kvinner ved hjelp av bydelsmødrenes metoder. I dag deler "
                    "vi erfaringene. Vi lærer av det som gikk bra, og av det som var "
                    "vanskelig. Det finnes ingen feil svar.</p><p>Husk taushetsplikten "
                    "også i gruppen. Fortell om samtalen uten navn eller andre "
                    "detaljer som gjør at noen kan kjenne igjen kvinnen.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Spørsmål til samtalene</h3><p>Bruk disse spørsmålene når du "
                    "forbereder deg, og når du forteller i gruppen:</p><ul><li>Hvordan "
                    "gikk du frem? Hvordan startet du samtalen, og hvor var "
                    "dere?</li><li>Hva gikk bra? Hva gjorde at kvinnen åpnet "
                    "seg?</li><li>Hva var vanskelig? Var det noe du ikke visste svaret "
                    "på?</li><li>Var det behov for brobygging? Hvor viste du "
                    "vei?</li><li>Hva trenger du å øve mer på?</li></ul>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Alle metodene samlet</h3><p>Samtale: lytt aktivt, still åpne "
                    "spørsmål og vis anerkjennelse. Brobygging: finn informasjon "
                    "sammen, vis vei til riktig tjeneste og følg opp. Nettverk: hjelp "
                    "kvinnen å møte andre, for eksempel i en kvinnegruppe, på "
                    "biblioteket eller i en åpen barnehage.</p><p>Hele tiden bygger vi "
                    "på verdiene anerkjennelse, respekt, tillit, likeverd og "
                    "mangfold.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "heading": "Taushetsplikt i gruppen",
                    "text": (
                        "<p>Det du hører om andre kvinner her, blir i gruppen. Del "
                        "bare det som er nødvendig for å lære. Er du bekymret for en "
                        "kvinne eller et barn etter en samtale, snakker du med "
                        "veilederen din alene.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        "Hvilken av de tre samtalene lærte du mest av? Hvorfor?",
                        (
                            "Hvilken situasjon var vanskeligst, og hvordan kunne du "
                            "møtt den på en annen måte?"
                        ),
                        (
                            "Hvilke tjenester viste dere vei til, og hva trenger vi å "
                            "vite mer om?"
                        ),
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Skriv om én av de tre samtalene: hvordan du gikk frem, hva "
                        "som var vanskelig, og hva du trenger å øve mer på."
                    ),
                    "guidance": (
                        "Ikke skriv navn eller detaljer som kan vise hvem kvinnen er. "
                        "Veilederen din leser refleksjonen bare hvis du velger å dele "
                        "den."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Modulen ledes av metodeveilederne. Gå gjennom hjemmeoppgaven i "
            "små grupper først, deretter i hele gruppen.</li><li>Bruk spørsmålene: "
            "hvordan gikk du frem, hva var vanskelig, og hva trenger du å øve mer på. "
            "Løft frem gode eksempler, og bruk de vanskelige situasjonene i "
            "rollespill.</li><li>Repeter alle metodene, og minn om taushetsplikten og "
            "grensene for rollen.</li><li>Noter hvem som trenger mer oppfølging eller "
            "ikke har fullført hjemmeoppgaven, og avtal individuell oppfølging før "
            "avslutningen.</li></ul>"
        ),
    },
    {
        "number": 16,
        "slug": "avslutning",
        "title": "Avslutning og utdeling av diplom",
        "duration_minutes": 210,
        "summary": (
            "Vi ser tilbake på hva utdanningen har gitt oss, og feirer med utdeling av "
            "diplomer."
        ),
        "learning_goals": [
            "Jeg kan sette ord på hva jeg har lært i grunnutdanningen.",
            (
                "Jeg kan reflektere over hva utdanningen har betydd for min egen "
                "utvikling."
            ),
            "Jeg kjenner veien videre som ferdigutdannet bydelsmor.",
        ],
        "body": [
            (
                "text",
                (
                    "<h3>Hva har du lært?</h3><p>I 16 samlinger har du lært om barn, "
                    "ungdom, helse, familie, NAV og samfunnet. Du har øvd på samtale, "
                    "brobygging og nettverk. Du har møtt andre kvinner med mange ulike "
                    "historier.</p><p>I dag ser vi tilbake. Hva har utdanningen betydd "
                    "for deg? Har du forandret deg? Hva tar du med deg videre, som "
                    "mor, som nabo og som bydelsmor?</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Diplomseremonien</h3><p>Etter refleksjonen deler vi ut "
                    "diplomene. Diplomet viser at du har fullført grunnutdanningen og "
                    "kan arbeide som bydelsmor. Ofte er det ordføreren eller en annen "
                    "gjest som deler ut diplomene. Koordinatoren forteller hvem du kan "
                    "ta med deg til seremonien.</p>"
                ),
            ),
            (
                "text",
                (
                    "<h3>Veien videre</h3><p>Som ferdigutdannet bydelsmor blir du en "
                    "del av et nettverk. Du får veiledning og kan delta på samlinger "
                    "med andre bydelsmødre. Det finnes også etterutdanning, for "
                    "eksempel kurs for å bli ICDP-veileder eller kurs i å starte "
                    "selvhjelpsgrupper.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "heading": "Les refleksjonene dine",
                    "text": (
                        "<p>Les gjennom refleksjonene dine fra hele utdanningen før "
                        "avslutningen. Da ser du hvor mye du har lært, og hvordan "
                        "tankene dine har forandret seg.</p>"
                    ),
                },
            ),
            (
                "discussion_questions",
                {
                    "heading": "",
                    "questions": [
                        "Hva var det viktigste du lærte i utdanningen?",
                        "Hvilken modul eller samtale husker du best? Hvorfor?",
                        "Hvordan har du forandret deg, som mor, kvinne eller nabo?",
                        "Hva gleder du deg mest til som bydelsmor?",
                    ],
                },
            ),
            (
                "reflection_prompt",
                {
                    "prompt": (
                        "Skriv et kort brev til deg selv om hva grunnutdanningen har "
                        "betydd for deg, og hva du ønsker for deg selv som bydelsmor."
                    ),
                    "guidance": (
                        "Tenk på hvordan du var da du startet, og hvordan du er nå. Du "
                        "kan lese brevet igjen om et år."
                    ),
                },
            ),
        ],
        "lecturer_guide": (
            "<ul><li>Første del ledes av metodeveilederne: en rolig refleksjonsrunde "
            "der hver deltaker kan fortelle hva utdanningen har betydd for henne. "
            "Ingen må snakke hvis hun ikke vil.</li><li>Koordinatoren har ansvar for "
            "seremonien: avtale med ordføreren eller en annen gjest, diplomer, "
            "program, gjester og eventuelt tolk.</li><li>Kontroller på forhånd at alle "
            "som får diplom, har oppfylt kravene til oppmøte og "
            "hjemmeoppgave.</li><li>Fortell om veien videre: nettverket av "
            "bydelsmødre, veiledning og tilbud om etterutdanning.</li></ul>"
        ),
    },
]
