// Console strings about the visitor languages (settings, staff languages, chat labels), Dutch.
// The English file has the same keys. card112 is what a counsellor puts in the message box for a
// visitor in danger, in her language (nl and en are in console.*.ts as danger.card112): DRAFT
// translations, like the visitor page's.
export const languagesNl = {
  languages: {
    settingsTitle: 'Talen voor bezoekers',
    settingsIntro: 'In deze talen kunnen bezoekers de chat gebruiken. Een taal die uit staat, bieden we niet aan: de bezoeker ziet dan Nederlands.',
    draft: 'conceptvertaling',
    draftHint: 'Conceptvertaling: nog niet nagekeken door iemand die de taal als moedertaal spreekt.',
    offer: '{{name}} aanbieden',
    always: 'standaardtaal, altijd aan',
    staffColumn: 'Talen',
    staffLegend: 'Talen waarin {{name}} chat',
    newStaffLegend: 'Talen waarin de medewerker chat',
    staffHint: 'Chats in deze talen krijgt deze medewerker als eerste aangeboden.',
    atLeastOne: 'Kies minstens één taal.',
    chatLanguage: 'Taal van de bezoeker: {{name}} ({{code}})',
    card112: {
      pl: 'Czy jesteś teraz w niebezpieczeństwie? Zadzwoń pod 112. To nic nie kosztuje, także bez środków na koncie. Zostaję tu na czacie.',
      ro: 'Ești în pericol acum? Sună la 112. Este gratuit, chiar și fără credit. Eu rămân aici în chat.',
      bg: 'В опасност ли си сега? Обади се на 112. Безплатно е, дори без кредит. Оставам тук в чата.',
      uk: 'Ти зараз у небезпеці? Дзвони 112. Це безкоштовно, навіть без грошей на рахунку. Я залишаюся тут у чаті.',
      ar: 'هل أنت في خطر الآن؟ اتصل بالرقم 112. الاتصال مجاني، حتى بدون رصيد. سأبقى هنا في الدردشة.',
    },
  },
};
