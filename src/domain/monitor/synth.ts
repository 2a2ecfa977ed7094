import type { Codebook } from '../codebook/codebookSchema.js';
import type { CodedConversation } from '../codebook/codedConversation.js';
import type { CodingValue } from '../codebook/codingValue.js';
import { UNKNOWN } from '../codebook/codingValue.js';
import { amsterdamYearBounds } from './amsterdamYear.js';
import type { Prng } from './prng.js';
import { createPrng, deriveSeed } from './prng.js';
import { defaultSynthParameters } from './synthDefaults.js';
import type { SynthYearParameters, Weights } from './synthParameters.js';

export interface SynthOptions {
  readonly codebook: Codebook;
  readonly seed: number;
  /** Unique visitors to generate; default the parameters' own size (which reproduces its quotas exactly). */
  readonly size?: number;
  readonly parameters?: SynthYearParameters;
}

/** Splits `total` over the keys in proportion to the weights (largest remainder; ties by key order). */
export function allocateQuota(weights: Weights, total: number): Map<string, number> {
  const entries = Object.entries(weights);
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  const result = new Map<string, number>();
  if (sum <= 0 || total <= 0) {
    for (const [k] of entries) result.set(k, 0);
    return result;
  }
  const exact = entries.map(([k, w]) => ({ k, x: (w / sum) * total }));
  let assigned = 0;
  for (const { k, x } of exact) {
    result.set(k, Math.floor(x));
    assigned += Math.floor(x);
  }
  const byRemainder = exact.map((e, i) => ({ ...e, i })).sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || a.i - b.i);
  for (let j = 0; assigned < total; j += 1, assigned += 1) {
    const k = byRemainder[j % byRemainder.length]!.k;
    result.set(k, result.get(k)! + 1);
  }
  return result;
}

type Values = Record<string, CodingValue>;

/** Synthetic coded conversations for one year: deterministic for a given seed and parameters. */
export function synthesizeYear(year: number, options: SynthOptions): CodedConversation[] {
  const p = options.parameters ?? defaultSynthParameters(year);
  const rng = createPrng(deriveSeed(options.seed, year));
  const size = Math.max(0, Math.round(options.size ?? p.uniqueVisitors));
  const scale = size / p.uniqueVisitors;
  const thirdTotal = sum(p.thirdParties);
  const nonTotal = sum(p.nonCounselling);
  const categories = allocateQuota(
    { victim: p.victims, ...prefix('third:', p.thirdParties), ...prefix('non:', p.nonCounselling), other: Math.max(0, p.uniqueVisitors - p.victims - thirdTotal - nonTotal) },
    size,
  );
  const persons: Values[] = [];
  const parents = subFormParents(options.codebook);

  // Victims: exact age quotas, exact parent quotas among minors.
  const victimCount = categories.get('victim') ?? 0;
  const ages: (number | 'unknown')[] = [];
  for (const [band, count] of allocateQuota(p.victimAgeBands, victimCount)) {
    for (let i = 0; i < count; i += 1) ages.push(band === UNKNOWN ? UNKNOWN : ageInBand(options.codebook, band, rng));
  }
  rng.shuffle(ages);
  const victimScale = p.victims === 0 ? 0 : victimCount / p.victims;
  const atMost15 = ages.flatMap((a, i) => (typeof a === 'number' && a <= 15 ? [i] : []));
  const age16to17 = ages.flatMap((a, i) => (typeof a === 'number' && a >= 16 && a < 18 ? [i] : []));
  const parentExploited = new Set([
    ...atMost15.slice(0, Math.round(p.parentExploitedMinors.atMost15 * victimScale)),
    ...age16to17.slice(0, Math.round(p.parentExploitedMinors.age16to17 * victimScale)),
  ]);
  ages.forEach((age, i) => {
    const byParent = parentExploited.has(i) || (typeof age === 'number' && age >= 18 && rng.chance(p.parentExploitedAdultShare));
    persons.push(traffickingCoding('victim', age, byParent, p, rng, parents));
  });
  for (const [key, count] of categories) {
    const code = key.slice(key.indexOf(':') + 1);
    for (let i = 0; i < count; i += 1) {
      if (key.startsWith('third:')) {
        const age = randomAge(options.codebook, p, rng);
        persons.push(traffickingCoding(code, age, typeof age === 'number' && age < 18 && rng.chance(0.1), p, rng, parents));
      } else if (key.startsWith('non:')) {
        persons.push({ contactType: code, language: rng.pick(p.language) });
      } else if (key === 'other') {
        persons.push(otherCounsellingCoding(randomAge(options.codebook, p, rng), p, rng));
      }
    }
  }
  rng.shuffle(persons);

  const [start, end] = amsterdamYearBounds(year);
  const visits: { closedAt: number; person: number; visit: number; of: number; visitorKey: string | undefined }[] = [];
  persons.forEach((values, person) => {
    const counselling = values['traffickingQuestion'] !== undefined;
    const returning = counselling && rng.chance(p.returningShare);
    const count = returning ? 1 + Number(rng.pick(p.extraConversations)) : 1;
    const visitorKey = returning ? hex(rng) + hex(rng) : undefined;
    for (let visit = 0; visit < count; visit += 1) {
      visits.push({ closedAt: start + Math.floor(rng.next() * (end - start)), person, visit, of: count, visitorKey });
    }
  });
  visits.sort((a, b) => a.closedAt - b.closedAt || a.person - b.person || a.visit - b.visit);
  // Like an import: objects allocated in chronological order (memory locality for the monitor's
  // single pass) with fields in codebook order (few object shapes).
  const fieldIds = options.codebook.fields.map((f) => f.id);
  return visits.map((v) => {
    const source = persons[v.person]!;
    const values: Values = {};
    for (const id of fieldIds) {
      const value = source[id];
      if (value !== undefined) values[id] = Array.isArray(value) ? [...(value as readonly string[])] : value;
    }
    return {
      conversationId: `syn-${year}-${String(v.person + 1).padStart(7, '0')}${v.of > 1 ? `-${v.visit + 1}` : ''}`,
      ...(v.visitorKey === undefined ? {} : { visitorKey: v.visitorKey }),
      closedAt: v.closedAt,
      codebookVersion: options.codebook.version,
      values,
    };
  });
}

