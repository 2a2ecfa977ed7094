// Runs periodic jobs. Each run takes a lease in the database first, so with several nodes
// a job runs once per period across the cluster, and a node that dies hands over by expiry.
import crypto from 'node:crypto';
import type { AppContext } from '../appContext.js';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export class Scheduler {
  private readonly holder = crypto.randomUUID();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly ctx: Pick<AppContext, 'repos' | 'clock' | 'logger'>) {}

  start(jobs: PeriodicJob[]): void {
    for (const job of jobs) {
      const tick = () => {
        const p = this.runOnce(job).finally(() => this.running.delete(p));
        this.running.add(p);
      };
      const timer = setInterval(tick, job.everyMs);
      timer.unref();
      this.timers.push(timer);
      setTimeout(tick, 1000).unref();
    }
  }

  async runOnce(job: PeriodicJob): Promise<boolean> {
    try {
      const leased = await this.ctx.repos.jobLeases.tryAcquire(job.name, this.holder, this.ctx.clock.now(), job.everyMs - 1000);
      if (!leased) return false;
      await job.run();
      return true;
    } catch (error) {
      this.ctx.logger.error({ job: job.name, err: error instanceof Error ? error.message : String(error) }, 'job failed');
      return false;
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}
