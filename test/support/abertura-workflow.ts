/**
 * The abertura a workflow test starts a process with, as the API would build it:
 * the same school for every test (CNPJ of the fixtures), a school code drawn at
 * random so that each process has its own workflow id, the METROPOLITANA I unit.
 */
import type { AberturaProcesso } from '../../workflows/processo/definitions';

export const CNPJ_TESTE = '11222333000181';

export function aberturaDeTeste(tipo: string, abertoPor: string): AberturaProcesso {
  const codigoInep = String(33000000 + Math.floor(Math.random() * 999_999));
  return {
    id: `${tipo}-${CNPJ_TESTE}-${codigoInep}-1`,
    tipo,
    chave: `${tipo}:${CNPJ_TESTE}:${codigoInep}`,
    ordinal: 1,
    instituicao: {
      cnpj: CNPJ_TESTE,
      codigoInep,
      nome: 'Colégio Exemplo',
      municipio: '3304557',
      endereco: { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
      mantenedora: 'Sociedade Educacional Exemplo Ltda.',
    },
    unidade: 'METROPOLITANA I',
    numeroSei: null,
    requerente: { nome: 'Maria Representante', cpf: '52998224725', email: 'maria@example.org' },
    abertoPor,
  };
}
