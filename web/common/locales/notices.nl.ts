// Console strings for notices (sound, title, desktop notifications) and keyboard shortcuts, Dutch.
export const noticesNl = {
  notices: {
    title: 'Meldingen',
    sound: 'Geluid bij een nieuwe chat, een aanbod of een nieuw bericht',
    desktopAsk: 'Bureaubladmeldingen aanzetten',
    desktopHint: 'Een melding zegt alleen wat er gebeurde, nooit wat er geschreven is of wie het schreef.',
    desktopOn: 'Bureaubladmeldingen',
    desktopDenied: 'Je browser blokkeert meldingen van deze site. Je kunt ze toestaan in de instellingen van je browser.',
    desktop: {
      offer: 'Er wordt je een chat aangeboden',
      queued: 'Nieuwe chat in de wachtrij',
      message: 'Nieuw bericht in een chat',
    },
  },
  shortcuts: {
    open: 'Sneltoetsen',
    title: 'Sneltoetsen',
    intro: 'Werkt ook terwijl je typt in het berichtvak. Op een Mac is Alt de Option-toets (⌥).',
    close: 'Sluiten',
    keys: 'Toetsen',
    action: 'Wat het doet',
    accept: 'Aangeboden chat aannemen, of de eerste uit de wachtrij',
    nextChat: 'Naar de volgende chat in je lijst',
    composer: 'Naar het berichtvak',
    endChat: 'Chat beëindigen (je bevestigt eerst)',
    help: 'Deze lijst openen (niet in een tekstvak)',
    nothingToAccept: 'Er is geen chat om aan te nemen.',
  },
};
