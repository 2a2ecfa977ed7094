import type { Codebook, CodebookField } from '../codebook/codebookSchema.js';
import type { CodedConversation } from '../codebook/codedConversation.js';
import type { CodingValue, CodingValues } from '../codebook/codingValue.js';
import { UNKNOWN } from '../codebook/codingValue.js';
import { amsterdamYearBounds } from './amsterdamYear.js';
import type { MonitorOptions } from './computeMonitor.js';
import { assembleMonitorReport, monitorPeriods } from './computeMonitor.js';
import type { MonitorReport } from './monitorReport.js';
import { CONTACT_GROUP, MONITOR_FIELDS, PARENT_GROUP, Stage, TRAFFICKING_QUESTION_CODES } from './monitorFields.js';
import { AGE_GROUP_COLUMNS, MonitorIndex, PARENT_AGE_COLUMNS, PeriodAccumulator } from './periodAccumulator.js';

// A columnar fast path for the monitor. Each coding is packed once (when it is saved) into a
// fixed-width record of a few dozen bytes; the monitor then scans one Uint8Array instead of a
// million objects and gives exactly the report computeMonitor gives for the same conversations
// in the same order (tested). Record layout, little endian:
//   0  float64  closedAt (epoch ms)
//   8  uint32   visitor number (0 = no return code); equal numbers = the same visitor
//   12 …        one slot per codebook field, in codebook order:
//        single  1 byte   0 not coded, 1..n option index + 1, 254 not an option, 255 unknown
//        boolean 1 byte   0 not coded, 1 yes, 2 no, 254 invalid, 255 unknown
//        multi   4 bytes  bit j option j, bit 30 unknown, bit 31 "not empty" (0 = not coded)
//        integer 4 bytes  int32 value, or MISSING_INT / UNKNOWN_INT

const HEADER_BYTES = 12;
const B_MISSING = 0;
const B_INVALID = 254;
const B_UNKNOWN = 255;
const MULTI_UNKNOWN_BIT = 1 << 30;
const MULTI_NOT_EMPTY_BIT = 1 << 31;
const MISSING_INT = -2147483648;
const UNKNOWN_INT = -2147483647;

type SlotKind = 0 | 1 | 2 | 3; // single, boolean, multi, integer

export interface PackedSlot {
  readonly field: CodebookField;
  readonly offset: number;
  readonly kind: SlotKind;
  readonly codeIndex: ReadonlyMap<string, number>;
}

/** How codings of one codebook version are packed; identical codebook versions pack identically. */
export class CodingPacking {
  readonly width: number;
  readonly slots: readonly PackedSlot[];
  readonly slotById: ReadonlyMap<string, PackedSlot>;

  constructor(readonly codebook: Codebook) {
    let offset = HEADER_BYTES;
    const slots: PackedSlot[] = [];
    for (const field of codebook.fields) {
      const kind: SlotKind = field.kind === 'single' ? 0 : field.kind === 'boolean' ? 1 : field.kind === 'multi' ? 2 : 3;
      const options = field.kind === 'single' || field.kind === 'multi' ? field.options : [];
      if (kind === 0 && options.length > 250) throw new Error(`${field.id}: too many options to pack`);
      if (kind === 2 && options.length > 30) throw new Error(`${field.id}: too many options to pack`);
      slots.push({ field, offset, kind, codeIndex: new Map(options.map((o, i) => [o.code, i])) });
      offset += kind === 0 || kind === 1 ? 1 : 4;
    }
    this.width = offset;
    this.slots = slots;
    this.slotById = new Map(slots.map((s) => [s.field.id, s]));
  }

  /** Writes one record at `offset` of `target`. */
  packInto(target: Uint8Array, offset: number, closedAt: number, visitorNo: number, values: CodingValues): void {
    const view = new DataView(target.buffer, target.byteOffset + offset, this.width);
    view.setFloat64(0, closedAt, true);
    view.setUint32(8, visitorNo >>> 0, true);
    for (const slot of this.slots) {
      const value = values[slot.field.id];
      switch (slot.kind) {
        case 0:
          view.setUint8(slot.offset, encodeSingle(slot, value));
          break;
        case 1:
          view.setUint8(slot.offset, value === undefined || value === null ? B_MISSING : value === true ? 1 : value === false ? 2 : value === UNKNOWN ? B_UNKNOWN : B_INVALID);
          break;
        case 2:
          view.setUint32(slot.offset, encodeMulti(slot, value) >>> 0, true);
          break;
        case 3:
          view.setInt32(slot.offset, typeof value === 'number' && Number.isInteger(value) && value > UNKNOWN_INT ? value : value === UNKNOWN ? UNKNOWN_INT : MISSING_INT, true);
          break;
      }
    }
  }

