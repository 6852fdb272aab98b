/** Progress lines of the CLI (not request logs, which are pino's). */
export function progress(msg: string): void {
  process.stderr.write(`rito: ${msg}\n`);
}
