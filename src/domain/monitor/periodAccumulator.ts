import type { Codebook, CodebookField, LocalizedText } from '../codebook/codebookSchema.js';
import type { CodingValues } from '../codebook/codingValue.js';
import { FieldTally } from './fieldTally.js';
import { CONTACT_GROUP, MONITOR_FIELDS, PARENT_GROUP, Stage, TRAFFICKING_QUESTION_CODES } from './monitorFields.js';

/** Who a table counts; each is a subset of the one before (except clients, a subset of victims). */
export type PopulationKey = 'visitors' | 'counselling' | 'traffickingQuestion' | 'victims' | 'victimsWithClients';

export interface FieldTableSpec {
  readonly id: string;
  readonly field: string;
  readonly population: PopulationKey;
  /** Split columns by minor / adult / age unknown. */
  readonly byAgeGroup: boolean;
}

/** The generic field tables of the yearly monitor, in report order. */
export const FIELD_TABLES: readonly FieldTableSpec[] = [
  { id: 'contactType', field: 'contactType', population: 'visitors', byAgeGroup: false },
  { id: 'traffickingQuestion', field: 'traffickingQuestion', population: 'counselling', byAgeGroup: false },
  { id: 'ageBasis', field: 'ageBasis', population: 'victims', byAgeGroup: true },
  { id: 'gender', field: 'gender', population: 'victims', byAgeGroup: true },
  { id: 'exploitationForms', field: 'exploitationForms', population: 'victims', byAgeGroup: true },
  { id: 'exploitationSubForms', field: 'exploitationSubForms', population: 'victims', byAgeGroup: true },
  { id: 'duration', field: 'duration', population: 'victims', byAgeGroup: true },
  { id: 'stillExploited', field: 'stillExploited', population: 'victims', byAgeGroup: true },
  { id: 'firstDisclosure', field: 'firstDisclosure', population: 'victims', byAgeGroup: true },
  { id: 'perpetratorCount', field: 'perpetratorCount', population: 'victims', byAgeGroup: true },
  { id: 'perpetratorRelation', field: 'perpetratorRelation', population: 'victims', byAgeGroup: true },
  { id: 'clientsMentioned', field: 'clientsMentioned', population: 'victims', byAgeGroup: true },
  { id: 'clientKnowledge', field: 'clientKnowledge', population: 'victimsWithClients', byAgeGroup: true },
  { id: 'clientActions', field: 'clientActions', population: 'victimsWithClients', byAgeGroup: true },
  { id: 'actions', field: 'actions', population: 'traffickingQuestion', byAgeGroup: true },
  { id: 'acuteUnsafety', field: 'acuteUnsafety', population: 'counselling', byAgeGroup: false },
  { id: 'otherTopics', field: 'otherTopics', population: 'counselling', byAgeGroup: false },
  { id: 'language', field: 'language', population: 'counselling', byAgeGroup: false },
];

const POPULATIONS: readonly PopulationKey[] = ['visitors', 'counselling', 'traffickingQuestion', 'victims', 'victimsWithClients'];
/** Bit per population, so the hot loop tests membership with one AND instead of string compares. */
const POPULATION_BIT: Readonly<Record<PopulationKey, number>> = { visitors: 1, counselling: 2, traffickingQuestion: 4, victims: 8, victimsWithClients: 16 };
export const AGE_GROUP_COLUMNS = 3; // minor, adult, age unknown
export const PARENT_AGE_COLUMNS = 4; // 15 or younger, 16–17, adult, age unknown

/** Codebook lookups resolved once, shared by all period accumulators. */
export class MonitorIndex {
  readonly contactGroup: Map<string, string>;
  readonly parentCodes: readonly string[];
  readonly parentCodeIndex: Map<string, number>;
  readonly ageBandRow: Int32Array; // age → band row; index 0..maxAge
  readonly bandCount: number;
  readonly fieldTables: readonly (FieldTableSpec & { readonly codebookField: CodebookField })[];
  readonly subFormParentLabels: Map<string, LocalizedText>;

  constructor(readonly codebook: Codebook) {
    const field = (id: string): CodebookField | undefined => codebook.fields.find((f) => f.id === id);
    const contact = field(MONITOR_FIELDS.contactType);
    this.contactGroup = new Map(contact !== undefined && contact.kind === 'single' ? contact.options.map((o) => [o.code, o.group ?? '']) : []);
    const relation = field(MONITOR_FIELDS.perpetratorRelation);
    this.parentCodes = relation !== undefined && relation.kind === 'multi' ? relation.options.filter((o) => o.group === PARENT_GROUP).map((o) => o.code) : [];
    this.parentCodeIndex = new Map(this.parentCodes.map((c, i) => [c, i]));
    this.bandCount = codebook.ageBands.length;
    this.ageBandRow = new Int32Array(151).fill(-1);
    for (let age = 0; age <= 150; age += 1) {
      this.ageBandRow[age] = codebook.ageBands.findIndex((b) => age >= b.min && (b.max === undefined || age <= b.max));
    }
    this.fieldTables = FIELD_TABLES.flatMap((spec) => {
      const codebookField = field(spec.field);
      return codebookField === undefined || codebookField.kind === 'integer' ? [] : [{ ...spec, codebookField }];
    });
    const forms = field(MONITOR_FIELDS.exploitationForms);
    this.subFormParentLabels = new Map(forms !== undefined && forms.kind === 'multi' ? forms.options.map((o) => [o.code, o.label]) : []);
  }