  pack(closedAt: number, visitorNo: number, values: CodingValues): Uint8Array {
    const out = new Uint8Array(this.width);
    this.packInto(out, 0, closedAt, visitorNo, values);
    return out;
  }
}

function encodeSingle(slot: PackedSlot, value: CodingValue | null | undefined): number {
  if (value === undefined || value === null) return B_MISSING;
  if (value === UNKNOWN) return B_UNKNOWN;
  if (typeof value !== 'string') return B_INVALID;
  const i = slot.codeIndex.get(value);
  return i === undefined ? B_INVALID : i + 1;
}

function encodeMulti(slot: PackedSlot, value: CodingValue | null | undefined): number {
  if (!Array.isArray(value) || value.length === 0) return 0;
  let mask = MULTI_NOT_EMPTY_BIT;
  for (const code of value as readonly string[]) {
    if (code === UNKNOWN) mask |= MULTI_UNKNOWN_BIT;
    else {
      const i = slot.codeIndex.get(code);
      if (i !== undefined) mask |= 1 << i;
    }
  }
  return mask;
}

/** Packs conversations in order, numbering visitor keys 1, 2, … in order of appearance. */
export function packConversations(packing: CodingPacking, conversations: readonly CodedConversation[]): { data: Uint8Array; count: number; versions: Set<string> } {
  const data = new Uint8Array(packing.width * conversations.length);
  const keys = new Map<string, number>();
  const versions = new Set<string>();
  conversations.forEach((c, i) => {
    let visitorNo = 0;
    if (c.visitorKey !== undefined && c.visitorKey !== '') {
      visitorNo = keys.get(c.visitorKey) ?? keys.size + 1;
      keys.set(c.visitorKey, visitorNo);
    }
    packing.packInto(data, i * packing.width, c.closedAt, visitorNo, c.values);
    versions.add(c.codebookVersion);
  });
  return { data, count: conversations.length, versions };
}

interface TallyPlan {
  readonly counts: Int32Array;
  readonly columns: number;
  readonly bit: number;
  readonly byAge: boolean;
  readonly offset: number;
  readonly kind: SlotKind;
  readonly optionCount: number;
  readonly unknownRow: number;
  readonly missingRow: number;
  /** single/boolean: stored byte → row. */
  readonly rowOf: Int32Array;
}

/** Little-endian int32 at p (unsigned values come back as negative numbers; only bits are tested). */
function readInt32(bytes: Uint8Array, p: number): number {
  return bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
}

const POPULATION_BIT = { visitors: 1, counselling: 2, traffickingQuestion: 4, victims: 8, victimsWithClients: 16 } as const;

/** Populations, age bands and the victim facts of each person (a tight loop over typed arrays). */
function firstPass(
  bytes: Uint8Array, bases: Int32Array, stages: Uint8Array, n: number, ageColumns: Uint8Array, members: Uint8Array,
  stageCounts: Int32Array, visitors: Int32Array, counselling: Int32Array, traffickingQuestion: Int32Array, victims: Int32Array, victimsWithClients: Int32Array,
  ageOffset: number, clientsOffset: number, formsOffset: number, sexualBit: number, criminalBit: number, relationOffset: number, parentMask: number, relationParentRow: Int32Array,
  ageBandRow: Int32Array, bands: number, ageCounts: Int32Array, victimsSexual: Int32Array, victimsCriminal: Int32Array, parentRelation: Int32Array, anyParent: Int32Array,
): void {
  for (let j = 0; j < n; j += 1) {
    const base = bases[j]!;
    const stage = stages[j]!;
    stageCounts[stage]! += 1;
    const ageValue = ageOffset < 0 ? MISSING_INT : readInt32(bytes, base + ageOffset);
    const known = ageValue > UNKNOWN_INT;
    const ageColumn = known ? (ageValue < 18 ? 0 : 1) : 2;
    const victim = stage === Stage.VictimTrafficking;
    const isCounselling = stage !== Stage.NonCounselling;
    const trafficking = stage >= Stage.ThirdPartyTrafficking;
    const withClients = victim && clientsOffset >= 0 && bytes[base + clientsOffset] === 1;
    visitors[ageColumn]! += 1;
    if (isCounselling) counselling[ageColumn]! += 1;
    if (trafficking) traffickingQuestion[ageColumn]! += 1;
    if (withClients) victimsWithClients[ageColumn]! += 1;
    ageColumns[j] = ageColumn;
    members[j] = 1 | (isCounselling ? 2 : 0) | (trafficking ? 4 : 0) | (victim ? 8 : 0) | (withClients ? 16 : 0);
    if (!victim) continue;
    victims[ageColumn]! += 1;
    let bandRow = known ? ageBandRow[ageValue < 0 ? 0 : ageValue > 150 ? 150 : ageValue]! : ageValue === UNKNOWN_INT ? bands : bands + 1;
    if (bandRow < 0) bandRow = bands + 1;
    ageCounts[bandRow]! += 1;
    if (formsOffset >= 0) {
      const forms = readInt32(bytes, base + formsOffset);
      if ((forms & sexualBit) !== 0) victimsSexual[ageColumn]! += 1;
      if ((forms & criminalBit) !== 0) victimsCriminal[ageColumn]! += 1;
    }
    if (relationOffset < 0) continue;
    let m = readInt32(bytes, base + relationOffset) & parentMask;
    if (m === 0) continue;
    const parentColumn = known ? (ageValue <= 15 ? 0 : ageValue < 18 ? 1 : 2) : 3;
    anyParent[parentColumn]! += 1;
    while (m !== 0) {
      const low = m & -m;
      parentRelation[relationParentRow[31 - Math.clz32(low)]! * PARENT_AGE_COLUMNS + parentColumn]! += 1;
      m ^= low;
    }
  }
}

