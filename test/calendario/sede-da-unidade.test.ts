/**
 * Whose calendar counts (issue 11; DOMAIN prazos rule 10; Lei 9.784/1999
 * art. 66 § 1): every prazo of a process counts on the seat of its unit, not
 * on the school's município. Two units seated in different municípios, two
 * processes whose schools are both in Rio de Janeiro: a day without
 * expediente in the seat of the first unit moves the prazo of its process and
 * leaves the other's alone.
 *
 * Real time, through the API and the worker on the dev server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcularPrazo } from '../../rules/prazos';
import { CHECKLISTS_VISTORIA } from '../../rules/vistoria/checklists';
import { eventually } from '../support/eventualmente';

/** Waits until `ok(f())`. */
const eventualmente = <T>(f: () => Promise<T>, ok: (v: T) => boolean, _o: { rotulo: string }) =>
  eventually(async () => {
    const v = await f();
    return ok(v) ? v : undefined;
  }, 30_000);
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const RIO = '3304557';
const NITEROI = '3303302';
const PETROPOLIS = '3303906';
const UNIDADE_NITEROI = 'TESTE SEDE NITEROI';
const UNIDADE_PETROPOLIS = 'TESTE SEDE PETROPOLIS';

let sys: TestSystem;
let admin: Conta, representante: Conta, inspetorN: Conta, inspetorP: Conta;

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, representante, inspetorN, inspetorP] = await Promise.all([
    sys.conta({ papeis: ['administrador'] }),
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ papeis: ['inspetor'], unidade: UNIDADE_NITEROI }),
    sys.conta({ papeis: ['inspetor'], unidade: UNIDADE_PETROPOLIS }),
  ]);
  for (const [chave, sigla, municipio, nome] of [
    [UNIDADE_NITEROI, 'COOIE-TESTESEDENITEROI', NITEROI, 'Niterói'],
    [UNIDADE_PETROPOLIS, 'COOIE-TESTESEDEPETROPOLIS', PETROPOLIS, 'Petrópolis'],
  ]) {
    const r = await sys.request('POST', '/v1/unidades', {
      as: admin,
      body: { chave, nome: `Coordenadoria de teste ${nome}`, sigla, tipo: 'cooie', sede: { municipio, nome }, fonte: 'teste' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(async () => {
  await sys?.stop();
});

/** Opens a vistoria for `unidade` (school in Rio) and drives it into the 10 dias of the exigências de forma. */
export async function processoComPrazo(sys: TestSystem, representante: Conta, inspetor: Conta, unidade: string, codigoInep: string) {
  const aberto = await sys.request('POST', '/v1/processos', {
    as: representante,
    body: {
      tipo: 'apostilamento-endereco',
      instituicao: {
        cnpj: CNPJ,
        codigoInep,
        nome: 'Colégio Exemplo',
        municipio: RIO,
        endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
      },
      unidade,
      requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
    },
  });
  expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
  const id = aberto.body.id as string;
  const agir = async (acao: string, como: Conta, body: unknown) => {
    const r = await sys.request('POST', `/v1/processos/${id}/vistoria/${acao}`, { as: como, body, headers: { 'idempotency-key': `${acao}-${randomUUID()}` } });
    expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  await agir('autuar', inspetor, { numeroSei: `SEI-0300${codigoInep.slice(-2)}/016815/2026` });
  await agir('registrar-exigencias-forma', inspetor, {
    // The análise de forma applied item by item (every item met), plus one exigência of its own.
    checklist: CHECKLISTS_VISTORIA['apostilamento-endereco'].documentos.map((i) => ({ codigo: i.codigo, situacao: i.condicao ? 'nao-se-aplica' : 'conforme' })),
    exigencias: [
      {
        codigo: 'laudo-seguranca',
        descricao: 'Apresentar laudo técnico de segurança e acessibilidade do imóvel anexado',
        motivacao: 'O laudo apresentado não abrange o imóvel contíguo que se pretende anexar.',
        baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
        natureza: 'documental',
      },
    ],
  });
  await agir('tomar-ciencia', representante, {});
  const prazo = await eventualmente(
    () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', id).executeTakeFirst(),
    (p) => p?.situacao === 'aberto',
    { rotulo: 'prazo aberto' },
  );
  return { id, prazo: prazo! };
}

describe('o calendário da sede da unidade', () => {
  it('conta o prazo na sede da unidade; um dia sem expediente na sede move só o prazo dos processos dessa unidade', async () => {
    const inep = () => `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const n = await processoComPrazo(sys, representante, inspetorN, UNIDADE_NITEROI, inep());
    const p = await processoComPrazo(sys, representante, inspetorP, UNIDADE_PETROPOLIS, inep());
    // The school is in Rio; the prazo is counted where the unit sits.
    expect(n.prazo).toMatchObject({ uf: 'RJ', municipio: NITEROI, unidade: UNIDADE_NITEROI });
    expect(p.prazo).toMatchObject({ uf: 'RJ', municipio: PETROPOLIS, unidade: UNIDADE_PETROPOLIS });

    // Derivation: a day without expediente decreed for Niterói on the prazo's last day moves it to the next
    // business day there (rule 3); the engine is asked with the same data, so the expected limit is the law's.
    const dia = { data: n.prazo.vencimento, escopo: 'municipio' as const, municipio: NITEROI, motivo: 'Suspensão do expediente no município', atoLegal: 'Decreto Municipal 1/2026 (teste)' };
    const esperado = calcularPrazo({ ciencia: n.prazo.ciencia, dias: 10, local: { uf: 'RJ', municipio: NITEROI }, diasDecretados: [dia] });
    expect(esperado.vencimento > n.prazo.vencimento).toBe(true);
    const r = await sys.request('POST', '/v1/calendario/decretados', { as: admin, body: dia });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.processos).toContain(n.id);
    expect(r.body.processos).not.toContain(p.id);
    await eventualmente(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', n.id).executeTakeFirstOrThrow(),
      (x) => x.vencimento === esperado.vencimento,
      { rotulo: 'prazo da unidade de Niterói movido' },
    );
    const outro = await sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow();
    expect(outro.vencimento).toBe(p.prazo.vencimento);
    expect(outro.versao).toBe(p.prazo.versao);
  });
});