  stageOf(values: CodingValues): Stage {
    const group = this.contactGroup.get(values[MONITOR_FIELDS.contactType] as string);
    if (group !== CONTACT_GROUP.victim && group !== CONTACT_GROUP.thirdParty) return Stage.NonCounselling;
    const question = values[MONITOR_FIELDS.traffickingQuestion];
    if (typeof question !== 'string' || !TRAFFICKING_QUESTION_CODES.includes(question)) return Stage.Counselling;
    return group === CONTACT_GROUP.victim ? Stage.VictimTrafficking : Stage.ThirdPartyTrafficking;
  }
}

/** Raw counts for one period (a year or a pooled range), one representative conversation per person. */
export class PeriodAccumulator {
  conversations = 0;
  readonly stageCounts = new Int32Array(4);
  /** Population units by age group column (minor, adult, unknown). */
  readonly populationByAge: Record<PopulationKey, Int32Array>;
  readonly tallies: readonly FieldTally[];
  private readonly tallyFields: readonly string[];
  private readonly tallyBits: Int32Array;
  private readonly tallyByAge: Uint8Array;
  /** Victims by age band row (bands, then unknown, then not coded). */
  readonly ageCounts: Int32Array;
  /** Victims exploited by at least one parent, by 15-or-younger / 16–17 / adult / age unknown. */
  readonly anyParent = new Int32Array(PARENT_AGE_COLUMNS);
  /** Same, per parent relation code (rows) — multi-select, so rows overlap. */
  readonly parentRelation: Int32Array;
  readonly victimsSexual = new Int32Array(AGE_GROUP_COLUMNS);
  readonly victimsCriminal = new Int32Array(AGE_GROUP_COLUMNS);

  constructor(
    private readonly index: MonitorIndex,
    private readonly parentsOnly: boolean,
  ) {
    this.populationByAge = Object.fromEntries(POPULATIONS.map((p) => [p, new Int32Array(AGE_GROUP_COLUMNS)])) as Record<PopulationKey, Int32Array>;
    this.tallies = parentsOnly ? [] : index.fieldTables.map((t) => new FieldTally(t.codebookField, t.byAgeGroup ? AGE_GROUP_COLUMNS : 1, index.subFormParentLabels));
    const tabled = parentsOnly ? [] : index.fieldTables;
    this.tallyFields = tabled.map((t) => t.field);
    this.tallyBits = Int32Array.from(tabled.map((t) => POPULATION_BIT[t.population]));
    this.tallyByAge = Uint8Array.from(tabled.map((t) => (t.byAgeGroup ? 1 : 0)));
    this.ageCounts = new Int32Array(index.bandCount + 2);
    this.parentRelation = new Int32Array(index.parentCodes.length * PARENT_AGE_COLUMNS);
  }

  /** Adds one person, represented by her furthest (then latest) conversation in the period. */
  addPerson(values: CodingValues, stage: Stage): void {
    this.stageCounts[stage]! += 1;
    const age = values[MONITOR_FIELDS.age];
    const knownAge = typeof age === 'number';
    const ageColumn = knownAge ? (age < 18 ? 0 : 1) : 2;
    const victim = stage === Stage.VictimTrafficking;
    const counselling = stage !== Stage.NonCounselling;
    const trafficking = stage >= Stage.ThirdPartyTrafficking;
    const withClients = victim && values[MONITOR_FIELDS.clientsMentioned] === true;
    const pop = this.populationByAge;
    pop.visitors[ageColumn]! += 1;
    if (counselling) pop.counselling[ageColumn]! += 1;
    if (trafficking) pop.traffickingQuestion[ageColumn]! += 1;
    if (victim) pop.victims[ageColumn]! += 1;
    if (withClients) pop.victimsWithClients[ageColumn]! += 1;
    if (victim) this.addVictimFacts(values, age, ageColumn);
    if (this.parentsOnly) return;
    const member = 1 | (counselling ? 2 : 0) | (trafficking ? 4 : 0) | (victim ? 8 : 0) | (withClients ? 16 : 0);
    const fields = this.tallyFields;
    for (let t = 0; t < fields.length; t += 1) {
      if ((this.tallyBits[t]! & member) !== 0) this.tallies[t]!.add(values[fields[t]!], this.tallyByAge[t] === 1 ? ageColumn : 0);
    }
  }

  private addVictimFacts(values: CodingValues, age: unknown, ageColumn: number): void {
    const index = this.index;
    const bands = index.bandCount;
    let bandRow: number;
    if (typeof age === 'number') bandRow = index.ageBandRow[Math.min(150, Math.max(0, age))] ?? -1;
    else bandRow = age === 'unknown' ? bands : bands + 1;
    if (bandRow < 0) bandRow = bands + 1;
    this.ageCounts[bandRow]! += 1;

    const forms = values[MONITOR_FIELDS.exploitationForms];
    if (Array.isArray(forms)) {
      if (forms.includes('sexual')) this.victimsSexual[ageColumn]! += 1;
      if (forms.includes('criminal')) this.victimsCriminal[ageColumn]! += 1;
    }
    const relation = values[MONITOR_FIELDS.perpetratorRelation];
    if (!Array.isArray(relation) || relation.length === 0) return;
    const parentColumn = typeof age === 'number' ? (age <= 15 ? 0 : age < 18 ? 1 : 2) : 3;
    let anyParent = false;
    for (const code of relation as readonly string[]) {
      const p = index.parentCodeIndex.get(code);
      if (p === undefined) continue;
      anyParent = true;
      this.parentRelation[p * PARENT_AGE_COLUMNS + parentColumn]! += 1;
    }
    if (anyParent) this.anyParent[parentColumn]! += 1;
  }
}
