// `npm start`: the production entry point.
import { loadConfig } from './config.js';
import { buildApp } from './app.js';

const config = loadConfig();
const app = await buildApp(config);
const url = await app.listen();
const base = config.publicUrl ?? url;
app.ctx.logger.info({ url: base, database: app.ctx.repos.dialect }, 'Baken is listening');
if (app.ctx.setup.token) {
  // Printed once, to the operator's terminal only: the fragment never reaches a server log.
  process.stdout.write(
    `\nThis installation has no administrator yet. Open this one-time link to choose the first password:\n  ${base}/console/setup#${app.ctx.setup.token}\n\n`,
  );
}

// A bug in a library must not take the chat down for everyone: log it and carry on.
process.on('unhandledRejection', (reason) => {
  app.ctx.logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.ctx.logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.ctx.logger.error({ err: String(error) }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
