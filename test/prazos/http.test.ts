/**
 * The prazo calculations over HTTP, on the real system (test/support/system.ts),
 * over the shared case table (casos.ts): each case's `entrada` is the request
 * body as is, and the answer must be what was worked out by hand (conferir) and
 * exactly the engine's result — which is what `rito prazo … --json` prints
 * (cli.test.ts runs the same table through the CLI).
 *
 * This file's database has no decreed days: only those a case sends count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Conta, type Credencial, startTestSystem, type TestSystem } from '../support/system';
import { casos, type Caso } from './casos';
import { conferir, executar } from './executar';

const ROTA: Record<Caso['tipo'], string> = {
  calcular: '/v1/prazos/calculo',
  prorrogar: '/v1/prazos/prorrogacao',
  ciencia: '/v1/prazos/ciencia',
  visita: '/v1/prazos/visita',
  tempestivo: '/v1/prazos/tempestividade',
};

let sys: TestSystem;
let representante: Conta;
let inspetor: Conta;
let sistema: Credencial;

beforeAll(async () => {
  sys = await startTestSystem();
  [representante, inspetor] = await Promise.all([
    sys.conta({ papeis: ['representante'], instituicoes: ['11222333000181'] }),
    sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
  ]);
  sistema = { chave: (await sys.chave({ papeis: ['sistema'] })).chave };
});
afterAll(async () => {
  await sys?.stop();
});

describe.concurrent('POST /v1/prazos/* sobre a tabela de casos', () => {
  for (const caso of casos) {
    it(`${caso.id} (${caso.tipo})`, async () => {
      const r = await sys.request('POST', ROTA[caso.tipo], { as: representante, body: caso.entrada });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      conferir(r.body, caso.esperado);
      // The whole result, field for field: the engine's output is what the CLI prints with --json.
      expect(r.body).toEqual(JSON.parse(JSON.stringify(executar(caso))));
    });
  }
});

describe('exemplos do DOMAIN.md por HTTP', () => {
  it('ciência qua 02/09/2026, 5 dias → ter 08/09/2026 23:59:59', async () => {
    const r = await sys.request('POST', '/v1/prazos/calculo', { as: inspetor, body: { ciencia: '2026-09-02', dias: 5 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ vencimento: '2026-09-08', limite: '2026-09-08T23:59:59-03:00' });
    expect(r.body.naoUteis.map((n: { data: string }) => n.data)).toEqual(['2026-09-05', '2026-09-06', '2026-09-07']);
    expect(r.body.explicacao.join('\n')).toContain('regra 3');
  });
  it('ciência sex 09/10/2026, 3 dias úteis → qui 15/10/2026', async () => {
    const r = await sys.request('POST', '/v1/prazos/calculo', { as: sistema, body: { ciencia: '2026-10-09', dias: 3, uteis: true } });
    expect(r.status).toBe(200);
    expect(r.body.vencimento).toBe('2026-10-15');
  });
  it('comunicação sex 09/10/2026, 20 dias do primeiro dia útil seguinte → ter 03/11/2026', async () => {
    const r = await sys.request('POST', '/v1/prazos/calculo', {
      as: representante,
      body: { ciencia: '2026-10-09', dias: 20, contarDe: 'primeiro-dia-util', local: { uf: 'RJ' } },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ inicio: '2026-10-13', vencimentoNominal: '2026-11-01', vencimento: '2026-11-03' });
  });
  it('prorrogação recusada é resposta (200), com o motivo', async () => {
    const r = await sys.request('POST', '/v1/prazos/prorrogacao', { as: representante, body: { vencimento: '2026-09-22', dias: 10, prorrogavel: false } });
    expect(r.status).toBe(200);
    expect(r.body.concedida).toBe(false);
    expect(r.body.motivo).toContain('improrrogável');
  });
});

describe('entrada inválida: 400 com o caminho do campo e mensagem em português', () => {
  const casosErro: [string, string, unknown, string, RegExp][] = [
    ['data inexistente', '/v1/prazos/calculo', { ciencia: '2026-02-30', dias: 5 }, 'ciencia', /2026-02-30 não existe/],
    ['dias fora do intervalo', '/v1/prazos/calculo', { ciencia: '2026-09-02', dias: 0 }, 'dias', /número inteiro de dias entre 1 e 3650/],
    ['dias fracionário', '/v1/prazos/calculo', { ciencia: '2026-09-02', dias: 2.5 }, 'dias', /número inteiro/],
    ['dias como texto', '/v1/prazos/calculo', { ciencia: '2026-09-02', dias: 'cinco' }, 'dias', /número/i],
    ['ciência ausente', '/v1/prazos/calculo', { dias: 5 }, 'ciencia', /./],
    ['UF inexistente', '/v1/prazos/calculo', { ciencia: '2026-09-02', dias: 5, local: { uf: 'XX' } }, 'local.uf', /"XX" não é uma UF/],
    ['município de outra UF', '/v1/prazos/calculo', { ciencia: '2026-09-02', dias: 5, local: { uf: 'RJ', municipio: '3550308' } }, 'local.municipio', /não pertence à UF RJ/],
    ['contarDe inválido', '/v1/prazos/calculo', { ciencia: '2026-09-02', dias: 5, contarDe: 'ontem' }, 'contarDe', /dia-seguinte/],
    [
      'dia decretado sem ato legal',
      '/v1/prazos/calculo',
      { ciencia: '2026-09-02', dias: 5, diasDecretados: [{ data: '2026-09-08', escopo: 'nacional', motivo: 'x' }] },
      'diasDecretados.0.atoLegal',
      /./,
    ],
    [
      'dia decretado com data inválida',
      '/v1/prazos/calculo',
      { ciencia: '2026-09-02', dias: 5, diasDecretados: [{ data: '2026-13-01', escopo: 'nacional', motivo: 'x', atoLegal: 'y' }] },
      'diasDecretados.0.data',
      /2026-13-01/,
    ],
    [
      'dia decretado de escopo uf sem UF',
      '/v1/prazos/calculo',
      { ciencia: '2026-09-02', dias: 5, diasDecretados: [{ data: '2026-09-08', escopo: 'uf', motivo: 'x', atoLegal: 'y' }] },
      'diasDecretados.0.uf',
      /escopo "uf" exige/,
    ],
    ['pedido sem fuso', '/v1/prazos/prorrogacao', { vencimento: '2026-09-22', dias: 20, pedidoEm: '2026-09-20 10:00' }, 'pedidoEm', /não tem fuso/],
    ['abertura antes do envio', '/v1/prazos/ciencia', { envio: '2026-09-10', abertaEm: '2026-09-03T10:00:00-03:00' }, 'abertaEm', /a abertura/],
    ['aviso inválido', '/v1/prazos/visita', { aviso: 'amanhã' }, 'aviso', /./],
    // An instant as epoch milliseconds far past the calendar's years (contract fuzzing sent 6.4e16): refused by the engine, never a database error.
    ['envio fora do calendário', '/v1/prazos/ciencia', { envio: 6.423059073050446e16 }, 'envio', /fora dos anos cobertos pelo calendário/],
    ['aviso fora do calendário', '/v1/prazos/visita', { aviso: 1e15 }, 'aviso', /fora dos anos cobertos pelo calendário/],
    ['instante inválido', '/v1/prazos/tempestividade', { vencimento: '2026-09-08', em: 'agora' }, 'em', /"agora" não é um instante/],
    ['instante ausente', '/v1/prazos/tempestividade', { vencimento: '2026-09-08' }, 'em', /./],
  ];
  for (const [nome, rota, body, campo, mensagem] of casosErro) {
    it(`${nome} → ${campo}`, async () => {
      const r = await sys.request('POST', rota, { as: representante, body });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.erro.codigo).toBe('validacao');
      const c = r.body.erro.campos.find((x: { campo: string }) => x.campo === campo);
      expect(c, JSON.stringify(r.body.erro.campos)).toBeDefined();
      expect(c.mensagem).toMatch(mensagem);
    });
  }
  it('corpo que não é JSON → 400', async () => {
    const r = await sys.request('POST', '/v1/prazos/calculo', { as: sistema, headers: { 'content-type': 'application/json' }, body: undefined });
    expect(r.status).toBe(400);
  });
  it('ano fora do calendário → params.ano; UF inválida → query.uf', async () => {
    const a = await sys.request('GET', '/v1/calendario/1999', { as: representante });
    expect(a.status).toBe(400);
    expect(a.body.erro.campos[0]).toMatchObject({ campo: 'params.ano' });
    expect(a.body.erro.campos[0].mensagem).toMatch(/informe um ano entre 2010 e 2099/);
    const u = await sys.request('GET', '/v1/calendario/2026?uf=ZZ', { as: representante });
    expect(u.status).toBe(400);
    expect(u.body.erro.campos[0]).toMatchObject({ campo: 'query.uf' });
  });
});

describe('quem pode calcular', () => {
  it('anônimo → 401', async () => {
    for (const rota of Object.values(ROTA)) {
      const r = await sys.request('POST', rota, { body: { ciencia: '2026-09-02', dias: 5 } });
      expect(r.status, rota).toBe(401);
    }
    expect((await sys.request('GET', '/v1/calendario/2026')).status).toBe(401);
  });
  it('qualquer perfil autenticado, também chave de API de sistema; cálculos não entram na trilha de auditoria', async () => {
    for (const como of [representante, inspetor, sistema]) {
      const r = await sys.request('POST', '/v1/prazos/visita', { as: como, body: { aviso: '2026-09-02' } });
      expect(r.status).toBe(200);
      expect(r.body.data).toBe('2026-09-08');
    }
    const auditados = await sys.db.selectFrom('auditoria').select('acao').where('acao', 'like', 'prazo.%').execute();
    expect(auditados).toEqual([]);
  });
});

describe('GET /v1/calendario/{ano}', () => {
  it('dias não úteis de 2026 no Rio de Janeiro, com o motivo (como rito calendario listar --json)', async () => {
    const r = await sys.request('GET', '/v1/calendario/2026?municipio=3304557', { as: inspetor });
    expect(r.status).toBe(200);
    expect(r.body.ano).toBe(2026);
    expect(r.body.local).toEqual({ uf: 'RJ', municipio: '3304557' });
    expect(r.body.naoUteis.map((n: { data: string }) => n.data)).toEqual([
      '2026-01-01', '2026-01-20', '2026-02-17', '2026-04-03', '2026-04-21', '2026-04-23', '2026-05-01',
      '2026-09-07', '2026-10-12', '2026-11-02', '2026-11-20', '2026-12-25',
    ]);
    expect(r.body.naoUteis[1].motivo).toBe('Feriado municipal (Rio de Janeiro/RJ) — Dia de São Sebastião (Lei Municipal 1.271/1988)');
    expect(r.body.avisos).toEqual([]);
  });
  it('com finsDeSemana=true inclui sábados e domingos; sem município, avisa', async () => {
    const r = await sys.request('GET', '/v1/calendario/2026?finsDeSemana=true', { as: representante });
    expect(r.status).toBe(200);
    expect(r.body.naoUteis.find((n: { data: string }) => n.data === '2026-01-03').motivo).toBe('Sábado');
    expect(r.body.avisos.join(' ')).toContain('Município não informado');
  });
});

describe('documento OpenAPI', () => {
  it('descreve as rotas de prazos e calendário, com exemplos', async () => {
    const doc = (await sys.request('GET', '/docs/json')).body;
    for (const [rota, metodo] of [
      ['/v1/prazos/calculo', 'post'],
      ['/v1/prazos/prorrogacao', 'post'],
      ['/v1/prazos/ciencia', 'post'],
      ['/v1/prazos/visita', 'post'],
      ['/v1/prazos/tempestividade', 'post'],
      ['/v1/calendario/{ano}', 'get'],
      ['/v1/calendario/decretados', 'get'],
      ['/v1/calendario/decretados', 'post'],
      ['/v1/calendario/decretados/{id}', 'get'],
      ['/v1/calendario/decretados/{id}', 'delete'],
    ]) {
      expect(doc.paths[rota]?.[metodo], `${metodo} ${rota}`).toBeDefined();
      expect(doc.paths[rota][metodo]['x-papeis'].length).toBeGreaterThan(0);
    }
    const s = doc.components.schemas;
    expect(s.CalculoPrazoInput.example).toEqual({ ciencia: '2026-09-02', dias: 5, local: { uf: 'RJ' } });
    expect(s.ResultadoPrazo.example.vencimento).toBe('2026-09-08');
    expect(s.NovoDiaDecretadoInput.example.escopo).toBe('uf');
    expect(doc.paths['/v1/calendario/decretados'].post['x-papeis']).toEqual(['supervisor', 'administrador']);
    // The documented example answers as documented.
    const r = await sys.request('POST', '/v1/prazos/calculo', { as: representante, body: s.CalculoPrazoInput.example });
    expect(r.body.vencimento).toBe(s.ResultadoPrazo.example.vencimento);
  });
});