/** Several years at once, e.g. 2019–2022 for the pooled parents table. */
export function synthesizeYears(years: readonly number[], options: Omit<SynthOptions, 'parameters'>): CodedConversation[] {
  return years.flatMap((year) => synthesizeYear(year, options));
}

function traffickingCoding(contactType: string, age: number | 'unknown', byParent: boolean, p: SynthYearParameters, rng: Prng, parents: ReadonlyMap<string, string>): Values {
  const minor = typeof age === 'number' && age < 18;
  const forms = Object.entries(p.forms).filter(([, f]) => rng.chance(minor ? f.minor : f.adult)).map(([k]) => k);
  const values: Values = {
    ...counsellingBasics(contactType, age, p, rng),
    traffickingQuestion: rng.chance(p.doubtShare) ? 'doubt' : 'yes',
    exploitationForms: forms.length > 0 ? forms : [UNKNOWN],
    stillExploited: rng.chance(0.05) ? UNKNOWN : rng.chance(p.stillExploited),
    duration: rng.pick(minor ? p.durationMinor : p.durationAdult),
    firstDisclosure: rng.chance(0.08) ? UNKNOWN : rng.chance(p.firstDisclosure),
    perpetratorCount: rng.pick(p.perpetratorCount),
  };
  const subForms = Object.entries(p.subForms)
    .filter(([code]) => forms.includes(parents.get(code) ?? ''))
    .filter(([, chance]) => rng.chance(chance))
    .map(([code]) => code);
  if (subForms.length > 0) values['exploitationSubForms'] = subForms;
  if (byParent) {
    values['perpetratorRelation'] = rng.chance(0.1) ? [rng.pick(p.parentRelation), 'loverboy'] : [rng.pick(p.parentRelation)];
  } else {
    const relation = rng.pick(p.otherRelation);
    values['perpetratorRelation'] = [relation];
  }
  const sexual = forms.includes('sexual');
  const clients = rng.chance(sexual ? p.clientsMentioned.sexual : p.clientsMentioned.other);
  values['clientsMentioned'] = clients;
  if (clients) {
    values['clientKnowledge'] = rng.pick(p.clientKnowledge);
    const did = Object.entries(p.clientActions)
      .filter(([code, chance]) => rng.chance(code === 'paid_parent' && byParent ? 0.4 : chance))
      .map(([code]) => code);
    values['clientActions'] = did.length > 0 ? did : ['none'];
  }
  return values;
}

function otherCounsellingCoding(age: number | 'unknown', p: SynthYearParameters, rng: Prng): Values {
  return { ...counsellingBasics(rng.pick(p.otherCounsellingContact), age, p, rng), traffickingQuestion: 'no' };
}

function counsellingBasics(contactType: string, age: number | 'unknown', p: SynthYearParameters, rng: Prng): Values {
  const topics = Object.entries(p.otherTopics).filter(([, c]) => rng.chance(c)).map(([k]) => k);
  const actions = Object.entries(p.actions).filter(([, c]) => rng.chance(c)).map(([k]) => k);
  const values: Values = {
    contactType,
    otherTopics: topics.length > 0 ? topics : ['none'],
    acuteUnsafety: rng.chance(p.acuteUnsafety),
    age,
    gender: rng.pick(p.gender),
    language: rng.pick(p.language),
    actions: actions.length > 0 ? actions : ['none'],
    followUpAgreed: rng.chance(p.followUpAgreed),
  };
  if (typeof age === 'number') values['ageBasis'] = rng.chance(p.ageStatedShare) ? 'stated' : 'estimated';
  return values;
}

/** Which form each sub-form belongs to, from the codebook's `parent` codes. */
function subFormParents(codebook: Codebook): Map<string, string> {
  return new Map(
    codebook.fields.flatMap((f) => (f.kind === 'multi' && f.parentField !== undefined ? f.options.flatMap((o) => (o.parent === undefined ? [] : [[o.code, o.parent] as const])) : [])),
  );
}

function randomAge(codebook: Codebook, p: SynthYearParameters, rng: Prng): number | 'unknown' {
  const band = rng.pick(p.victimAgeBands);
  return band === UNKNOWN ? UNKNOWN : ageInBand(codebook, band, rng);
}

function ageInBand(codebook: Codebook, code: string, rng: Prng): number {
  const band = codebook.ageBands.find((b) => b.code === code);
  if (band === undefined) return 30;
  const min = Math.max(band.min, code === 'age_0_11' ? 10 : band.min); // the youngest visitors who chat are about 10
  const max = band.max ?? band.min + 20;
  return min + rng.int(max - min + 1);
}

function prefix(p: string, weights: Weights): Record<string, number> {
  return Object.fromEntries(Object.entries(weights).map(([k, v]) => [p + k, v]));
}

function sum(weights: Weights): number {
  return Object.values(weights).reduce((s, v) => s + v, 0);
}

function hex(rng: Prng): string {
  return rng.int(0x100000000).toString(16).padStart(8, '0');
}
