/**
 * The real system for HTTP tests: the API listening on a loopback port, a worker
 * running rito's workflows on the Temporal dev server from the global setup, a
 * fresh PostgreSQL database, the production Autenticador, and a real SMTP
 * listener receiving the API's e-mails.
 *
 * Callers act as real accounts: `conta()` creates a user (with password, roles,
 * mandates) and logs in through POST /v1/sessoes; `chave()` creates an API key.
 * `request(..., { as })` then sends the session cookie (and the CSRF token on
 * unsafe methods) or the API key.
 */
import './temporal-log';
import { Client, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import type { Papel } from '../../api/auth/ator';
import { criarChaveApi } from '../../api/auth/chaves';
import { correioSmtp } from '../../api/contas/correio';
import { criarRepresentacao, criarUsuario, designarComissao, fimDe, inicioDe } from '../../api/contas/service';
import { lerChaves, gerarChave } from '../../config/chaves-temporal';
import { CodecCriptografia, conversorDeDados } from '../../runtime/codec';
import { createWorker } from '../../runtime/worker';
import { cacheDir } from '../../tooling/cache';
import { freshDatabase } from './database';
import { startSmtp } from './smtp';

/** How a test request authenticates: a logged-in account, an API key, or raw cookie/CSRF values. */
export interface Credencial {
  cookie?: string;
  csrf?: string;
  chave?: string;
}

export interface Conta extends Credencial {
  id: string;
  nome: string;
  email: string;
  senha: string;
  papeis: Papel[];
}

export interface Mandato {
  cnpj: string;
  nome?: string;
  tipo?: 'representante-legal' | 'procurador';
  /** YYYY-MM-DD or ISO instant; default: a year ago. */
  inicio?: string;
  /** YYYY-MM-DD or ISO instant; default: none. */
  fim?: string | null;
}

export interface NovaConta {
  papeis: Papel[];
  nome?: string;
  email?: string;
  senha?: string;
  unidade?: string | null;
  /** Institutions represented: a CNPJ (open mandate) or a mandate with dates. */
  instituicoes?: (string | Mandato)[];
  /** Processes whose Comissão names the account. */
  comissoes?: string[];
}

export interface Resposta {
  status: number;
  body: any;
  headers: Headers;
}

export interface TestSystem {
  baseUrl: string;
  databaseUrl: string;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  temporal: Client;
  /** The codec the worker and the API's client encrypt with (a key of this system only). */
  codec: CodecCriptografia;
  /** Origin the codec endpoint allows by CORS (the Temporal UI's, in a deployment). */
  origemUiTemporal: string;
  taskQueue: string;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  /** fetch against the API as the given caller (anonymous when omitted). csrf: false leaves out X-CSRF-Token. */
  request(method: string, path: string, opts?: { as?: Credencial; body?: unknown; headers?: Record<string, string>; csrf?: boolean }): Promise<Resposta>;
  /** Creates an account directly in the database (no audit, as a fixture). */
  criarConta(c: NovaConta): Promise<Omit<Conta, 'cookie' | 'csrf'>>;
  /** POST /v1/sessoes; throws unless 201. */
  entrar(email: string, senha: string): Promise<{ cookie: string; csrf: string; resposta: Resposta }>;
  /** criarConta + entrar. */
  conta(c: NovaConta): Promise<Conta>;
  /** An API key with the given scope. */
  chave(c: { papeis: Papel[]; unidade?: string | null; instituicoes?: string[]; nome?: string }): Promise<{ id: string; chave: string }>;
  stop(): Promise<void>;
}

/** The rito_sessao value from a response's Set-Cookie, or undefined. */
export function cookieDaResposta(headers: Headers): string | undefined {
  for (const c of headers.getSetCookie()) {
    const m = /^rito_sessao=([^;]*)/.exec(c);
    if (m) return m[1];
  }
  return undefined;
}

export interface OpcoesSistema {
  /** Temporal frontend the worker and the API use; the global setup's dev server when omitted. */
  temporalAddress?: string;
}

export async function startTestSystem(opcoes: OpcoesSistema = {}): Promise<TestSystem> {
  const database = await freshDatabase();
  const smtp = await startSmtp();
  const address = opcoes.temporalAddress ?? inject('temporalAddress');
  const taskQueue = `rito-test-${randomBytes(4).toString('hex')}`;
  // Every system encrypts what it sends to Temporal, as rito api and rito worker do (runtime/codec.ts).
  const codec = new CodecCriptografia(lerChaves(gerarChave(`teste-${randomBytes(3).toString('hex')}`)));
  const origemUiTemporal = 'http://127.0.0.1:8233';
  // The API's and the worker's e-mails (invitations, pedidos de habilitação) reach the same SMTP server.
  const correio = correioSmtp({ host: '127.0.0.1', port: smtp.port, from: 'rito <nao-responda@rito.test>' });
  const urlPublica = 'https://rito.test';
  const { worker, connection: workerConnection } = await createWorker({
    address,
    namespace: 'default',
    taskQueue,
    db: database.db,
    cacheDir: cacheDir(),
    log: () => {},
    codec,
    correio,
    urlPublica,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default', dataConverter: conversorDeDados(codec) });
  const app = await buildApp({
    db: database.db,
    temporal,
    taskQueue,
    autenticador: createAutenticador(database.db),
    correio,
    urlPublica,
    codecTemporal: { codec, namespace: 'default', origemUi: origemUiTemporal },
  });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  let contador = 0;

  const request: TestSystem['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = {};
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.as?.cookie) headers.cookie = `rito_sessao=${o.as.cookie}`;
    if (o.as?.csrf && o.csrf !== false && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = o.as.csrf;
    if (o.as?.chave) headers.authorization = `Bearer ${o.as.chave}`;
    Object.assign(headers, o.headers ?? {});
    const res = await fetch(baseUrl + path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const text = await res.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, body, headers: res.headers };
  };

  const criarConta: TestSystem['criarConta'] = async (c) => {
    const n = ++contador;
    const senha = c.senha ?? `senha-de-teste-${randomBytes(6).toString('hex')}`;
    const u = await criarUsuario(
      database.db,
      { nome: c.nome ?? `Pessoa ${n} (${c.papeis.join('+')})`, email: c.email ?? `pessoa${n}.${randomBytes(3).toString('hex')}@rito.test`, papeis: c.papeis, unidade: c.unidade ?? null, senha },
      'teste',
    );
    for (const m of c.instituicoes ?? []) {
      const mandato = typeof m === 'string' ? { cnpj: m } : m;
      await criarRepresentacao(
        database.db,
        {
          usuarioId: u.id,
          cnpj: mandato.cnpj,
          nome: mandato.nome ?? `Instituição ${mandato.cnpj}`,
          tipo: mandato.tipo ?? 'representante-legal',
          inicio: mandato.inicio ? inicioDe(mandato.inicio) : new Date(Date.now() - 365 * 86_400_000),
          fim: mandato.fim ? fimDe(mandato.fim) : null,
          documento: null,
        },
        'teste',
      );
    }
    for (const processoId of c.comissoes ?? []) {
      await designarComissao(database.db, { processoId, usuarioId: u.id, ordemServico: `OS ${n}/2026` }, 'teste');
    }
    return { id: u.id, nome: u.nome, email: u.email, senha, papeis: c.papeis };
  };

  const entrar: TestSystem['entrar'] = async (email, senha) => {
    const resposta = await request('POST', '/v1/sessoes', { body: { email, senha } });
    if (resposta.status !== 201) throw new Error(`login de ${email} falhou: ${resposta.status} ${JSON.stringify(resposta.body)}`);
    const cookie = cookieDaResposta(resposta.headers);
    if (!cookie) throw new Error('login sem cookie de sessão');
    return { cookie, csrf: resposta.body.csrfToken, resposta };
  };

  return {
    baseUrl,
    databaseUrl: database.url,
    db: database.db,
    temporal,
    codec,
    origemUiTemporal,
    taskQueue,
    smtp,
    request,
    criarConta,
    entrar,
    async conta(c) {
      const u = await criarConta(c);
      const { cookie, csrf } = await entrar(u.email, u.senha);
      return { ...u, cookie, csrf };
    },
    async chave(c) {
      return criarChaveApi(
        database.db,
        { nome: c.nome ?? `cliente ${++contador}`, papeis: c.papeis, unidade: c.unidade ?? null, instituicoes: c.instituicoes ?? [], expiraEm: null },
        'teste',
      );
    },
    async stop() {
      await app.close();
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await smtp.stop();
      await database.drop();
    },
  };
}