/** Per record: the period year index (-1 outside), the funnel stage and the closing time. */
function scanRecords(
  view: DataView, bytes: Uint8Array, count: number, width: number, starts: Float64Array, periodStart: number, periodEnd: number,
  contactOffset: number, questionOffset: number, contactCounselling: Uint8Array, contactVictim: Uint8Array, questionTrafficking: Uint8Array,
  yearOf: Int8Array, stageOf: Uint8Array, closedAt: Float64Array,
): void {
  for (let i = 0; i < count; i += 1) {
    const base = i * width;
    const t = view.getFloat64(base, true);
    closedAt[i] = t;
    if (!(t >= periodStart && t < periodEnd)) {
      yearOf[i] = -1;
      continue;
    }
    let k = 0;
    while (t >= starts[k + 1]!) k += 1;
    yearOf[i] = k;
    let stage: number = Stage.NonCounselling;
    if (contactOffset >= 0) {
      const contact = bytes[base + contactOffset]!;
      if (contactCounselling[contact] === 1) {
        stage = questionOffset < 0 || questionTrafficking[bytes[base + questionOffset]!] === 0 ? Stage.Counselling : contactVictim[contact] === 1 ? Stage.VictimTrafficking : Stage.ThirdPartyTrafficking;
      }
    }
    stageOf[i] = stage;
  }
}

/** Every tallied field of every person, record by record (each record is read from memory once). */
function tallyRows(
  bytes: Uint8Array, bases: Int32Array, members: Uint8Array, ageColumns: Uint8Array, n: number, np: number,
  planBit: Int32Array, planByAge: Int32Array, planOffset: Int32Array, planKind: Int32Array, planWidth: Int32Array, planMissing: Int32Array, planUnknown: Int32Array,
  rowOf: Int32Array, countsOf: Int32Array[],
): void {
  for (let j = 0; j < n; j += 1) {
    const member = members[j]!;
    const ageColumn = ageColumns[j]!;
    const base = bases[j]!;
    for (let t = 0; t < np; t += 1) {
      if ((planBit[t]! & member) === 0) continue;
      const column = planByAge[t]! * ageColumn;
      const width = planWidth[t]!;
      const counts = countsOf[t]!;
      const kind = planKind[t]!;
      if (kind === 0) {
        counts[rowOf[t * 256 + bytes[base + planOffset[t]!]!]! * width + column]! += 1;
      } else if (kind === 2) {
        const mask = readInt32(bytes, base + planOffset[t]!);
        if (mask === 0) {
          counts[planMissing[t]! * width + column]! += 1;
          continue;
        }
        let m = mask & 0x3fffffff;
        while (m !== 0) {
          const low = m & -m;
          counts[(31 - Math.clz32(low)) * width + column]! += 1;
          m ^= low;
        }
        const unknownRow = planUnknown[t]!;
        if ((mask & MULTI_UNKNOWN_BIT) !== 0 && unknownRow >= 0) counts[unknownRow * width + column]! += 1;
      } else {
        counts[planMissing[t]! * width + column]! += 1;
      }
    }
  }
}

