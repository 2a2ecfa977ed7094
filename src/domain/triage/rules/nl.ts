/**
 * Dutch triage rules. Patterns match NORMALISED text (see normaliseText.ts):
 * lowercase, no diacritics or apostrophes, chat spelling expanded via
 * `spelling` ("ff" → "even", "mobiel" → "telefoon"), so write them in plain
 * standard spelling. A space matches any whitespace; word boundaries are added.
 */
import type { TriageRuleSet } from '../triageRule.js';

// Small shared fragments keep the patterns readable. Still plain data.
const HE =
  '(?:hij|ze|zij|die|hun|mijn vriend|mijn vriendje|die jongen|die man|die jongens|zijn vrienden|mijn (?:vader|moeder|stiefvader|stiefmoeder|oom|broer|ex|baas|pooier))';
const ME = '(?:me|mij)';
const HIM = '(?:hem|hun|ze|haar|hen|die)';
/** "moet" with the very Dutch "van hem" in between: "ik moet van hem ...". */
const MUST = '(?:moet|moest|moeten|moesten)(?: van (?:hem|hun|ze|haar|hen|mijn \\w+|die \\w+))?';
const PERSON = '(?:zusje|zus|broertje|broer|vriendin|vriendinnetje|vriend|vriendje|nichtje|neefje|dochter|zoon|klasgenoot)';

