/**
 * GET /v1/processos compiles its query once per shape (db/preparadas.ts,
 * compiladaPorForma) and puts each request's values in place: callers whose
 * queries share a shape (two inspetores of different units) must each get
 * their own values, and every filter must still filter. The expected pages are
 * computed here from the rows inserted, by the rule each filter states.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { COOKIE_SESSAO, criarSessao } from '../../api/auth/sessao';
import { compiladaPorForma } from '../../db/preparadas';
import { freshDatabase } from '../support/database';

const UNIDADES = ['METROPOLITANA I', 'METROPOLITANA II', 'SERRANA I'];
const CNPJS = ['11222333000181', '11444777000161', '45997418000153'];
const AGORA = Date.now();

interface Linha {
  id: string;
  unidade: string;
  instituicao_cnpj: string;
  fase: string;
  encerrado: boolean;
  prazo_limite: Date | null;
  tipo: string;
}

let banco: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;
const linhas: Linha[] = [];
const cookies = new Map<string, string>();

async function conta(id: string, papeis: string[], unidade: string | null, cnpjs: string[] = []) {
  await banco.db.insertInto('usuario').values({ id, email: `${id}@rito.test`, nome: id, senha_hash: null, papeis, unidade, matricula: null, cargo: null, tratamento: null, criado_por: 'teste' }).execute();
  for (const cnpj of cnpjs) {
    await banco.db
      .insertInto('representacao')
      .values({ id: `${id}-${cnpj}`, usuario_id: id, instituicao_cnpj: cnpj, instituicao_nome: 'Escola', tipo: 'representante-legal', inicio: new Date(AGORA - 86_400_000), fim: null, documento: null, criado_por: 'teste' })
      .execute();
  }
  cookies.set(id, (await criarSessao(banco.db, id, { ip: '127.0.0.1', userAgent: 'teste' })).token);
}

async function listar(quem: string, query = ''): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/v1/processos?limite=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await app.inject({ method: 'GET', url, cookies: { [COOKIE_SESSAO]: cookies.get(quem)! } });
    expect(r.statusCode, r.body).toBe(200);
    const corpo = r.json() as { itens: { id: string }[]; proximoCursor: string | null };
    ids.push(...corpo.itens.map((i) => i.id));
    cursor = corpo.proximoCursor;
  } while (cursor);
  return ids;
}

const esperado = (f: (l: Linha) => boolean) => linhas.filter(f).map((l) => l.id).sort();

beforeAll(async () => {
  banco = await freshDatabase();
  for (let i = 0; i < 60; i++) {
    linhas.push({
      id: `forma-${String(i).padStart(3, '0')}`,
      unidade: UNIDADES[i % 3],
      instituicao_cnpj: CNPJS[(i >> 1) % 3],
      fase: i % 4 === 0 ? 'exigencias' : 'analise',
      encerrado: i % 5 === 0,
      prazo_limite: i % 2 ? new Date(AGORA + i * 86_400_000) : null,
      tipo: 'apostilamento-endereco',
    });
  }
  await banco.db
    .insertInto('processo')
    .values(
      linhas.map((l, i) => ({
        ...l,
        chave: `forma:${i}`,
        ordinal: 1,
        instituicao_codigo_inep: String(33_000_000 + i),
        instituicao_nome: `Escola ${i}`,
        numero_sei: null,
        requerente_nome: 'Maria',
        requerente_cpf: '52998224725',
        requerente_email: 'maria@example.org',
        aberto_por: 'teste',
        instituicao_endereco: null,
        instituicao_municipio: null,
        mantenedora_nome: null,
        versao: 1,
      })),
    )
    .execute();
  await conta('insp-1', ['inspetor'], UNIDADES[0]);
  await conta('insp-2', ['inspetor'], UNIDADES[1]);
  await conta('rep-1', ['representante'], null, [CNPJS[0]]);
  await conta('rep-2', ['representante'], null, [CNPJS[1], CNPJS[2]]);
  await conta('sup', ['supervisor'], null);
  app = await buildApp({ db: banco.db, temporal: {} as never, taskQueue: 'formas', autenticador: createAutenticador(banco.db) } as never, {
    limites: { requisicoes: 1e6, anonimas: 1e6, janelaS: 60 },
  });
});
afterAll(async () => {
  await app?.close();
  await banco?.drop();
});

describe('the case list compiled once per shape', () => {
  it('gives callers of the same shape their own scope, in any order', async () => {
    const de1 = esperado((l) => l.unidade === UNIDADES[0]);
    const de2 = esperado((l) => l.unidade === UNIDADES[1]);
    expect(de1.length).toBeGreaterThan(0);
    expect(await listar('insp-1')).toEqual(de1);
    expect(await listar('insp-2')).toEqual(de2);
    expect(await listar('insp-1')).toEqual(de1);
    expect(await listar('rep-1')).toEqual(esperado((l) => l.instituicao_cnpj === CNPJS[0]));
    expect(await listar('rep-2')).toEqual(esperado((l) => l.instituicao_cnpj === CNPJS[1] || l.instituicao_cnpj === CNPJS[2]));
    expect(await listar('sup')).toEqual(esperado(() => true));
  });

  it('applies each filter, alone and together, with its own value each time', async () => {
    const limite = new Date(AGORA + 20 * 86_400_000);
    const casos: [string, string, (l: Linha) => boolean][] = [
      ['sup', '&fase=exigencias', (l) => l.fase === 'exigencias'],
      ['sup', '&fase=analise', (l) => l.fase === 'analise'],
      ['sup', '&encerrado=true', (l) => l.encerrado],
      ['sup', '&encerrado=false', (l) => !l.encerrado],
      ['sup', `&unidade=${encodeURIComponent(UNIDADES[2])}`, (l) => l.unidade === UNIDADES[2]],
      ['sup', `&cnpj=${CNPJS[1]}`, (l) => l.instituicao_cnpj === CNPJS[1]],
      ['sup', `&prazoAte=${encodeURIComponent(limite.toISOString())}`, (l) => l.prazo_limite !== null && l.prazo_limite <= limite],
      ['sup', '&tipo=apostilamento-endereco&fase=analise&encerrado=false', (l) => l.fase === 'analise' && !l.encerrado],
      ['insp-2', '&fase=exigencias&encerrado=false', (l) => l.unidade === UNIDADES[1] && l.fase === 'exigencias' && !l.encerrado],
      ['insp-1', '&fase=exigencias&encerrado=false', (l) => l.unidade === UNIDADES[0] && l.fase === 'exigencias' && !l.encerrado],
      ['rep-2', `&cnpj=${CNPJS[2]}`, (l) => l.instituicao_cnpj === CNPJS[2]],
      ['rep-1', `&cnpj=${CNPJS[2]}`, () => false],
    ];
    for (const [quem, query, filtro] of casos) expect(await listar(quem, query), `${quem} ${query}`).toEqual(esperado(filtro));
  });

  it('refuses a builder that puts a value anywhere but in a parameter', () => {
    expect(() =>
      compiladaPorForma(banco.db, 'teste', { x: 'a' }, (v) => banco.db.selectFrom('processo').select('id').where(sql.raw(`id = '${String(v.x)}'`) as never)),
    ).toThrow(/não virou parâmetro/);
  });
});
