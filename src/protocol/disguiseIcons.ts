// The tab icons an administrator can pick for the visitor page. The SVG files are bundled
// (web/public/icons/<name>.svg) and served from our own origin, never fetched from elsewhere.
// Kept free of zod so the console can import the list without pulling zod into its bundle.
export const disguiseIcons = ['baken', 'weather', 'notes', 'calculator', 'recipes'] as const;
export type DisguiseIcon = (typeof disguiseIcons)[number];

/** Where the page finds an icon: a same-origin path, so the CSP needs no data: or other host. */
export function disguiseIconPath(icon: DisguiseIcon): string {
  return `/icons/${icon}.svg`;
}
