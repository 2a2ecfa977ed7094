/**
 * English triage rules. Patterns match NORMALISED text: lowercase, no
 * apostrophes, contractions and chat spelling expanded ("im" → "i am",
 * "dont" → "do not", "u" → "you"), so write them in plain standard spelling.
 */
import type { TriageRuleSet } from '../triageRule.js';

const HE =
  '(?:he|she|they|he is|she is|they are|my boyfriend|this guy|that guy|this man|that man|my (?:dad|mum|mom|stepdad|step dad|uncle|brother|boss|ex|pimp))';
const PERSON = '(?:sister|little sister|brother|little brother|friend|girlfriend|boyfriend|cousin|daughter|son|classmate)';

export const enRules: TriageRuleSet = {
  language: 'en',
  spelling: {
    im: 'i am', ive: 'i have', hes: 'he is', shes: 'she is', theyre: 'they are', theyve: 'they have',
    dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'cannot', wont: 'will not', isnt: 'is not',
    arent: 'are not', wasnt: 'was not', aint: 'is not', havent: 'have not', u: 'you', ur: 'your', r: 'are',
    ya: 'you', pls: 'please', plz: 'please', pleasee: 'please', bc: 'because', cuz: 'because', coz: 'because',
    cos: 'because', gonna: 'going to', gunna: 'going to', wanna: 'want to', gotta: 'have to', hafta: 'have to',
    idk: 'i do not know', rn: 'right now', bf: 'boyfriend', ppl: 'people', kms: 'kill myself', yrs: 'years',
    yr: 'year', fone: 'phone', mobile: 'phone', cell: 'phone', cellphone: 'phone', k: 'ok', noone: 'no one',
    twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
    gf: 'girlfriend', mum: 'mum', mom: 'mum', pics: 'pictures', pic: 'pictures', photos: 'pictures', nudes: 'nude pictures',
  },
  negations: ['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor'],
  clauseWords: ['but', 'because', 'if', 'whether', 'or', 'and', 'so', 'when', 'though', 'although', 'except'],
  rules: [
    // ------------------------------------------------------------ acute danger
    {
      id: 'en.acute_danger.in_danger_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.in_danger_now',
      patterns: [
        'i am (?:in|in real|in serious|in big) danger',
        'in danger (?:right )?now',
        '(?:i am|i feel|feel) (?:really |so |very )?(?:not safe|unsafe)',
        'do not feel safe',
      ],
    },
    {
      id: 'en.acute_danger.threat_to_life',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.threat_to_life',
      patterns: [
        `${HE} (?:is going to|are going to|will|said he will|says he will|said they will|wants to|threatened to|threatens to) (?:kill|hurt|beat|stab|shoot) me`,
        '(?:kill|murder|stab|shoot) me',
        'scared (?:he|they|she) (?:will|is going to|are going to) (?:kill|hurt|find) me',
      ],
    },
    {
      id: 'en.acute_danger.violence_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.violence_now',
      patterns: [
        `${HE} (?:is |are |keeps |keep )?(?:hitting|beating|hurting|choking|raping|hits|beats|chokes|rapes) me`,
        '(?:has|have|got) a (?:knife|gun|weapon)',
        'being (?:hit|beaten|held|raped|choked)',
      ],
    },
    {
      id: 'en.acute_danger.trapped',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.trapped',
      patterns: [
        'locked (?:me )?(?:in|up)',
        'i am locked',
        'cannot (?:get out|leave|escape|get away)',
        '(?:will not|do not|does not|never) let me (?:leave|go|out)',
        'trapped',
        'kidnapped',
      ],
    },
    {
      id: 'en.acute_danger.coming_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.perpetrator_nearby',
      patterns: [
        '(?:he is|she is|they are) (?:coming|on (?:his|their|her) way|outside|at the door|downstairs|waiting outside|outside my)',
        '(?:he|they) (?:is|are) coming (?:for me|to get me)',
      ],
    },
    {
      id: 'en.acute_danger.help_now',
      category: 'acute_danger',
      priority: 'critical',
      reasonKey: 'triage.reason.urgent_help',
      patterns: [
        'help me(?! (?:understand|with|find|to find|figure|out with|know))',
        'please help',
        'need help (?:right now|now|please|asap|fast|quick|urgently)',
        'call (?:the )?police',
      ],
    },
    // ------------------------------------------------------------ self-harm / suicide
    {
      id: 'en.self_harm.suicidal',
      category: 'self_harm',
      priority: 'critical',
      reasonKey: 'triage.reason.suicidal',
      patterns: [
        'suicid(?:e|al)',
        'kill myself',
        '(?:end|ending|ended|take|taking) my (?:own )?life',
        'end (?:it all|my life)',
        'end it(?= ?(?:[.,!?;]|$))',
        '(?:want|going) to die',
        'do not want to (?:live|be alive|be here|exist)',
        'better off dead',
        'unalive(?: myself)?',
        'take (?:all (?:of )?|a lot of |loads of |too many )(?:the |my |those )?pills',
        'overdose',
        'jump (?:off|in front of)',
        'no reason to (?:live|go on)',
      ],
    },
    {
      id: 'en.self_harm.self_injury',
      category: 'self_harm',
      priority: 'high',
      reasonKey: 'triage.reason.self_injury',
      patterns: ['(?:cut|cutting|hurt|hurting|harm|harming|burn|burning) myself', 'self ?harm(?:ing)?'],
    },
    {
      id: 'en.self_harm.cannot_go_on',
      category: 'self_harm',
      priority: 'high',
      reasonKey: 'triage.reason.cannot_go_on',
      patterns: [
        'cannot (?:do this|take (?:it|this)|go on|cope)(?: anymore)?(?= ?(?:[.,!?;]|$))',
        '(?:give|gave|giving) up on (?:life|everything)',
      ],
    },
    // ------------------------------------------------------------ minor
    {
      id: 'en.minor.stated_age',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.minor_age',
      ageRange: [8, 17],
      negatable: false,
      patterns: [
        'i am (?:only |just |almost |nearly |still )?(\\d{1,2})(?! (?:weeks|days|months|hours|minutes|mins|min|times|pounds|euros|dollars|miles|km|kg|years ago|year ago|percent))',
        '(\\d{1,2}) (?:years? old|y o|yo|yrs? old|year old)',
        '(?:age|aged|turned) (\\d{1,2})',
        // Someone else's age: "my brother is 14".
        `${PERSON} (?:is |aged )?(\\d{1,2})(?! (?:weeks|days|months|minutes|mins|times|pounds|euros))`,
      ],
    },
    {
      id: 'en.minor.turning_age',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.minor_age',
      // "i turn 18 next month": 17 now.
      ageRange: [9, 18],
      negatable: false,
      patterns: ['(?:i (?:will )?turn|turning|i am turning) (\\d{1,2})'],
    },
    {
      id: 'en.minor.school_year',
      category: 'minor',
      priority: 'high',
      reasonKey: 'triage.reason.minor_school',
      negatable: false,
      patterns: ['(?:in )?(?:year|grade) (?:[6-9]|10|11)', 'middle school', 'primary school'],
    },
    // ------------------------------------------------------------ exploitation indicators
    {
      id: 'en.exploitation.loverboy',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.loverboy',
      negatable: false,
      // Not a definition question ("what is a lover boy"): that is a request for information.
      patterns: ['(?<!(?:what is a|what are|what a|how to spot a|how do you spot a|wat is een|wat zijn|hoe herken (?:ik|je) (?:een)?) )(?:lover ?boys?|pimp(?:s|ing|ed)?|groom(?:ed|ing))'],
    },
    {
      id: 'en.exploitation.forced_to_earn',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.forced_to_earn_money',
      patterns: [
        '(?:have|had|has|forced|force|forces|forcing|makes|made|make) (?:me )?(?:to )?(?:make|earn|bring in|get) (?:money|cash)',
        '(?:make|earn|making|earning|bring in) (?:money|cash) for (?:him|them|her)',
        '(?:takes|took|keeps|kept|take|keep) (?:all )?(?:of )?(?:my|the) money',
        '(?:give|hand over|handing over|giving) (?:him|them|her) (?:all )?(?:of )?(?:my|the) money',
        '(?:have|had|made|make|makes|forced|forces) (?:me )?to work for (?:him|them)',
        'work to pay (?:him|them|her|it back|it off|off)',
        '(?:must|have to|had to) work for free',
        'without (?:pay|wages|being paid|getting paid)',
      ],
    },
    {
      id: 'en.exploitation.sex_with_men',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.forced_sex_work',
      patterns: [
        '(?:sleep|sleeping|slept|have sex|having sex|had sex|do stuff|doing stuff|do things|doing things|go|going|do it) with (?:men|guys|older men|his friends|their friends|his mates|clients|customers|strangers)',
        '(?:sells|sold|selling|rents|rented|renting) me',
        '(?:puts|put|posts|posted|advertises|advertised) me (?:online|on (?:a |an )?(?:site|website|ads|adverts|app))',
        '(?:men|guys) pay (?:him|them)',
        '(?:posts|post|posted|puts|put|places|placed) (?:ads|adverts|pictures|videos) (?:of|with) me',
        '(?:do it|sleep|sex|go|do stuff|do things|meet)(?: \\w+){0,4} for (?:cash|money)',
        'escort(?:ing)?',
      ],
    },
    {
      id: 'en.exploitation.phone_taken',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.phone_or_id_taken',
      patterns: [
        '(?:took|takes|take|taken|has|have|keeps|kept|confiscated|smashed) (?:away )?my (?:phone|passport|id)',
        '(?:my )?(?:phone|passport|id) (?:was |got |has been |is )?(?:taken|confiscated)',
        'not allowed (?:to have |to use )?(?:a |my )?phone',
      ],
    },
    {
      id: 'en.exploitation.watched',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.watched_or_followed',
      patterns: [
        '(?:he|she|they|someone|somebody|he is|she is|they are|someone is) (?:always |keeps |keep )?(?:following|watching|tracking|stalking|follows|watches|tracks|stalks) me(?! on)',
        '(?:being|been|am|i am|get|got) (?:followed|watched|tracked|stalked|monitored)',
        '(?:always )?knows? where i (?:am|live)',
        '(?:watching|watch|watches) (?:my|our) (?:house|home|flat|school)',
        '(?:checks|reads|check|read|goes through|go through|monitors|tracks|tracking|track|tracked) (?:all )?(?:of )?my (?:phone|messages|texts|chats|location)',
        '(?:share|sharing|shares|track|tracks|tracking) my location',
      ],
    },
    {
      id: 'en.exploitation.debt',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.debt_bondage',
      patterns: [
        'owe (?:him|them|her)',
        '(?:says|said|say) i owe',
        'in debt to',
        'work off (?:the |my |a )?debt',
        'pay (?:off|back) (?:the|this|that) debt',
        'pay (?:him|them|her|it) (?:back|off)',
        'pay (?:back|off) (?:the |my )?(?:\\w+ )?(?:ticket|trip|journey|travel|flight|fare|papers|passport|debt to)',
        'debt (?:to (?:him|them))',
      ],
    },
    {
      id: 'en.exploitation.drug_running',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.drug_running',
      patterns: [
        '(?:sell|selling|sold|deliver|delivering|delivered|carry|carrying|move|moving|run|running|drop off|dropping off|hide|hiding|hold|holding) (?:drugs|packages|parcels|weed|coke|crack|heroin|gear)',
        '(?:sell|selling|deliver|delivering|carry|carrying|run|running|hold|holding) (?:bags|stuff|things) for (?:him|them)',
        '(?:drugs|weed|coke|crack|heroin|gear|packages|parcels) to (?:sell|deliver|carry|hold|move|hide)',
        '(?:asks|asked|makes|made|tells|told|wants) me to (?:hold|carry|deliver|sell|move|hide) (?:stuff|things|bags|packages|parcels|drugs|weed)',
        'county lines',
        'trap house',
        '(?:drug|drugs) (?:runner|mule)',
        'runner',
        '(?:deal|dealing) for (?:him|them)',
      ],
    },
    {
      id: 'en.exploitation.money_mule',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.money_mule',
      patterns: [
        '(?:use|used|using|uses|borrow|borrowed|took) my (?:bank )?(?:account|card)',
        'money mule',
        '(?:give|gave|hand over) (?:him|them) my (?:bank )?(?:card|account)',
      ],
    },
    {
      id: 'en.exploitation.image_threats',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.image_threats',
      patterns: [
        '(?:share|post|send|leak|spread|show) (?:my |the |those )?(?:nude pictures|pictures|videos|video)',
        '(?:threatens|threatened|threatening) to (?:share|post|send|leak|show|spread)',
        'sextortion',
      ],
    },
    {
      id: 'en.exploitation.coerced',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.coerced',
      patterns: [
        'forced to (?:work|sell|deliver|have sex|sleep|steal|do|carry)',
        '(?:forces|forced|force) me',
        '(?:hurt|harm|kill|go after|come after) my (?:mum|family|sister|brother|parents|little sister|little brother)',
      ],
    },
    {
      id: 'en.exploitation.grooming',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.grooming',
      patterns: ['(?:buys|bought|gives|gave|sends|sent) (?:me|her) (?:lots of |loads of |expensive )?(?:stuff|things|clothes|gifts|presents|money|a phone)'],
    },
    {
      id: 'en.exploitation.control',
      category: 'exploitation',
      priority: 'high',
      reasonKey: 'triage.reason.coercive_control',
      patterns: ['not allowed to (?:go (?:home|out|to school)|see my (?:friends|family)|leave the house)'],
    },
  ],
};
