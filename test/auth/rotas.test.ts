/**
 * Who may call what, for every route the API has.
 *
 * Generic part, derived from the OpenAPI document (so it covers routes added
 * later without editing this file): every protected operation refuses an
 * anonymous caller (401) and a caller whose roles are not in its `x-papeis`
 * (403); every unsafe one refuses a cookie session without the CSRF token
 * (403); every operation under /v1/processos/{id} answers 404 to a caller of
 * an allowed role whose scope does not include the process (a representante of
 * another institution, an inspetor of another COOIE).
 *
 * Explicit part: the right caller succeeds, route by route, for the routes of
 * accounts, administration, audit and processes (the table must name every one
 * of them); routes of other areas (prazos, calendário, the vistoria rite…) get
 * the generic checks here and their success cases in their own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { type Conta, type Credencial, startTestSystem, type TestSystem } from '../support/system';

const CNPJ_A = '11222333000181';
const CNPJ_B = '11444777000161';

const abertura = (cnpj: string, codigoInep: string, unidade: string) => ({
  tipo: 'apostilamento-endereco',
  instituicao: {
    cnpj,
    codigoInep,
    nome: `Escola ${cnpj}`,
    endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
  },
  unidade,
  requerente: { nome: 'Requerente', cpf: '529.982.247-25', email: 'req@example.org' },
});

let sys: TestSystem;
let admin: Conta, supervisor: Conta, coogie: Conta, inspetor: Conta, inspetorNorte: Conta, repA: Conta, repB: Conta, membro: Conta, membroB: Conta, sair: Conta;
let chaveSistema: Credencial;
let processoA: string, processoB: string;
let alvo: { usuario: string; representacao: string; chave: string };

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, supervisor, coogie, inspetor, inspetorNorte, repA, repB] = await Promise.all([
    sys.conta({ papeis: ['administrador'] }),
    sys.conta({ papeis: ['supervisor'] }),
    sys.conta({ papeis: ['coogie'] }),
    sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
    sys.conta({ papeis: ['inspetor'], unidade: 'NORTE FLUMINENSE' }),
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ_A] }),
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ_B] }),
  ]);
  chaveSistema = { chave: (await sys.chave({ papeis: ['sistema'] })).chave };
  const a = await sys.request('POST', '/v1/processos', { as: repA, body: abertura(CNPJ_A, '33000001', 'METROPOLITANA I') });
  const b = await sys.request('POST', '/v1/processos', { as: repB, body: abertura(CNPJ_B, '33000002', 'NORTE FLUMINENSE') });
  expect([200, 201], JSON.stringify(a.body)).toContain(a.status);
  expect([200, 201], JSON.stringify(b.body)).toContain(b.status);
  processoA = a.body.id;
  processoB = b.body.id;
  membro = await sys.conta({ papeis: ['comissao'], unidade: 'METROPOLITANA I', comissoes: [processoA] });
  membroB = await sys.conta({ papeis: ['comissao'], unidade: 'NORTE FLUMINENSE', comissoes: [processoB] });
  sair = await sys.conta({ papeis: ['coogie'] });

  // Objects for the admin routes to act on.
  const rep = await sys.criarConta({ papeis: ['representante'] });
  const r = await sys.request('POST', `/v1/usuarios/${rep.id}/representacoes`, {
    as: admin,
    body: { instituicao: { cnpj: CNPJ_A, nome: 'Escola A' }, tipo: 'procurador' },
  });
  expect(r.status).toBe(201);
  alvo = { usuario: rep.id, representacao: r.body.id, chave: (await sys.chave({ papeis: ['supervisor'] })).id };
}, 180_000);

afterAll(async () => {
  await sys?.stop();
});

interface Caso {
  metodo: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document. */
  rota: string;
  url: () => string;
  body?: () => unknown;
  certo: () => Credencial;
  sucesso: number;
  /** A caller whose roles the route does not accept (none when the route accepts every role). */
  errado: (() => Credencial) | null;
  /** A representante of another institution, for routes that take a process id. */
  foraDoEscopo?: () => { como: Credencial; url: string };
}