/** A growable list of (record offset, stage): the people a period counts. */
class PersonList {
  bases = new Int32Array(1024);
  stages = new Uint8Array(1024);
  length = 0;

  push(base: number, stage: number): void {
    if (this.length === this.bases.length) {
      const bases = new Int32Array(this.length * 2);
      bases.set(this.bases);
      this.bases = bases;
      const stages = new Uint8Array(this.length * 2);
      stages.set(this.stages);
      this.stages = stages;
    }
    this.bases[this.length] = base;
    this.stages[this.length] = stage;
    this.length += 1;
  }
}

/** Reads records; mirrors PeriodAccumulator.addPerson exactly, on bytes. */
class PackedReader {
  readonly view: DataView;
  readonly bytes: Uint8Array;
  readonly stageOfContact: Uint8Array; // contact byte → stage when trafficking question, else counselling/non
  readonly contactCounselling: Uint8Array;
  readonly contactVictim: Uint8Array;
  readonly questionTrafficking: Uint8Array;
  readonly contactOffset: number;
  readonly questionOffset: number;
  readonly ageOffset: number;
  readonly clientsOffset: number;
  readonly formsOffset: number;
  readonly sexualBit: number;
  readonly criminalBit: number;
  readonly relationOffset: number;
  /** bit → parent code row, -1 otherwise */
  readonly relationParentRow: Int32Array;
  readonly parentMask: number;

  constructor(
    data: Uint8Array,
    readonly packing: CodingPacking,
    readonly index: MonitorIndex,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.bytes = data;
    const slot = (id: string): PackedSlot | undefined => packing.slotById.get(id);
    const contact = slot(MONITOR_FIELDS.contactType);
    this.contactOffset = contact?.kind === 0 ? contact.offset : -1;
    this.contactCounselling = new Uint8Array(256);
    this.contactVictim = new Uint8Array(256);
    this.stageOfContact = new Uint8Array(256);
    if (contact !== undefined) {
      for (const [code, i] of contact.codeIndex) {
        const group = index.contactGroup.get(code);
        if (group === CONTACT_GROUP.victim || group === CONTACT_GROUP.thirdParty) this.contactCounselling[i + 1] = 1;
        if (group === CONTACT_GROUP.victim) this.contactVictim[i + 1] = 1;
      }
    }
    const question = slot(MONITOR_FIELDS.traffickingQuestion);
    this.questionOffset = question?.kind === 0 ? question.offset : -1;
    this.questionTrafficking = new Uint8Array(256);
    if (question !== undefined) for (const [code, i] of question.codeIndex) if (TRAFFICKING_QUESTION_CODES.includes(code)) this.questionTrafficking[i + 1] = 1;
    const age = slot(MONITOR_FIELDS.age);
    this.ageOffset = age?.kind === 3 ? age.offset : -1;
    const clients = slot(MONITOR_FIELDS.clientsMentioned);
    this.clientsOffset = clients?.kind === 1 ? clients.offset : -1;
    const forms = slot(MONITOR_FIELDS.exploitationForms);
    this.formsOffset = forms?.kind === 2 ? forms.offset : -1;
    const bitOf = (s: PackedSlot | undefined, code: string): number => {
      const i = s?.codeIndex.get(code);
      return i === undefined ? 0 : 1 << i;
    };
    this.sexualBit = bitOf(forms, 'sexual');
    this.criminalBit = bitOf(forms, 'criminal');
    const relation = slot(MONITOR_FIELDS.perpetratorRelation);
    this.relationOffset = relation?.kind === 2 ? relation.offset : -1;
    this.relationParentRow = new Int32Array(32).fill(-1);
    let parentMask = 0;
    if (relation !== undefined) {
      for (const [code, i] of relation.codeIndex) {
        const row = index.parentCodeIndex.get(code);
        if (row !== undefined) {
          this.relationParentRow[i] = row;
          parentMask |= 1 << i;
        }
      }
    }
    this.parentMask = parentMask;
    void PARENT_GROUP;
  }

  stageAt(base: number): Stage {
    if (this.contactOffset < 0) return Stage.NonCounselling;
    const contact = this.bytes[base + this.contactOffset]!;
    if (this.contactCounselling[contact] === 0) return Stage.NonCounselling;
    if (this.questionOffset < 0 || this.questionTrafficking[this.bytes[base + this.questionOffset]!] === 0) return Stage.Counselling;
    return this.contactVictim[contact] === 1 ? Stage.VictimTrafficking : Stage.ThirdPartyTrafficking;
  }

