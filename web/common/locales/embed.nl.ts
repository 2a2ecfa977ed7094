// The partner widget (/embed.js) on a partner's page, Dutch (B1). Bundled into the script at
// build time; the English file has the same keys.
export const embedNl = {
  open: 'Chat anoniem',
  region: 'Anonieme chat',
  title: 'Anonieme chat',
  frame: 'Anonieme chat met een hulpverlener',
  close: 'Sluiten',
};
