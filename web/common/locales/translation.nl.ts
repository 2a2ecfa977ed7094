// Console strings for machine-translated visitor messages, Dutch.
export const translationNl = {
  machineTranslation: {
    original: 'Origineel ({{from}})',
    translated: 'Automatische vertaling ({{from}} → {{to}}), kan fouten bevatten',
  },
};
