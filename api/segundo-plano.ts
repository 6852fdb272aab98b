/**
 * Work done after answering (so that timing reveals nothing, e.g. whether an
 * e-mail exists), logged if it fails and awaited when the app closes.
 */
import type { FastifyInstance } from 'fastify';

export function tarefasEmSegundoPlano(app: FastifyInstance): (fn: () => Promise<void>) => void {
  const pendentes = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pendentes]);
  });
  return (fn) => {
    const p: Promise<void> = fn()
      .catch((err) => app.log.error({ err }, 'falha em tarefa de segundo plano'))
      .finally(() => pendentes.delete(p));
    pendentes.add(p);
  };
}
