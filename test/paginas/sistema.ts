/**
 * The system the browser tests walk: the API and pages on a real port, over
 * the time-skipping server's workflows, with the people a test names (accounts
 * with one password, the representante mandated for the school's CNPJ) and, for
 * those asked, an API session to prepare what the pages then show.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { criarRepresentacao, criarUsuario } from '../../api/contas/service';
import type { WorkflowTestEnv } from '../support/workflow-env';

export interface Pessoa {
  nome: string;
  papeis: string[];
  unidade: string | null;
}

export async function sistemaDePaginas<Q extends string>(
  w: WorkflowTestEnv,
  // escopoNoRelogio: sessions read their scope (representações in force) at the time-skipping server's time, for a test
  // that creates a representação after skipping ahead and then ends it by skipping past its end.
  o: { cnpj: string; senha: string; pessoas: Record<Q, Pessoa>; comSessao: readonly Q[]; escopoNoRelogio?: boolean },
) {
  const contas = {} as Record<Q, { id: string; nome: string; email: string }>;
  for (const [quem, p] of Object.entries(o.pessoas) as [Q, Pessoa][]) {
    const email = `${quem}.${randomUUID().slice(0, 6)}@rito.test`;
    const u = await criarUsuario(w.db, { nome: p.nome, email, papeis: p.papeis as never, unidade: p.unidade, senha: o.senha }, 'teste');
    contas[quem] = { id: u.id, nome: p.nome, email };
    if (p.papeis.includes('representante')) {
      await criarRepresentacao(
        w.db,
        { usuarioId: u.id, cnpj: o.cnpj, nome: 'Colégio Exemplo', tipo: 'representante-legal', inicio: new Date(Date.now() - 365 * 86_400_000), fim: null, documento: null },
        'teste',
      );
    }
  }
  const relogio = () => w.env.currentTimeMs();
  const autenticador = createAutenticador(w.db, o.escopoNoRelogio ? relogio : undefined);
  const app = await buildApp({ db: w.db, temporal: w.env.client, taskQueue: w.taskQueue, autenticador, relogio });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const sessoes = {} as Record<Q, { cookie: string; csrf: string }>;
  for (const quem of o.comSessao) {
    const res = await fetch(`${baseUrl}/v1/sessoes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: contas[quem].email, senha: o.senha }) });
    expect(res.status).toBe(201);
    const cookie = /rito_sessao=([^;]*)/.exec(res.headers.getSetCookie().join('\n'))![1]!;
    sessoes[quem] = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  /** A request to the API with `como`'s session (and its CSRF token when there is a body). */
  async function api(metodo: string, caminho: string, como: Q, corpo?: unknown, cabecalhos: Record<string, string> = {}) {
    const s = sessoes[como];
    const res = await fetch(baseUrl + caminho, {
      method: metodo,
      headers: { cookie: `rito_sessao=${s.cookie}`, ...(corpo === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': s.csrf }), ...cabecalhos },
      body: corpo === undefined ? undefined : JSON.stringify(corpo),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  return { app, baseUrl, contas, sessoes, api };
}
