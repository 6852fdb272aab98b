/** Opening a process through the API as a test's user would: one body, the fields a test cares about given. */
import { expect } from 'vitest';
import type { Credencial, TestSystem } from './system';

export interface DadosAbertura {
  cnpj: string;
  codigoInep: string;
  tipo?: string;
  nomeEscola?: string;
  requerente?: { nome: string; cpf: string; email: string };
}

export function corpoAbertura(d: DadosAbertura) {
  return {
    tipo: d.tipo ?? 'apostilamento-endereco',
    instituicao: {
      cnpj: d.cnpj,
      codigoInep: d.codigoInep,
      nome: d.nomeEscola ?? 'Escola A',
      endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
    },
    unidade: 'METROPOLITANA I',
    requerente: d.requerente ?? { nome: 'Requerente', cpf: '529.982.247-25', email: 'req@example.org' },
  };
}

/** POST /v1/processos; fails the test unless 201. Returns the process id. */
export async function abrirProcesso(sys: TestSystem, como: Credencial, d: DadosAbertura): Promise<string> {
  const r = await sys.request('POST', '/v1/processos', { as: como, body: corpoAbertura(d) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
