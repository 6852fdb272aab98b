/**
 * A vistoria driven into a running prazo through the API, for calendar tests:
 * opened by the representante for `unidade` (the school in Rio de Janeiro),
 * autuada, exigências de forma registered (the checklist all met, one
 * exigência of its own) and the representante's ciência: the 10 dias
 * improrrogáveis run. Returns the process id and its prazo's read-model row.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { CHECKLISTS_VISTORIA } from '../../rules/vistoria/checklists';
import { eventually } from './eventualmente';
import type { Conta, TestSystem } from './system';

const RIO = '3304557';

/** Waits (30 s at most) until `ok(f())`, and returns that value; `rotulo` says what was awaited. */
export function eventualmente<T>(f: () => Promise<T>, ok: (v: T) => boolean, _o: { rotulo: string }): Promise<T> {
  return eventually(async () => {
    const v = await f();
    return ok(v) ? v : undefined;
  }, 30_000);
}

export async function processoComPrazo(sys: TestSystem, representante: Conta, inspetor: Conta, unidade: string, codigoInep: string, cnpj = '11222333000181') {
  const aberto = await sys.request('POST', '/v1/processos', {
    as: representante,
    body: {
      tipo: 'apostilamento-endereco',
      instituicao: {
        cnpj,
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
  await agir('autuar', inspetor, { numeroSei: `SEI-${codigoInep.slice(-6)}/016815/2026` });
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
  const prazo = await eventually(async () => {
    const p = await sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', id).executeTakeFirst();
    return p?.situacao === 'aberto' ? p : undefined;
  }, 30_000);
  return { id, prazo };
}

