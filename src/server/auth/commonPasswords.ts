// A bundled list of common and breached-style passwords, built at start from well-known
// passwords, common words (English and Dutch) and the patterns people add to them. No download:
// the list ships with Baken. Used by passwordPolicy.ts together with structural checks.

/** Passwords that top every published breach list. */
const topPasswords = `123456 123456789 12345678 password qwerty123 qwerty 1q2w3e 12345 1234567 111111 1234567890
123123 abc123 1234 password1 iloveyou 1q2w3e4r 000000 qwertyuiop 123321 555555 654321 666666 7777777
987654321 123qwe 1qaz2wsx 1q2w3e4r5t 1q2w3e4r5t6y zxcvbnm asdfghjkl qazwsx qwe123 q1w2e3r4 q1w2e3r4t5y6
password123 password1234 passw0rd p@ssw0rd p@ssword pa$$word admin admin123 administrator root toor
welcome welcome1 welcome123 letmein letmein123 monkey dragon master shadow sunshine princess football
baseball superman batman trustno1 starwars whatever freedom hello hello123 charlie donald michael jordan
jennifer hunter hunter2 ranger buster soccer hockey killer george computer michelle jessica pepper
ginger summer winter spring autumn flower cookie chocolate lovely loveme iloveu iloveyou1 secret secret123
changeme changeme123 default guest test test123 testtest qwerty12345 qwertyuiop123 1234qwer asdf1234
zaq12wsx !qaz2wsx 1qazxsw2 azerty azerty123 aaaaaa abcdef abcdefg abcdefgh abcd1234 a1b2c3 a1b2c3d4
correcthorsebatterystaple correct horse battery staple thequickbrownfox iloveyouforever youwillneverguess
mypassword mypassword123 nopassword noaccess access access123 login login123 user user123 pass pass123
wachtwoord wachtwoord1 wachtwoord123 welkom welkom01 welkom123 welkom2024 geheim geheim123 voetbal ajax
feyenoord psv amsterdam rotterdam nederland holland schatje lieverd liefde hallo hallo123 doei
`;

/** Words people build passwords from: English, Dutch, names, places, clubs, and Baken itself. */
const baseWords = `password passwort passw0rd wachtwoord welkom welcome geheim secret letmein admin beheer beheerder
administrator master login toegang access qwerty azerty asdfgh zxcvbn qwertyuiop iloveyou ikhouvanjou
loveyou liefde schatje lieverd princess prinses dragon monkey shadow sunshine football voetbal soccer
baseball hockey superman batman spiderman starwars pokemon minecraft fortnite summer zomer winter
spring lente autumn herfst flower bloem cookie koekje chocolate chocola hello hallo goedemorgen
computer internet google facebook instagram snapchat tiktok whatsapp samsung iphone apple microsoft
windows linux baken bakenchat chat hulp helpdesk helpline hulplijn hulpverlener counsellor supervisor
onderzoek research support zorg jeugdzorg politie police amsterdam rotterdam utrecht denhaag eindhoven
groningen nederland holland netherlands england london paris berlin ajax feyenoord psv arsenal chelsea
liverpool barcelona madrid juventus michael jennifer jessica ashley amanda daniel thomas robert
charlie jordan hunter killer george andrew joshua matthew anthony william sophie emma julia lisa anna
daan sem lucas milan levi luuk noah jesse thijs finn bram sanne fleur lotte iris eva lieke sara
maria mohammed mohamed ahmed fatima youssef kevin dennis mark peter jan kees henk piet klaas
trustno1 whatever freedom nothing forever family familie friends vrienden mother moeder father vader
baby babe angel engel honey darling sweet happy blessed jesus christ allah god heaven hemel
changeme default testing test guest user gebruiker system systeem server database company bedrijf
office kantoor maandag monday friday vrijdag january januari december
`;

const suffixes = [
  '', '1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '!', '!!', '!!!', '1!', '123!',
  '01', '007', '69', '99', '00', '11', '22', '2000', '2010', '2015', '2018', '2019', '2020', '2021', '2022', '2023',
  '2024', '2025', '2026', '2027', '1990', '1995', '@123', '#1', '.', '?',
];
const prefixes = ['', 'my', 'mijn', 'the', 'de', 'het', 'i', '1', '123'];

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

let cached: { list: Set<string>; bases: Set<string> } | undefined;

/** The bundled list (lower case) and the base words, built once. */
export function commonPasswordData(): { list: Set<string>; bases: Set<string> } {
  if (cached) return cached;
  const bases = new Set(words(baseWords));
  const list = new Set<string>();
  for (const line of topPasswords.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    for (const w of words(trimmed)) list.add(w);
  }
  list.add('correct horse battery staple');
  for (const base of bases) {
    for (const prefix of prefixes) list.add(`${prefix}${base}`);
    for (const suffix of suffixes) list.add(`${base}${suffix}`);
    list.add(`${base}${base}`);
    list.add(`${base}${base}${base}`);
    list.add([...base].reverse().join(''));
  }
  cached = { list, bases };
  return cached;
}