export const nlRules: TriageRuleSet = {
  language: 'nl',
  spelling: {
    ff: 'even', effe: 'even', nie: 'niet', ni: 'niet', nit: 'niet', k: 'ik', kben: 'ik ben', ikben: 'ik ben',
    m: 'hem', em: 'hem', ie: 'hij', mn: 'mijn', zn: 'zijn', n: 'een', tis: 'het is', da: 'dat', wa: 'wat',
    bn: 'ben', gwn: 'gewoon', nx: 'niks', wl: 'wel', mss: 'misschien', pls: 'alsjeblieft', plz: 'alsjeblieft',
    aub: 'alsjeblieft', jr: 'jaar', jaartje: 'jaar', tel: 'telefoon', foon: 'telefoon', mobiel: 'telefoon',
    mobieltje: 'telefoon', gsm: 'telefoon', telefoontje: 'telefoon', fone: 'telefoon', phone: 'telefoon',
    twaalf: '12', dertien: '13', veertien: '14', vijftien: '15', zestien: '16', zeventien: '17',
    fotos: 'fotos', foto: 'fotos', filmpje: 'filmpjes', vids: 'videos', suicidaal: 'suicidaal',
    vriendinnetje: 'vriendin', loverbooy: 'loverboy', lovebo: 'loverboy', lovebois: 'loverboys',
  },
  negations: ['niet', 'geen', 'nooit', 'niemand', 'niets', 'niks', 'nergens'],
  clauseWords: ['maar', 'want', 'omdat', 'of', 'als', 'toen', 'en', 'dus', 'alleen', 'behalve'],
  rules: [
    // ------------------------------------------------------------ acute danger
    {
      id: 'nl.acute_danger.in_danger_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.in_danger_now',
      patterns: [
        '(?:ik ben|ben ik|ik zit|zit ik) (?:nu |echt |nu echt |hier )?in (?:groot |levens)?gevaar',
        'levensgevaar',
        // Subordinate clause order: "(ik weet niet of) ik in gevaar ben".
        'ik (?:nu |echt )?in (?:groot )?gevaar (?:ben|zit)',
        'ik (?:nu |hier )?niet veilig ben',
        '(?:ik ben|ben ik) (?:nu |hier |echt |thuis )*niet (?:meer )?veilig',
        '(?:voel|voelt) (?:me|mij) (?:nu |hier |echt )*niet (?:meer )?veilig',
        'niet veilig (?:hier|thuis|nu)',
      ],
    },
    {
      id: 'nl.acute_danger.threat_to_life',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.threat_to_life',
      patterns: [
        `${HE} (?:gaat|wil|gaan|willen|zal|zullen|dreigt|dreigen|zegt dat hij|zei dat hij) ${ME} (?:te )?(?:vermoorden|doodmaken|dood maken|afmaken|iets aandoen|pijn doen|in elkaar slaan)`,
        `(?:vermoordt|vermoorden|vermoord|doodmaken) ${ME}`,
        `bang dat ${HE} ${ME} (?:vermoordt|iets aandoet|vindt|komt halen|pijn doet)`,
        `${ME} (?:vermoorden|afmaken|doodmaken) als`,
      ],
    },
    {
      id: 'nl.acute_danger.violence_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.violence_now',
      patterns: [
        `${HE} (?:slaat|schopt|wurgt|verkracht|slaan|schoppen|sloeg|verkrachtte) ${ME}`,
        'ik word (?:nu |steeds )?(?:geslagen|vastgehouden|verkracht|gewurgd|mishandeld)',
        `${HE} (?:heeft|hebben) een (?:mes|wapen|pistool|vuurwapen|gun)`,
      ],
    },
    {
      id: 'nl.acute_danger.trapped',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.trapped',
      patterns: [
        '(?:ik zit |ben |word |hebben me |heeft me |heeft mij )?opgesloten',
        '(?:ik )?(?:kan|mag) (?:hier |daar )?niet (?:meer )?(?:weg|ontsnappen|vluchten|naar buiten|naar huis)',
        `${HE} (?:laat|laten) ${ME} niet (?:gaan|weg|naar buiten|naar huis)`,
        'ik zit (?:hier )?vast',
        'ontvoerd',
      ],
    },
    {
      id: 'nl.acute_danger.coming_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.perpetrator_nearby',
      patterns: [
        `${HE} (?:komt|komen) (?:${ME} )?(?:eraan|nu|hierheen|zo|halen|me halen|mij halen|zo halen)`,
        `${HE} (?:staat|staan|is|zijn|wacht|wachten) (?:nu |hier )?(?:voor de deur|beneden|buiten|voor mijn huis|bij mijn school|voor school)`,
        `${HE} (?:is|zijn|staat|staan) (?:nu )?hier(?! niet)`,
        `${HE} (?:staat|staan|is|zijn|wacht|wachten|zit|zitten) (?:nu |hier |al )?(?:voor|bij|aan|op) (?:de|mijn|ons|het) (?:deur|voordeur|huis|school|raam|stoep|gang)`,
        `${HE} (?:wacht|wachten) (?:daar |hier |buiten |thuis )?op ${ME}`,
      ],
    },
    {
      id: 'nl.acute_danger.help_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.urgent_help',
      patterns: [
        'help (?:me|mij)?(?: nu| snel| alsjeblieft)+',
        'help (?:me|mij)(?! (?:met|even|bij|aan))',
        'help(?= ?(?:[.!?,;]|$))',
        '(?:ik heb )?(?:nu|dringend|snel|meteen) hulp nodig',
        'bel (?:de )?politie',
      ],
    },
    // ------------------------------------------------------------ self-harm / suicide
    {
      id: 'nl.self_harm.suicidal',
      category: 'self_harm',
      priority: 'critical',
      reasonKey: 'triage.reason.suicidal',
      patterns: [
        'zelfmoord(?:gedachten)?',
        'suicide',
        'suicidaal',
        '(?:ik wil|wil ik|ik ga|wil gewoon) (?:gewoon |echt |liever )?(?:dood|sterven|er niet meer zijn|niet meer leven|niet meer bestaan|er niet meer zijn)',
        '(?:wil|ga) (?:er )?(?:een eind|een einde|er een eind) aan maken',
        '(?:mezelf|mijzelf) (?:van kant maken|ophangen|doodmaken|dood maken|vermoorden|iets aandoen)',
        '(?:van een|van de|van het) (?:brug|flat|dak|gebouw) (?:af )?springen',
        'voor de trein (?:springen|gaan liggen|gaan staan)',
        '(?:alle |al mijn |een hoop )?pillen (?:innemen|slikken|nemen) (?:en|om)',
        '(?:neem|slik|nam|slikte) (?:ik )?(?:alle|al mijn|een hoop|heel veel) pillen',
        'niet meer wakker (?:worden|te worden)',
        '(?:het leven|mijn leven) (?:heeft geen zin|is zinloos)',
      ],
    },
    {
      id: 'nl.self_harm.self_injury',
      category: 'self_harm',
      priority: 'high',
      reasonKey: 'triage.reason.self_injury',
      patterns: [
        '(?:ik )?snij (?:mezelf|mijzelf|in mijn)',
        '(?:mezelf|mijzelf) (?:snijden|pijn doen|beschadigen|krassen|branden)',
        'zelfbeschadiging',
        '(?:ik )?(?:doe|deed) (?:mezelf|mijzelf) pijn',
        'ik (?:kras|beschadig mezelf)',
        '(?:gesneden|gekrast|gebrand|snijden|krassen) (?:in|op) (?:mijn|me) (?:arm|armen|been|benen|pols|polsen|lichaam|buik)',
        '(?:in|op) (?:mijn|me) (?:arm|armen|benen|polsen|pols) (?:gesneden|gekrast|snijden|krassen|gesnden)',
      ],
    },
    {
      id: 'nl.self_harm.cannot_go_on',
      category: 'self_harm',
      priority: 'high',
      reasonKey: 'triage.reason.cannot_go_on',
      patterns: [
        'ik kan (?:het )?(?:echt |gewoon )?niet meer(?= ?(?:[.,!?;]|$))',
        'ik zie het (?:echt |allemaal )?niet meer zitten',
        'ik wil niet meer(?= ?(?:[.,!?;]|$))',
      ],
    },
    // ------------------------------------------------------------ minor
    {
      id: 'nl.minor.stated_age',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.minor_age',
      ageRange: [8, 17],
      negatable: false,
      patterns: [
        '(?:ik ben|ben) (?:pas |net |bijna |nog maar |nog |sinds kort )?(\\d{1,2})(?! (?:dagen|weken|maanden|uur|minuten|min|keer|euro|kilo|kg|km|cm|jaar geleden))',
        '(?<!(?:al|sinds|voor|ruim|over|geleden|afgelopen|laatste|na|zo|wel|bijna) )(\\d{1,2}) (?:jaar|j)(?: oud)?(?! (?:geleden|lang|ouder|jonger))',
        'leeftijd (?:is )?(\\d{1,2})',
        // Someone else's age: "mijn zusje van 12", "mn vriendin (16)".
        `${PERSON} (?:is |van )?(\\d{1,2})(?! (?:dagen|weken|maanden|uur|minuten|euro|keer))`,
      ],
    },
    {
      id: 'nl.minor.turning_age',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.minor_age',
      // "ik word 18 volgende maand": she is 17 now.
      ageRange: [9, 18],
      negatable: false,
      patterns: ['(?:ik word|word ik) (?:bijna |straks |volgende \\w+ |binnenkort )?(\\d{1,2})'],
    },
    {
      id: 'nl.minor.school_year',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.minor_school',
      negatable: false,
      patterns: [
        'brugklas',
        // "2e" is split into "2 e" by normalisation.
        '(?:ik zit|zit) in (?:de |groep )?(?:[1-4] ?e|eerste|tweede|derde|vierde|7|8) (?:klas|van de middelbare)?',
        'groep (?:7|8)',
        'basisschool',
        '(?:[1-6]|een|twee|drie|vier|vijf|zes) (?:havo|vwo|vmbo|mavo|gym|atheneum)',
      ],
    },
    // ------------------------------------------------------------ exploitation indicators
    {
      id: 'nl.exploitation.loverboy',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.loverboy',
      negatable: false,
      // Not a definition question ("wat is een loverboy?"): that is a request for information.
      patterns: ['(?<!(?:wat is een|wat zijn|hoe herken (?:ik|je) (?:een)?|wat doet een|what is a|what are|what a) )(?:lover ?boys?|pooiers?|pimp)'],
    },
    {
      id: 'nl.exploitation.forced_to_earn',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.forced_to_earn_money',
      patterns: [
        `(?:${MUST}|laat me|laten me) (?:veel )?(?:geld )?(?:verdienen|werken|binnenhalen|ophalen) voor ${HIM}`,
        `${MUST} (?:elke dag |elke avond |veel )?geld (?:verdienen|binnenhalen|opbrengen)`,
        `voor ${HIM} ${MUST} (?:werken|geld verdienen|tippelen|dealen)`,
        '(?:niet )?genoeg (?:geld )?(?:verdien|verdienen|binnenbreng|oplever)',
        `${HE} (?:pakt|pakken|neemt|nemen) (?:alles|al het geld|alles weer) af`,
        '(?:werk|werken|werkte) (?:\\w+ ){0,4}zonder (?:loon|betaling|salaris|geld te krijgen)',
        '(?:geld|alles|het geld|al het geld|dat) (?:\\w+ ){0,4}aan (?:hem|hun|ze|haar) (?:geven|afgeven|afdragen|betalen)',
        `(?:geld|alles|al mijn geld) (?:afgeven|afdragen|inleveren) (?:aan ${HIM})?`,
        `${HE} (?:pakt|pakken|houdt|houden|neemt|nemen) (?:al |gewoon )?(?:mijn|het|me) geld`,
        '(?:al )?mijn geld (?:gaat naar|krijgt) (?:hem|hun|ze)',
        `(?:laat|laten) ${ME} (?:werken|tippelen|geld verdienen)`,
        'tippelen',
        'krijg (?:zelf )?(?:niks|niets) van (?:het|dat) geld',
      ],
    },
    {
      id: 'nl.exploitation.sex_with_men',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.forced_sex_work',
      patterns: [
        `(?:${MUST}|laat me|laten me) (?:met|voor) (?:mannen|jongens|klanten|vrienden van hem|zijn vrienden|oudere mannen|vreemde mannen|andere mannen)`,
        '(?:met|voor) (?:mannen|klanten|vreemden|vreemde mannen|oudere mannen|zijn vrienden) (?:te )?(?:naar bed|slapen|seks)',
        '(?:afspreken|afspreek|slapen|seks|naar bed|meegaan|doet het|het doen|dingen doen)(?: \\w+){0,4} voor geld',
        'voor geld (?:met|naar) (?:mannen|jongens|klanten)',
        '(?:krijg|krijgen|kreeg) (?:\\w+ )?geld van (?:mannen|klanten|jongens|vreemden)',
        'met (?:mannen|jongens|klanten|zijn vrienden|vreemden|oudere mannen) (?:te )?(?:slaap|slapen|naar bed ga|naar bed gaan|seks heb|seks hebben)',
        'wil dat ik (?:\\w+ ){0,3}(?:met|voor) (?:mannen|jongens|klanten|zijn vrienden|vreemden)',
        'seks (?:met|voor) (?:mannen|klanten|geld|vreemden|zijn vrienden|oudere mannen)',
        `${MUST} (?:seks hebben|dingen doen|naar bed) met`,
        'klanten (?:ontvangen|afwerken|doen)',
        `${HE} (?:verkoopt|verkopen|verhuurt|verhuren) ${ME}`,
        `${HE} (?:zet|zetten|zette) ${ME} (?:online|op (?:een )?(?:site|website))`,
        'escort',
        'mannen betalen (?:hem|hun|ze)',
      ],
    },
    {
      id: 'nl.exploitation.phone_taken',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.phone_or_id_taken',
      patterns: [
        '(?:telefoon|paspoort|id kaart|idkaart|identiteitskaart|legitimatie|id) (?:is |zijn |werd )?(?:afgepakt|ingenomen|afgenomen|weggenomen|kapotgemaakt)',
        '(?:pakt|pakken|pakte|pakten|neemt|nemen|nam|namen|heeft|hebben|houdt|houden) (?:mijn|me|m|steeds mijn) (?:telefoon|paspoort|id kaart|idkaart|id)(?: (?:af|in|weg|afgepakt|ingenomen|afgenomen))?',
        'mag (?:mijn |geen |nooit mijn )?telefoon (?:niet )?(?:hebben|gebruiken|houden)',
      ],
    },
    {
      id: 'nl.exploitation.watched',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.watched_or_followed',
      patterns: [
        `(?:${HE}|iemand) (?:volgt|volgen|bespiedt|bespieden|achtervolgt|achtervolgen|filmt|filmen|controleert|controleren) ${ME}(?! op (?:insta|instagram|tiktok|snap|snapchat|twitter|x|youtube))`,
        '(?:ik )?(?:word|wordt) (?:steeds |altijd |overal |de hele tijd )?(?:gevolgd|bespied|in de gaten gehouden|achtervolgd|gecontroleerd)',
        `(?:houdt|houden) ${ME} (?:steeds |altijd |de hele tijd )?in de gaten`,
        'weet (?:altijd |precies |steeds )?waar ik (?:ben|uithang|zit)',
        'locatie (?:delen|aan (?:laten )?staan|volgen|bijhouden)',
        '(?:leest|lezen|checkt|checken|controleert|controleren|bekijkt|volgt|volgen) (?:al )?(?:mijn|me) (?:telefoon|berichten|appjes|whatsapp|chats|locatie)',
      ],
    },
    {
      id: 'nl.exploitation.debt',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.debt_bondage',
      patterns: [
        `schuld(?:en)? (?:bij ${HIM}|afbetalen|terugbetalen|aflossen|afwerken|inlossen)`,
        'sta (?:bij (?:hem|hun|ze) )?in het krijt',
        '(?:moet|moest) (?:het|alles|dat|die schuld|de schuld|dat geld|het geld) (?:terug)?betalen',
        '(?:terug)?betalen (?:met|door) (?:te )?(?:seks|werken|werk|drugs|dealen)',
        '(?:reis|ticket|vlucht|overtocht|papieren|paspoort) (?:\\w+ ){0,2}(?:terug)?betalen',
        `(?:zegt|zeggen|zei|zeiden) dat ik ${HIM} (?:\\w+ ){0,3}schuldig ben`,
        `ik ben ${HIM} (?:\\w+ ){0,3}schuldig`,
      ],
    },
    {
      id: 'nl.exploitation.drug_running',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.drug_running',
      patterns: [
        '(?:drugs|wiet|coke|cocaine|xtc|hasj|pillen|pakketjes|tasjes|spullen) (?:rondbrengen|wegbrengen|vervoeren|verkopen|dealen|bezorgen|verstoppen|smokkelen|afleveren)',
        `(?:moet|moest|moeten|laat me|laten me) (?:voor ${HIM} )?(?:dealen|drugs verkopen|lopen voor)`,
        `dealen voor ${HIM}`,
        'bolletjes (?:slikken)?',
        'drugskoerier',
        'drugsrunner',
        'runner',
      ],
    },
    {
      id: 'nl.exploitation.money_mule',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.money_mule',
      patterns: [
        '(?:bankpas|pinpas|rekening|bankrekening|bankkaart) (?:uitlenen|afgeven|gebruiken|lenen|gegeven|geleend|afgepakt)',
        'geldezel',
        '(?:gebruiken|gebruikt|gebruikte|hebben|heeft) (?:mijn )?(?:bankpas|pinpas|rekening|bankrekening)',
      ],
    },
    {
      id: 'nl.exploitation.image_threats',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.image_threats',
      patterns: [
        '(?:naaktfotos|naakt fotos|fotos|filmpjes|videos|beelden) (?:van mij )?(?:verspreiden|online zetten|doorsturen|rondsturen|op internet zetten|delen|laten zien)',
        'dreigt (?:met )?(?:mijn |de )?(?:fotos|filmpjes|naaktfotos|videos)',
        'sextortion',
        '(?:fotos|filmpjes|videos|naaktfotos|beelden) (?:van (?:me|mij) )?(?:\\w+ ){0,6}(?:naar iedereen|rondsturen|rondstuurt|verspreiden|verspreidt|online zet|online zetten|op internet)',
        '(?:anders|dan) (?:zet|stuurt|verspreidt|deelt) (?:hij|ze) (?:de |mijn |die )?(?:fotos|filmpjes|videos)',
      ],
    },
    {
      id: 'nl.exploitation.coerced',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.coerced',
      patterns: ['(?:word|wordt|werd|ben|is) gedwongen', '(?:dwingt|dwingen|dwong|dwongen) (?:me|mij|je|haar|hem|ons)',
        '(?:me|mij|je|haar|hem|ons) (?:dwingt|dwingen|dwong|dwongen)'],
    },
    {
      id: 'nl.exploitation.grooming',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.grooming',
      patterns: ['(?:stuurt|geeft|koopt|kocht|gaf) (?:me|mij|haar) (?:steeds |altijd |veel |allemaal )?(?:cadeautjes|cadeaus|dure dingen|kleren|geld|een telefoon)'],
    },
    {
      id: 'nl.exploitation.control',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.coercive_control',
      patterns: [
        'mag (?:niet|nooit) (?:meer )?(?:naar school|naar huis|alleen (?:weg|naar buiten)|met (?:vriendinnen|vrienden|mijn familie) (?:afspreken|praten))',
        'mag (?:de deur|het huis) niet uit',
        `${HE} (?:dreigt|dreigen) (?:mijn )?(?:familie|moeder|zusje|broertje|ouders) (?:iets aan te doen|pijn te doen)`,
        `(?:doet|doen) ${HE} (?:mijn )?(?:familie|moeder|zusje|broertje|ouders) (?:iets|pijn) aan`,
        '(?:gedreigd|dreigt|dreigen|dreigde|dreigden) (?:\\w+ ){0,3}(?:familie|moeder|vader|zusje|broertje|ouders|zus|broer) (?:\\w+ ){0,2}(?:iets aan te doen|pijn te doen|te vermoorden)',
      ],
    },
  ],
};