let n = 0;
const CASOS: Caso[] = [
  // contas
  { metodo: 'GET', rota: '/v1/eu', url: () => '/v1/eu', certo: () => repA, sucesso: 200, errado: null },
  // The caller's own calendar feed (api/agenda): created, then revoked, by the same person.
  { metodo: 'GET', rota: '/v1/eu/agenda', url: () => '/v1/eu/agenda', certo: () => repA, sucesso: 200, errado: null },
  { metodo: 'POST', rota: '/v1/eu/agenda', url: () => '/v1/eu/agenda', certo: () => repA, sucesso: 201, errado: null },
  { metodo: 'DELETE', rota: '/v1/eu/agenda', url: () => '/v1/eu/agenda', certo: () => repA, sucesso: 204, errado: null },
  // processos
  {
    metodo: 'POST',
    rota: '/v1/processos',
    url: () => '/v1/processos',
    body: () => abertura(CNPJ_A, `3310000${++n}`, 'METROPOLITANA I'),
    certo: () => repA,
    sucesso: 201, // a new school each time
    errado: () => supervisor,
  },
  {
    metodo: 'GET',
    rota: '/v1/processos/{id}',
    url: () => `/v1/processos/${processoA}`,
    certo: () => repA,
    sucesso: 200,
    errado: () => chaveSistema,
    foraDoEscopo: () => ({ como: repA, url: `/v1/processos/${processoB}` }),
  },
  { metodo: 'GET', rota: '/v1/processos', url: () => '/v1/processos', certo: () => repA, sucesso: 200, errado: () => chaveSistema },
  // administração
  {
    metodo: 'POST',
    rota: '/v1/usuarios',
    url: () => '/v1/usuarios',
    body: () => ({ nome: 'Nova Pessoa', email: `nova${++n}@rito.test`, papeis: ['coogie'], enviarConvite: false }),
    certo: () => admin,
    sucesso: 201,
    errado: () => supervisor,
  },
  { metodo: 'GET', rota: '/v1/usuarios', url: () => '/v1/usuarios', certo: () => admin, sucesso: 200, errado: () => coogie },
  { metodo: 'GET', rota: '/v1/usuarios/{id}', url: () => `/v1/usuarios/${alvo.usuario}`, certo: () => admin, sucesso: 200, errado: () => repA },
  {
    metodo: 'PATCH',
    rota: '/v1/usuarios/{id}',
    url: () => `/v1/usuarios/${alvo.usuario}`,
    body: () => ({ nome: `Nome ${++n}` }),
    certo: () => admin,
    sucesso: 200,
    errado: () => inspetor,
  },
  {
    metodo: 'POST',
    rota: '/v1/usuarios/{id}/representacoes',
    url: () => `/v1/usuarios/${alvo.usuario}/representacoes`,
    body: () => ({ instituicao: { cnpj: CNPJ_B, nome: 'Escola B' }, tipo: 'representante-legal', inicio: '2026-01-01' }),
    certo: () => admin,
    sucesso: 201,
    errado: () => repA,
  },
  {
    metodo: 'PATCH',
    rota: '/v1/representacoes/{id}',
    url: () => `/v1/representacoes/${alvo.representacao}`,
    body: () => ({ fim: '2099-12-31' }),
    certo: () => admin,
    sucesso: 200,
    errado: () => coogie,
  },
  {
    metodo: 'POST',
    rota: '/v1/chaves-api',
    url: () => '/v1/chaves-api',
    body: () => ({ nome: 'Sistema escolar', papeis: ['representante'], instituicoes: [CNPJ_A] }),
    certo: () => admin,
    sucesso: 201,
    errado: () => supervisor,
  },
  { metodo: 'GET', rota: '/v1/chaves-api', url: () => '/v1/chaves-api', certo: () => admin, sucesso: 200, errado: () => inspetorNorte },
  { metodo: 'DELETE', rota: '/v1/chaves-api/{id}', url: () => `/v1/chaves-api/${alvo.chave}`, certo: () => admin, sucesso: 204, errado: () => supervisor },
  // auditoria
  { metodo: 'GET', rota: '/v1/auditoria', url: () => '/v1/auditoria', certo: () => supervisor, sucesso: 200, errado: () => admin },
  // last: it ends the caller's session
  { metodo: 'DELETE', rota: '/v1/sessoes/atual', url: () => '/v1/sessoes/atual', certo: () => sair, sucesso: 204, errado: null },
];

