// Contract tests for coding storage, on SQLite and PostgreSQL alike.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './database.js';
import { createRepositories, type Repositories } from './repositories.js';
import { testStoreFactories } from './testing/testStores.js';
import { keyringFrom } from './encryption/envelope.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import { buildHeadlineFixture } from '../domain/monitor/headlineFixture.js';
import { computeMonitor } from '../domain/monitor/computeMonitor.js';
import { computeMonitorPacked } from '../domain/monitor/packedCodings.js';
import { amsterdamYearBounds } from '../domain/monitor/amsterdamYear.js';
import { synthesizeYears } from '../domain/monitor/synth.js';

const id = () => crypto.randomUUID();
const values = { contactType: 'silent', language: 'nl' };

describe.each(testStoreFactories())('coding storage on $name', (factory) => {
  let store: Store;
  let repos: Repositories;
  beforeEach(async () => {
    store = await factory.open();
    repos = createRepositories(store, keyringFrom([crypto.randomBytes(32)]));
  });
  afterEach(async () => {
    await store.close();
  });

  it('saves a primary coding, keeps the edit history per field and reads it back', async () => {
    const conversationId = id();
    const closedAt = amsterdamYearBounds(2023)[0] + 1000;
    const first = await repos.codings.savePrimary({ conversationId, closedAt, visitorKey: 'vk-1', codebookVersion: '1.0.0', values, staffId: 'staff-a', now: 10 });
    expect(first.created).toBe(true);
    expect(first.coding).toMatchObject({ year: 2023, closedAt, visitorKey: 'vk-1', coderId: 'staff-a', values });
    const edit = await repos.codings.savePrimary({ conversationId, closedAt, visitorKey: 'vk-1', codebookVersion: '1.0.0', values: { contactType: 'test', language: 'nl' }, staffId: 'staff-b', now: 20 });
    expect(edit).toMatchObject({ created: false, changedFields: ['contactType'] });
    const unchanged = await repos.codings.savePrimary({ conversationId, closedAt, visitorKey: 'vk-1', codebookVersion: '1.0.0', values: { contactType: 'test', language: 'nl' }, staffId: 'staff-b', now: 30 });
    expect(unchanged.changedFields).toEqual([]);
    const history = await repos.codings.history(conversationId);
    expect(history.map((h) => [h.kind, h.staffId, h.at])).toEqual([['create', 'staff-a', 10], ['update', 'staff-b', 20]]);
    expect(history[1]!.changes).toEqual({ contactType: ['silent', 'test'] });
    expect((await repos.codings.get(conversationId))?.updatedBy).toBe('staff-b');
  });

  it('finds the visitor’s earlier coding by her key', async () => {
    const [a, b] = [id(), id()];
    await repos.codings.savePrimary({ conversationId: a, closedAt: 1_700_000_000_000, visitorKey: 'vk-2', codebookVersion: '1.0.0', values: { ...values, language: 'en' }, staffId: 's', now: 1 });
    expect(await repos.codings.previousForVisitor('vk-2', b)).toMatchObject({ conversationId: a, values: { language: 'en' } });
    expect(await repos.codings.previousForVisitor('vk-2', a)).toBeUndefined();
  });

  it('imports without overwriting, and gives the same monitor from the database as in memory', async () => {
    const data = buildHeadlineFixture();
    const result = await repos.codings.importMany(data, 'admin', 5);
    expect(result).toEqual({ inserted: data.length, skipped: [] });
    expect((await repos.codings.importMany(data.slice(0, 3), 'admin', 6)).skipped).toHaveLength(3);
    expect(await repos.codings.years()).toEqual([2019, 2020, 2021, 2022]);
    const options = { codebook: defaultCodebook, year: 2022 };
    const packed = await repos.codings.loadPacked(amsterdamYearBounds(2018)[0], amsterdamYearBounds(2022)[1]);
    expect(packed.count).toBe(data.length);
    expect(computeMonitorPacked(packed, options)).toEqual(computeMonitor(data, options));
    const exported = await repos.codings.exportCoded();
    expect(computeMonitor(exported, options)).toEqual(computeMonitor(data, options));
  });

  it('gives identical numbers on synthetic data with returning visitors', async () => {
    const data = synthesizeYears([2021, 2022], { codebook: defaultCodebook, seed: 4, size: 400 });
    await repos.codings.importMany(data, null, 1);
    const options = { codebook: defaultCodebook, year: 2022, pooledRanges: [{ from: 2021, to: 2022 }] };
    const packed = await repos.codings.loadPacked(amsterdamYearBounds(2018)[0], amsterdamYearBounds(2022)[1]);
    expect(computeMonitorPacked(packed, options)).toEqual(computeMonitor(await repos.codings.exportCoded(), options));
  });

  it('assigns a double-coding sample to another coder and pairs the codings for kappa', async () => {
    for (let i = 0; i < 5; i += 1) await repos.codings.savePrimary({ conversationId: `c-${i}`, closedAt: 1_700_000_000_000 + i, visitorKey: null, codebookVersion: '1.0.0', values, staffId: 'first', now: 1 });
    const picked = await repos.codings.assignSecond({ coderId: 'second', assignedBy: 'sup', size: 3, now: 2 });
    expect(picked).toHaveLength(3);
    expect(await repos.codings.assignSecond({ coderId: 'first', assignedBy: 'sup', size: 3, now: 2 })).toEqual([]);
    expect(await repos.codings.saveSecond({ conversationId: picked[0]!, staffId: 'intruder', codebookVersion: '1.0.0', values, now: 3 })).toBeUndefined();
    await repos.codings.saveSecond({ conversationId: picked[0]!, staffId: 'second', codebookVersion: '1.0.0', values: { ...values, contactType: 'test' }, now: 3 });
    const pairs = await repos.codings.doubleCoded();
    expect(pairs).toEqual([{ conversationId: picked[0], first: values, second: { ...values, contactType: 'test' } }]);
    expect(await repos.codings.sampleStatus()).toEqual({ assigned: 3, coded: 1 });
    const awaiting = await repos.codings.listAwaiting('second');
    expect(awaiting.filter((a) => a.kind === 'second')).toHaveLength(2);
  });

  it('keeps the monitor’s read cache right as codings are added and edited', async () => {
    const { CodingRepository } = await import('./codingRepository.js');
    const repo = new CodingRepository(store, { blockMinRecords: 10 });
    const data = synthesizeYears([2022], { codebook: defaultCodebook, seed: 8, size: 300 });
    const [from] = amsterdamYearBounds(2018);
    const [, to] = amsterdamYearBounds(2022);
    const options = { codebook: defaultCodebook, year: 2022 };
    const check = async () => expect(computeMonitorPacked(await repo.loadPacked(from, to), options)).toEqual(computeMonitor(await repo.exportCoded(), options));
    await repo.importMany(data.slice(0, 200), null, 1);
    await check(); // builds the first cached part
    expect(await store.db.selectFrom('coding_blocks').select('part').execute()).toHaveLength(1);
    await repo.importMany(data.slice(200), null, 2);
    await check(); // cached part + new tail (kept as a second part)
    expect(await store.db.selectFrom('coding_blocks').select('part').execute()).toHaveLength(2);
    const edited = data[5]!;
    await repo.savePrimary({ conversationId: edited.conversationId, closedAt: edited.closedAt, visitorKey: edited.visitorKey ?? null, codebookVersion: '1.0.0', values: { contactType: 'test', language: 'nl' }, staffId: 's', now: 3 });
    expect(await store.db.selectFrom('coding_blocks').select('part').execute()).toHaveLength(2);
    await check(); // the edited record rewritten inside its cached part
  });

  it('knows when a counsellor has an ended chat still to code', async () => {
    const staff = await repos.staff.create({ id: id(), username: 'coder', displayName: 'C', passwordHash: 'x', role: 'counsellor', now: 1 });
    expect(await repos.codings.hasUncodedEnded(staff.id)).toBe(false);
    const c = await repos.conversations.create({ id: id(), tokenHash: id(), nickname: null, language: 'nl', preChat: null, now: 1 });
    await repos.conversations.applyTransition({ current: c, next: { status: 'ended', counsellorId: staff.id, endReason: 'visitor' }, event: 'end', actor: { kind: 'system' }, now: 2 });
    expect(await repos.codings.hasUncodedEnded(staff.id)).toBe(true);
    expect((await repos.codings.listAwaiting(staff.id)).map((a) => a.conversationId)).toEqual([c.id]);
  });
});
