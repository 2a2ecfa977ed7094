// The presenters' own words (headings, notes). Row, column and table labels come with the report.
export type ReportLanguage = 'nl' | 'en';

export const reportLabels = {
  nl: {
    documentTitle: 'Baken monitor {year}',
    headline: 'Kerncijfers',
    method: 'Werkwijze',
    suppression: 'Bescherming van kleine aantallen',
    populations: 'Populaties',
    population: 'Populatie',
    yearTables: 'Tabellen {year}',
    pooled: 'Meerjarig {range}',
    series: 'Reeks over de jaren',
    agreement: 'Overeenstemming tussen codeurs (Cohen\'s kappa)',
    field: 'Veld',
    items: 'Beoordelingen',
    observed: 'Waargenomen',
    kappa: 'Kappa',
    notDefined: 'n.v.t.',
    codebook: 'Codeboek {id} versie {version}; versies in de gegevens: {versions}.',
    denominator: 'noemer: {label}',
    percentNote: 'Percentages tussen haakjes; "<5" = 1 tot en met 4; "x" = verborgen om terugrekenen te voorkomen.',
    chartOf: 'Staafdiagram: {title}',
    pageOf: 'Pagina {page} van {pages}',
    suppressedBar: 'niet getoond',
  },
  en: {
    documentTitle: 'Baken monitor {year}',
    headline: 'Headline figures',
    method: 'Method',
    suppression: 'Protection of small counts',
    populations: 'Populations',
    population: 'Population',
    yearTables: 'Tables {year}',
    pooled: 'Multi-year {range}',
    series: 'Series across years',
    agreement: 'Agreement between coders (Cohen\'s kappa)',
    field: 'Field',
    items: 'Decisions',
    observed: 'Observed',
    kappa: 'Kappa',
    notDefined: 'n/a',
    codebook: 'Codebook {id} version {version}; versions in the data: {versions}.',
    denominator: 'denominator: {label}',
    percentNote: 'Percentages in brackets; "<5" = 1 to 4; "x" = hidden so it cannot be recovered.',
    chartOf: 'Bar chart: {title}',
    pageOf: 'Page {page} of {pages}',
    suppressedBar: 'not shown',
  },
} as const satisfies Record<ReportLanguage, Record<string, string>>;

export type ReportLabelKey = keyof (typeof reportLabels)['en'];

export function reportText(language: ReportLanguage, key: ReportLabelKey, params: Record<string, string | number> = {}): string {
  return reportLabels[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