/** Routes open to anonymous callers, by design. */
const PUBLICAS = [
  'POST /v1/sessoes',
  'POST /v1/senhas/redefinicao',
  'POST /v1/senhas/redefinicao/{token}',
  // The Sistema Presença's pré-cadastro (api/habilitacoes): asked before an account exists; the e-mail's link is the requerente's credential.
  'GET /v1/habilitacoes/perfis',
  'POST /v1/habilitacoes',
  'GET /v1/habilitacoes/{id}/acompanhamento',
  'POST /v1/habilitacoes/{id}/reenvio',
  // The external user's own credenciamento (api/credenciamentos): before he has an account, the e-mail's link is his credential.
  'GET /v1/credenciamentos/termo',
  'POST /v1/credenciamentos',
  'GET /v1/credenciamentos/{id}/acompanhamento',
  'POST /v1/credenciamentos/{id}/reenvio',
];

/** Operations whose success cases live in this file: accounts, administration, audit, and the process routes themselves. */
const DESTE_ARQUIVO = /^[A-Z]+ \/v1\/(eu|sessoes|senhas|usuarios|representacoes|chaves-api|auditoria)(\/|$)|^[A-Z]+ \/v1\/processos(\/\{id\})?$/;

interface Operacao {
  metodo: string;
  rota: string;
  papeis: string[];
  security: unknown[];
}

async function operacoes(): Promise<Operacao[]> {
  const doc = (await sys.request('GET', '/docs/json')).body;
  return Object.entries(doc.paths as Record<string, Record<string, { 'x-papeis'?: string[]; security?: unknown[] }>>)
    .filter(([p]) => p.startsWith('/v1/'))
    .flatMap(([rota, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ metodo: m.toUpperCase(), rota, papeis: op['x-papeis'] ?? [], security: op.security ?? [] })),
    );
}

const urlDe = (rota: string) => rota.replace('{id}', processoA).replace(/\{[^}]+\}/g, 'x');

describe('the OpenAPI document as the list of routes', () => {
  it('has every protected route: one hidden from it stops the API at start-up', async () => {
    const app = await buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    await expect(
      (async () => {
        app.get('/v1/escondida', { config: { papeis: ['supervisor'], auditoria: { dadosPessoais: false } }, schema: { hide: true } }, async () => ({}));
        await app.ready();
      })(),
    ).rejects.toThrow(/fora do documento OpenAPI/);
    await app.close().catch(() => {});
  });
});

