/**
 * One line per rule pattern added for issue #12 (and the mechanisms behind
 * them): what must fire, and the near miss that must not. Phrasings are our
 * own, from how Dutch and English teenagers write; none comes from the blind set.
 */
import { describe, expect, it } from 'vitest';
import { createTriageEngine } from './assessTriage.js';
import { defaultRuleSets } from './rules/index.js';

const engine = createTriageEngine(defaultRuleSets);
const ids = (text: string) => engine.assess({ messages: [text] }).reasons.map((r) => r.ruleId);

const fires: readonly [string, string][] = [
  // Dutch, acute danger
  ['nl.acute_danger.threat_to_life', 'hij zei dat hij me zou neersteken'],
  ['nl.acute_danger.threat_to_life', 'hij zei: ik maak je af'],
  ['nl.acute_danger.threat_to_life', 'hij appt ik ga je vermoorden'],
  ['nl.acute_danger.violence_now', 'ik ben net verkracht'],
  ['nl.acute_danger.violence_now', 'hij heeft me net in elkaar geslagen'],
  ['nl.acute_danger.trapped', 'ik kan er niet uit'],
  ['nl.acute_danger.trapped', 'ze houden me vast'],
  ['nl.acute_danger.trapped', 'de deur is op slot gedaan'],
  ['nl.acute_danger.coming_now', 'hij is onderweg naar mij'],
  ['nl.acute_danger.help_now', 'help me alsjeblieft'],
  // Dutch, self-harm
  ['nl.self_harm.suicidal', 'ik ga mezelf wat aandoen'],
  ['nl.self_harm.suicidal', 'iedereen is beter af zonder mij'],
  ['nl.self_harm.suicidal', 'ik denk aan een overdosis'],
  ['nl.self_harm.suicidal', 'ik heb net 30 paracetamol ingenomen'],
  ['nl.self_harm.suicidal', 'ik hoop dat ik morgen niet meer wakker word'],
  ['nl.self_harm.suicidal', 'ik wil dood'],
  ['nl.self_harm.suicidal', 'ik denk aan zelfmoort'],
  ['nl.self_harm.self_injury', 'ik heb mezelf weer gesneden'],
  ['nl.self_harm.self_injury', 'ik snij weer'],
  ['nl.self_harm.self_injury', 'ik ben weer begonnen met krassen'],
  ['nl.self_harm.self_injury', 'automutilatie'],
  ['nl.self_harm.cannot_go_on', 'het hoeft voor mij niet meer'],
  ['nl.self_harm.cannot_go_on', 'ik zie geen uitweg'],
  ['nl.self_harm.cannot_go_on', 'ik hou het niet meer vol'],
  // Dutch, minor
  ['nl.minor.stated_age', 'ik ben een meisje van 13'],
  ['nl.minor.stated_age', 'hoi ik 15 en ik heb een vraag'],
  ['nl.minor.school_year', 'ik zit op de middelbare'],
  ['nl.minor.school_year', 'ik doe havo'],
  ['nl.minor.says_minor', 'ik ben minderjarig'],
  ['nl.minor.says_minor', 'ik ben onder de 18'],
  ['nl.minor.youth_care', 'mijn jeugdzorgwerker weet er niks van'],
  ['nl.minor.youth_care', 'ik heb een voogd van jeugdbescherming'],
  // Dutch, exploitation
  ['nl.exploitation.forced_to_earn', 'ik moet voor hem werken'],
  ['nl.exploitation.forced_to_earn', 'ik krijg al maanden geen loon'],
  ['nl.exploitation.sex_with_men', 'er komen steeds mannen langs'],
  ['nl.exploitation.sex_with_men', 'hij regelt klanten voor me'],
  ['nl.exploitation.phone_taken', 'hij houdt mijn papieren'],
  ['nl.exploitation.debt', 'ik sta bij hem in de schuld'],
  ['nl.exploitation.debt', 'ik moet hem nog terugbetalen'],
  ['nl.exploitation.debt', 'hij zegt dat ik hem 2000 euro schuldig ben'],
  ['nl.exploitation.drug_running', 'ik moet wiet bij mij thuis bewaren'],
  ['nl.exploitation.drug_running', 'ik moet tassen voor hun wegbrengen'],
  ['nl.exploitation.money_mule', 'ze zetten geld op mijn rekening en ik moet het doorsturen'],
  ['nl.exploitation.image_threats', 'hij stuurt mijn nudes rond'],
  ['nl.exploitation.coerced', 'ik word gechanteerd'],
  ['nl.exploitation.coerced', 'ik moet voor hem jatten'],
  ['nl.exploitation.control', 'als ik niet betaal doen ze mijn moeder iets aan'],
  ['nl.exploitation.watched', 'er staat een man die elke dag bij mijn school staat te wachten'],
  // English, acute danger
  ['en.acute_danger.threat_to_life', 'he said he would stab me'],
  ['en.acute_danger.threat_to_life', 'he texted i will kill you'],
  ['en.acute_danger.violence_now', 'he just raped me'],
  ['en.acute_danger.violence_now', 'i was attacked an hour ago'],
  ['en.acute_danger.trapped', 'they are holding me prisoner'],
  ['en.acute_danger.trapped', 'he took my keys'],
  ['en.acute_danger.trapped', "he won't let me leave"],
  ['en.acute_danger.trapped', "i'm trapped in his flat"],
  ['en.acute_danger.coming_now', 'he is right outside my door'],
  ['en.acute_danger.coming_now', 'my boyfriend is here now'],
  ['en.acute_danger.help_now', 'please help me'],
  // English, self-harm
  ['en.self_harm.suicidal', 'everyone would be better off without me'],
  ['en.self_harm.suicidal', 'thinking about sewer slide'],
  ['en.self_harm.suicidal', 'i swallowed a bunch of pills'],
  ['en.self_harm.suicidal', 'i wish i was never born'],
  ['en.self_harm.suicidal', 'i just want to go to sleep and never wake up'],
  ['en.self_harm.suicidal', 'no point in living'],
  ['en.self_harm.self_injury', 'started cutting again'],
  ['en.self_harm.self_injury', 'i sh every night'],
  ['en.self_harm.self_injury', 'my sh scars'],
  ['en.self_harm.cannot_go_on', "i can't handle this anymore"],
  ['en.self_harm.cannot_go_on', "i can't anymore"],
  // English, minor
  ['en.minor.school_year', "i'm in high school"],
  ['en.minor.school_year', 'i have my gcses'],
  ['en.minor.says_minor', "i'm underage"],
  ['en.minor.says_minor', 'i am a minor'],
  ['en.minor.says_minor', 'i am under 18'],
  // English, exploitation
  ['en.exploitation.forced_to_earn', 'he makes me work for him for free'],
  ['en.exploitation.sex_with_men', 'he makes me meet older men'],
  ['en.exploitation.sex_with_men', 'he sets up dates with guys'],
  ['en.exploitation.sex_with_men', 'the punters pay him'],
  ['en.exploitation.sex_with_men', 'men keep coming to the flat'],
  ['en.exploitation.phone_taken', 'my boss holds my papers'],
  ['en.exploitation.debt', 'i owe 500 to those guys'],
  ['en.exploitation.drug_running', 'they got me trapping'],
  ['en.exploitation.drug_running', 'i have to stay at the bando'],
  ['en.exploitation.drug_running', 'going cunch every weekend'],
  ['en.exploitation.drug_running', 'they are cuckooing my mum'],
  ['en.exploitation.drug_running', 'he makes me hide packages at my house'],
  ['en.exploitation.money_mule', 'money goes into my account and i have to send it on'],
  ['en.exploitation.image_threats', 'he will send them to my parents'],
  ['en.exploitation.coerced', 'he is blackmailing me'],
];

