import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../codebook/defaultCodebook.js';
import { computeMonitor } from './computeMonitor.js';
import { buildHeadlineFixture } from './headlineFixture.js';
import { CodingPacking, computeMonitorPacked, packConversations } from './packedCodings.js';
import { createPrng } from './prng.js';
import { synthesizeYears } from './synth.js';

const packing = new CodingPacking(defaultCodebook);
const packed = (data: Parameters<typeof packConversations>[1]) => {
  const p = packConversations(packing, data);
  return { ...p, packing };
};

describe('the columnar monitor path', () => {
  it('gives exactly the report computeMonitor gives on the headline fixture', () => {
    const data = buildHeadlineFixture();
    const options = { codebook: defaultCodebook, year: 2022 };
    expect(computeMonitorPacked(packed(data), options)).toEqual(computeMonitor(data, options));
  });

  it('gives exactly the same report on shuffled synthetic data with returning visitors and pooled ranges', () => {
    const data = synthesizeYears([2018, 2019, 2020, 2021, 2022], { codebook: defaultCodebook, seed: 9 });
    createPrng(3).shuffle(data);
    for (const options of [
      { codebook: defaultCodebook, year: 2022 },
      { codebook: defaultCodebook, year: 2021, pooledRanges: [{ from: 2018, to: 2021 }, { from: 2020, to: 2021 }] },
    ]) {
      expect(computeMonitorPacked(packed(data), options)).toEqual(computeMonitor(data, options));
    }
  });

  it('packs unknowns, multi-selects and missing values distinctly', () => {
    const a = packing.pack(1, 0, { contactType: 'victim', age: 'unknown', exploitationForms: ['unknown'] });
    const b = packing.pack(1, 0, { contactType: 'victim', exploitationForms: [] });
    expect(a).not.toEqual(b);
    expect(a.length).toBe(packing.width);
  });
});
