/**
 * A server the tooling runs as a child process (the Temporal dev server, the
 * Temporal server on PostgreSQL): why it is gone, if it is; stopped gently,
 * then by force; and never left running by our own exit (vitest exits at once
 * on Ctrl-C, without anyone's stop()).
 */
import type { ChildProcess } from 'node:child_process';

export interface FilhoVigiado {
  /** Why the child is gone (it could not be started, or it ended); undefined while it runs. */
  fim(): Error | undefined;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  parar(graceMs: number): Promise<void>;
}

export function vigiarFilho(child: ChildProcess): FilhoVigiado {
  let saida: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const saiu = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      saida = { code, signal };
      resolve();
    }),
  );
  let erroAoIniciar: Error | undefined;
  child.on('error', (err) => (erroAoIniciar = err));
  const matarAoSair = () => {
    if (!saida) child.kill('SIGKILL');
  };
  // prepend: vitest's own 'exit' listener calls process.exit() again, which skips listeners after it.
  process.prependListener('exit', matarAoSair);
  return {
    fim: () => erroAoIniciar ?? (saida && new Error(`o processo terminou (código ${saida.code}, sinal ${saida.signal})`)),
    async parar(graceMs) {
      process.off('exit', matarAoSair);
      if (saida || child.pid === undefined) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const esgotou = await Promise.race([saiu.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
      clearTimeout(timer);
      if (esgotou && !saida) {
        child.kill('SIGKILL');
        await saiu;
      }
    },
  };
}