describe('generic: every protected /v1 operation in the OpenAPI document', () => {
  // Callers by role; a caller is "wrong" for an operation when none of its roles is in x-papeis.
  const chamadores = (): [string[], Credencial][] => [
    [['administrador'], admin],
    [['supervisor'], supervisor],
    [['coogie'], coogie],
    [['inspetor'], inspetor],
    [['representante'], repA],
    [['comissao'], membro],
    [['sistema'], chaveSistema],
  ];
  // Callers of each role whose scope does not include processoA.
  const foraDoEscopoDeA = (): [string, Credencial][] => [
    ['representante', repB],
    ['inspetor', inspetorNorte],
    ['comissao', membroB],
  ];

  it('declares the security schemes, and per operation the credentials and roles it accepts', async () => {
    const doc = (await sys.request('GET', '/docs/json')).body;
    expect(doc.components.securitySchemes).toMatchObject({
      sessao: { type: 'apiKey', in: 'cookie', name: 'rito_sessao' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      chaveApi: { type: 'http', scheme: 'bearer' },
      chaveApiCabecalho: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    for (const [rota, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-papeis': string[]; security: unknown[]; description: string }>>)) {
      if (!rota.startsWith('/v1/')) continue;
      for (const [metodo, op] of Object.entries(ops)) {
        const nome = `${metodo.toUpperCase()} ${rota}`;
        if (PUBLICAS.includes(nome)) {
          expect(op.security, nome).toEqual([]);
          expect(op.description, nome).toMatch(/^\*\*Pública\*\*/);
          continue;
        }
        expect(op.description, nome).toMatch(new RegExp(`^\\*\\*Perfis:\\*\\* ${op['x-papeis'].join(', ')}\\.`));
        expect(op.security[0], nome).toEqual(metodo === 'get' ? { sessao: [] } : { sessao: [], csrf: [] });
        const aceitaChave = op['x-papeis'].some((p) => p !== 'administrador');
        expect(op.security.slice(1), nome).toEqual(aceitaChave ? [{ chaveApi: [] }, { chaveApiCabecalho: [] }] : []);
      }
    }
    expect(doc.paths['/v1/processos'].post['x-papeis']).toEqual(['representante', 'inspetor', 'administrador']);
    expect(doc.paths['/v1/auditoria'].get['x-papeis']).toEqual(['supervisor']);
    expect(doc.paths['/v1/usuarios'].post['x-papeis']).toEqual(['administrador']);
  });

  it('declares its roles (x-papeis) and is refused to anonymous callers (401)', async () => {
    const ops = await operacoes();
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) {
      if (PUBLICAS.includes(`${op.metodo} ${op.rota}`)) {
        expect(op.papeis, `${op.metodo} ${op.rota}`).toEqual([]);
        continue;
      }
      expect(op.papeis.length, `${op.metodo} ${op.rota} sem x-papeis`).toBeGreaterThan(0);
      const r = await sys.request(op.metodo, urlDe(op.rota), { body: op.metodo === 'GET' ? undefined : {} });
      expect(r.status, `${op.metodo} ${op.rota} anônimo`).toBe(401);
    }
  });

  it('is refused (403) to every caller whose roles are not in x-papeis', async () => {
    let verificadas = 0;
    for (const op of await operacoes()) {
      if (!op.papeis.length) continue;
      for (const [papeis, como] of chamadores()) {
        if (papeis.some((p) => op.papeis.includes(p))) continue;
        const r = await sys.request(op.metodo, urlDe(op.rota), { as: como, body: op.metodo === 'GET' ? undefined : {} });
        expect(r.status, `${op.metodo} ${op.rota} como ${papeis}`).toBe(403);
        expect(r.body.erro.codigo).toBe('sem-permissao');
        verificadas++;
      }
    }
    expect(verificadas).toBeGreaterThan(20);
  });

  it('refuses a cookie session without the CSRF token (403) on unsafe methods', async () => {
    for (const op of await operacoes()) {
      if (!op.papeis.length || op.metodo === 'GET') continue;
      const chamador = chamadores().find(([papeis]) => papeis.some((p) => op.papeis.includes(p)) && !papeis.includes('sistema'));
      // A route only API keys may call (the lotes: papel sistema) has no session to forge a request with.
      if (!chamador) continue;
      const [, como] = chamador;
      const r = await sys.request(op.metodo, urlDe(op.rota), { as: como, body: {}, csrf: false });
      expect(r.status, `${op.metodo} ${op.rota} sem CSRF`).toBe(403);
      expect(r.body.erro.codigo).toBe('csrf');
    }
  });

  it('answers 404 under /v1/processos/{id} to an allowed role whose scope lacks the process', async () => {
    let verificadas = 0;
    for (const op of await operacoes()) {
      if (!op.rota.startsWith('/v1/processos/{id}')) continue;
      // Operations only central roles may call (coogie, supervisor…) have no caller outside scope.
      const candidatos = foraDoEscopoDeA().filter(([papel]) => op.papeis.includes(papel));
      for (const [papel, como] of candidatos) {
        const r = await sys.request(op.metodo, urlDe(op.rota), { as: como, body: op.metodo === 'GET' ? undefined : {} });
        expect(r.status, `${op.metodo} ${op.rota} como ${papel} de fora`).toBe(404);
        expect(r.body.erro.codigo).toBe('nao-encontrado');
        verificadas++;
      }
      // A process that does not exist looks the same.
      const [, como] = candidatos[0] ?? chamadores().find(([papeis]) => papeis.some((p) => op.papeis.includes(p)) && !papeis.includes('sistema'))!;
      const inexistente = await sys.request(op.metodo, op.rota.replace('{id}', 'nao-existe'), { as: como, body: op.metodo === 'GET' ? undefined : {} });
      expect(inexistente.status).toBe(404);
    }
    expect(verificadas).toBeGreaterThan(0);
  });
});

describe('every route declares and enforces who may call it', () => {
  it('has a case here for every /v1 operation in the OpenAPI document', async () => {
    const todas = (await operacoes()).map((o) => `${o.metodo} ${o.rota}`).filter((o) => DESTE_ARQUIVO.test(o) || PUBLICAS.includes(o));
    const cobertas = [...CASOS.map((c) => `${c.metodo} ${c.rota}`), ...PUBLICAS].sort();
    expect(cobertas).toEqual(todas.sort());
  });

  for (const caso of CASOS) {
    describe(`${caso.metodo} ${caso.rota}`, () => {
      it('refuses an anonymous caller with 401', async () => {
        const r = await sys.request(caso.metodo, caso.url(), { body: caso.body?.() });
        expect(r.status).toBe(401);
        expect(r.body.erro.codigo).toBe('nao-autenticado');
      });

      if (caso.errado) {
        it('refuses a caller of the wrong role with 403', async () => {
          const r = await sys.request(caso.metodo, caso.url(), { as: caso.errado!(), body: caso.body?.() });
          expect(r.status).toBe(403);
          expect(r.body.erro.codigo).toBe('sem-permissao');
        });
      }

      if (caso.metodo !== 'GET') {
        it('refuses a session write without the CSRF token with 403', async () => {
          const r = await sys.request(caso.metodo, caso.url(), { as: caso.certo(), body: caso.body?.(), csrf: false });
          expect(r.status).toBe(403);
          expect(r.body.erro.codigo).toBe('csrf');
          const errado = await sys.request(caso.metodo, caso.url(), {
            as: caso.certo(),
            body: caso.body?.(),
            csrf: false,
            headers: { 'x-csrf-token': 'x'.repeat(43) },
          });
          expect(errado.status).toBe(403);
        });
      }

      if (caso.foraDoEscopo) {
        it("answers 404 to a representante of another institution's process", async () => {
          const { como, url } = caso.foraDoEscopo!();
          const r = await sys.request(caso.metodo, url, { as: como, body: caso.body?.() });
          expect(r.status).toBe(404);
          expect(r.body.erro.codigo).toBe('nao-encontrado');
        });
      }

      it(`serves the right caller (${caso.sucesso})`, async () => {
        const r = await sys.request(caso.metodo, caso.url(), { as: caso.certo(), body: caso.body?.() });
        expect(r.status, JSON.stringify(r.body)).toBe(caso.sucesso);
      });
    });
  }
});

describe('process scope', () => {
  it("keeps each internal user to its unit and each membro de comissão to the processes its Ordem de Serviço names", async () => {
    const ver = async (como: Credencial, id: string) => (await sys.request('GET', `/v1/processos/${id}`, { as: como })).status;
    expect(await ver(inspetor, processoA)).toBe(200);
    expect(await ver(inspetor, processoB)).toBe(404);
    expect(await ver(inspetorNorte, processoB)).toBe(200);
    expect(await ver(inspetorNorte, processoA)).toBe(404);
    expect(await ver(repB, processoB)).toBe(200);
    expect(await ver(repB, processoA)).toBe(404);
    for (const central of [coogie, supervisor, admin]) {
      expect(await ver(central, processoA)).toBe(200);
      expect(await ver(central, processoB)).toBe(200);
    }
    const m = await sys.conta({ papeis: ['comissao'], unidade: 'METROPOLITANA I', comissoes: [processoA] });
    expect(await ver(m, processoA)).toBe(200);
    expect(await ver(m, processoB)).toBe(404);
    const lista = await sys.request('GET', '/v1/processos', { as: m });
    expect(lista.body.itens.map((p: { id: string }) => p.id)).toEqual([processoA]);
  });

  it('answers 404, not 403, for ids that do not exist, so that ids leak nothing', async () => {
    const r = await sys.request('GET', '/v1/processos/apostilamento-endereco-00000000000000-00000000-1', { as: repA });
    expect(r.status).toBe(404);
    expect((await sys.request('GET', '/v1/usuarios/nao-existe', { as: admin })).status).toBe(404);
    expect((await sys.request('PATCH', '/v1/representacoes/nao-existe', { as: admin, body: { fim: null } })).status).toBe(404);
    expect((await sys.request('DELETE', '/v1/chaves-api/nao-existe', { as: admin })).status).toBe(404);
  });

  it("refuses to open a process for another institution's CNPJ", async () => {
    const r = await sys.request('POST', '/v1/processos', { as: repA, body: abertura(CNPJ_B, '33000009', 'NORTE FLUMINENSE') });
    expect(r.status).toBe(403);
    expect(r.body.erro.codigo).toBe('fora-do-escopo');
    const insp = await sys.request('POST', '/v1/processos', { as: inspetor, body: abertura(CNPJ_B, '33000010', 'NORTE FLUMINENSE') });
    expect(insp.status).toBe(403);
  });
});