  plan(acc: PeriodAccumulator): TallyPlan[] {
    return acc.tallies.map((tally, t) => {
      const spec = this.index.fieldTables[t]!;
      const slot = this.packing.slotById.get(spec.field);
      const field = tally.field;
      const optionCount = field.kind === 'boolean' ? 2 : field.kind === 'single' || field.kind === 'multi' ? field.options.length : 0;
      const unknownRow = field.allowUnknown ? optionCount : -1;
      const missingRow = tally.rows.length - 1;
      const rowOf = new Int32Array(256).fill(missingRow);
      for (let b = 1; b <= optionCount; b += 1) rowOf[b] = b - 1;
      rowOf[B_UNKNOWN] = unknownRow < 0 ? missingRow : unknownRow;
      return {
        rowOf,
        counts: tally.counts,
        columns: tally.columns,
        bit: POPULATION_BIT[spec.population],
        byAge: spec.byAgeGroup,
        offset: slot?.offset ?? -1,
        kind: slot?.kind ?? 0,
        optionCount,
        unknownRow: field.allowUnknown ? optionCount : -1,
        missingRow: tally.rows.length - 1,
      };
    });
  }

  /**
   * Adds many people at once, column by column: one pass for populations and victim facts,
   * then one tight loop per tallied field. Same counts as addPerson for each, much faster.
   */
  addPeople(acc: PeriodAccumulator, plans: readonly TallyPlan[], people: PersonList): void {
    const n = people.length;
    const bases = people.bases;
    const stagesOf = people.stages;
    const bytes = this.bytes;
    const ageColumns = new Uint8Array(n);
    const members = new Uint8Array(n);
    const index = this.index;
    const pop = acc.populationByAge;
    firstPass(
      bytes, bases, stagesOf, n, ageColumns, members,
      acc.stageCounts, pop.visitors, pop.counselling, pop.traffickingQuestion, pop.victims, pop.victimsWithClients,
      this.ageOffset, this.clientsOffset, this.formsOffset, this.sexualBit, this.criminalBit, this.relationOffset, this.parentMask, this.relationParentRow,
      index.ageBandRow, index.bandCount, acc.ageCounts, acc.victimsSexual, acc.victimsCriminal, acc.parentRelation, acc.anyParent,
    );
    if (plans.length === 0) return;
    const np = plans.length;
    const planBit = Int32Array.from(plans, (p) => p.bit);
    const planByAge = Int32Array.from(plans, (p) => (p.byAge ? 1 : 0));
    const planOffset = Int32Array.from(plans, (p) => p.offset);
    // kind: 0/1 one byte through rowOf, 2 multi bit mask, 3 field absent (always "not coded")
    const planKind = Int32Array.from(plans, (p) => (p.offset < 0 ? 3 : p.kind === 2 ? 2 : 0));
    const planWidth = Int32Array.from(plans, (p) => p.columns);
    const planMissing = Int32Array.from(plans, (p) => p.missingRow);
    const planUnknown = Int32Array.from(plans, (p) => p.unknownRow);
    const rowOf = new Int32Array(np * 256);
    plans.forEach((p, t) => rowOf.set(p.rowOf, t * 256));
    tallyRows(bytes, bases, members, ageColumns, n, np, planBit, planByAge, planOffset, planKind, planWidth, planMissing, planUnknown, rowOf, plans.map((p) => p.counts));
  }

}

export interface PackedMonitorInput {
  /** `count` records of `packing.width` bytes, in a fixed order (ties between a visitor's chats go to the later record). */
  readonly data: Uint8Array;
  readonly count: number;
  readonly packing: CodingPacking;
  /** Codebook versions of the records inside the report's periods. */
  readonly versions: Iterable<string>;
}