const doesNotFire: readonly [string, string][] = [
  // Figures of speech and jokes
  ['nl.acute_danger.threat_to_life', 'mijn vader vermoordt me als hij dit ziet haha'],
  ['nl.self_harm.suicidal', 'ik ga dood van het lachen'],
  ['nl.self_harm.suicidal', 'ik wil dood lol dit proefwerk'],
  ['en.acute_danger.threat_to_life', 'my mum will kill me lol'],
  ['en.acute_danger.threat_to_life', 'my sister is going to kill me 😂'],
  ['en.self_harm.suicidal', 'i want to die haha so embarrassing'],
  // Past and over
  ['nl.self_harm.self_injury', 'vroeger sneed ik mezelf'],
  ['nl.self_harm.self_injury', 'ik heb mezelf 3 jaar geleden gesneden'],
  ['nl.exploitation.sex_with_men', 'jaren geleden moest ik met mannen mee'],
  ['en.self_harm.self_injury', 'i used to cut myself'],
  ['en.exploitation.drug_running', 'years ago i was selling drugs for them'],
  // Polite requests, feelings, ordinary control
  ['nl.acute_danger.help_now', 'kun je me helpen met een vraag'],
  ['en.acute_danger.help_now', 'can you help me with a question'],
  ['en.acute_danger.help_now', 'could someone help me understand this'],
  ['nl.acute_danger.help_now', 'can you help me with a question'],
  ['en.acute_danger.trapped', 'i feel trapped in this relationship'],
  ['en.acute_danger.trapped', "my dad won't let me go out with friends"],
  ['nl.acute_danger.trapped', 'ik zit vast aan een abonnement'],
  ['nl.minor.stated_age', 'ik 25 jaar'],
  ['nl.exploitation.drug_running', 'ik moet mijn spullen ophalen bij mijn ex'],
  ['en.exploitation.drug_running', 'i keep my stuff at my house'],
  ['en.minor.says_minor', 'is this service only for people under 25'],
];

describe('rules added for issue #12', () => {
  it.each(fires)('%s fires on "%s"', (ruleId, text) => {
    expect(ids(text)).toContain(ruleId);
  });

  it.each(doesNotFire)('%s does not fire on "%s"', (ruleId, text) => {
    expect(ids(text)).not.toContain(ruleId);
  });
});

describe('past and over, and what undoes it', () => {
  it('a still word or a contrast keeps the present part', () => {
    expect(ids('vroeger moest ik voor hem werken en nog steeds zegt hij dat ik hem geld schuldig ben')).toContain('nl.exploitation.debt');
    expect(ids('i used to cut myself but now i started cutting again')).toContain('en.self_harm.self_injury');
    expect(ids('2 jaar geleden begon het, maar nu moet ik elke avond met mannen mee')).toContain('nl.exploitation.sex_with_men');
  });

  it('does not touch a past age: a past event still tells her age', () => {
    expect(ids('vroeger, ik ben 14, moest ik ...')).toContain('nl.minor.stated_age');
  });
});
