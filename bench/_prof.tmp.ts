import fs from 'node:fs';
import { defaultCodebook } from '../src/domain/codebook/defaultCodebook.js';
import { CodingPacking, computeMonitorPacked } from '../src/domain/monitor/packedCodings.js';
const packing = new CodingPacking(defaultCodebook);
const data = new Uint8Array(fs.readFileSync('/tmp/packed1m.bin'));
const input = { data, count: data.length / packing.width, packing, versions: ['1.0.0'] };
for (let i = 0; i < 5; i++) { const t = performance.now(); computeMonitorPacked(input, { codebook: defaultCodebook, year: 2022 }); console.log('compute', Math.round(performance.now() - t)); }