/** The monitor from packed records: the same report as computeMonitor on the same conversations in the same order. */
export function computeMonitorPacked(input: PackedMonitorInput, options: MonitorOptions): MonitorReport {
  const { codebook, year } = options;
  const { pooledRanges, seriesRange, first, last } = monitorPeriods(options);
  const yearCount = last - first + 1;
  const starts = Array.from({ length: yearCount + 1 }, (_, k) => amsterdamYearBounds(first + k)[0]);
  const index = new MonitorIndex(codebook);
  const reader = new PackedReader(input.data, input.packing, index);
  const yearAccs = Array.from({ length: yearCount }, (_, k) => new PeriodAccumulator(index, first + k !== year));
  const yearPlans = yearAccs.map((acc) => reader.plan(acc));
  const rangeAccs = pooledRanges.map(() => new PeriodAccumulator(index, true));
  const rangesOfYear = Array.from({ length: yearCount }, (_, k) => pooledRanges.flatMap((r, ri) => (first + k >= r.from && first + k <= r.to ? [ri] : [])));
  const periods = yearCount + pooledRanges.length;
  const width = input.packing.width;
  const view = reader.view;
  const bytes = input.data;
  // Keyed visitors: visitor numbers → dense person numbers, then per period the best record
  // (index + 1, 0 = none) and its stage in typed arrays; no per-record allocation or hashing.
  let maxVisitor = 0;
  for (let i = 0; i < input.count; i += 1) {
    const v = readInt32(bytes, i * width + 8) >>> 0;
    if (v > maxVisitor) maxVisitor = v;
  }
  const personOf = new Int32Array(maxVisitor + 1).fill(-1);
  let people = 0;
  let capacity = 1024;
  let best: Int32Array[] = Array.from({ length: periods }, () => new Int32Array(capacity));
  let bestStage: Int8Array[] = Array.from({ length: periods }, () => new Int8Array(capacity));
  const personFor = (visitor: number): number => {
    let person = personOf[visitor]!;
    if (person < 0) {
      person = people++;
      personOf[visitor] = person;
      if (person >= capacity) {
        capacity *= 2;
        best = best.map((old) => {
          const next = new Int32Array(capacity);
          next.set(old);
          return next;
        });
        bestStage = bestStage.map((old) => {
          const next = new Int8Array(capacity);
          next.set(old);
          return next;
        });
      }
    }
    return person;
  };
  const offer = (period: number, person: number, i: number, stage: number, t: number): void => {
    const b = best[period]!;
    const current = b[person]!;
    const stages = bestStage[period]!;
    if (current === 0 || stage > stages[person]! || (stage === stages[person]! && t >= closedAt[current - 1]!)) {
      b[person] = i + 1;
      stages[person] = stage;
    }
  };
  const periodStart = starts[0]!;
  const periodEnd = starts[yearCount]!;
  const lists = Array.from({ length: periods }, () => new PersonList());
  const yearOf = new Int8Array(input.count);
  const stageOf = new Uint8Array(input.count);
  const closedAt = new Float64Array(input.count);
  scanRecords(view, bytes, input.count, width, Float64Array.from(starts), periodStart, periodEnd, reader.contactOffset, reader.questionOffset, reader.contactCounselling, reader.contactVictim, reader.questionTrafficking, yearOf, stageOf, closedAt);
  for (let i = 0; i < input.count; i += 1) {
    const k = yearOf[i]!;
    if (k < 0) continue;
    const base = i * width;
    const t = closedAt[i]!;
    const stage = stageOf[i]!;
    const yearAcc = yearAccs[k]!;
    yearAcc.conversations += 1;
    const ranges = rangesOfYear[k]!;
    const visitor = readInt32(bytes, base + 8) >>> 0;
    if (visitor === 0) {
      lists[k]!.push(base, stage);
      for (let x = 0; x < ranges.length; x += 1) lists[yearCount + ranges[x]!]!.push(base, stage);
    } else {
      const person = personFor(visitor);
      offer(k, person, i, stage, t);
      for (let x = 0; x < ranges.length; x += 1) offer(yearCount + ranges[x]!, person, i, stage, t);
    }
  }
  const addBest = (period: number, acc: PeriodAccumulator, plans: readonly TallyPlan[]): void => {
    const b = best[period]!;
    const stages = bestStage[period]!;
    const list = lists[period]!;
    for (let person = 0; person < people; person += 1) {
      const i = b[person]!;
      if (i !== 0) list.push((i - 1) * width, stages[person]!);
    }
    reader.addPeople(acc, plans, list);
  };
  const years = new Map<number, PeriodAccumulator>();
  yearAccs.forEach((acc, k) => {
    addBest(k, acc, yearPlans[k]!);
    years.set(first + k, acc);
  });
  rangeAccs.forEach((acc, r) => addBest(yearCount + r, acc, []));
  void AGE_GROUP_COLUMNS;
  return assembleMonitorReport({ codebook, year, index, pooledRanges, seriesRange, years, rangeAccs, versions: input.versions, doubleCoded: options.doubleCoded, handovers: options.handovers });
}
