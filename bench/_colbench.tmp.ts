import { defaultCodebook } from '/work/main/src/domain/codebook/defaultCodebook.js';
import { CodingPacking, computeMonitorPacked, packConversations } from '/work/main/src/domain/monitor/packedCodings.js';
import { benchData } from '/work/main/bench/monitorBench.js';
import fs from 'node:fs';
const n = Number(process.argv[2] ?? 1000000);
let t = performance.now();
const data = benchData(n);
console.log('gen', Math.round(performance.now() - t));
const packing = new CodingPacking(defaultCodebook);
t = performance.now();
const packed = { ...packConversations(packing, data), packing };
console.log('pack', Math.round(performance.now() - t), 'width', packing.width);
fs.writeFileSync('/tmp/packed1m.bin', packed.data);
for (let i = 0; i < 4; i++) { t = performance.now(); computeMonitorPacked(packed, { codebook: defaultCodebook, year: 2022 }); console.log('compute', Math.round(performance.now() - t)); }
