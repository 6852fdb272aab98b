/**
 * The Cadastramento de Transferência de Mantença (seed 003; Del. CEE nº
 * 388/2020 arts. 24–25): the change of the company that maintains the school
 * (a new CNPJ) is authorised by the Conselho Estadual de Educação, outside
 * SEEDUC; "Após autorização do CEE, o processo será encaminhado para a
 * COOGIE, cadastrar esta transferência através de Publicação no DOERJ".
 * rito records the CEE's authorisation, the COOGIE publishes the edital, and
 * the institution's mantenedora changes from the publication on, its history
 * kept (activities/transferencia-mantenca.ts).
 *
 * Pure data: safe in workflow code.
 */
import { z } from 'zod';
import { dataCivil } from '../campos';
import { ATORES_CADASTRO, type AtorCadastro, PRAZO_TAREFA_CADASTRO, acoesDoRito, arquivosEnviados, publicacaoDoerj, textoCampo } from '../cadastros/definicao';
import { cnpjSchema, numeroSeiSchema } from '../identificadores/schemas';
import type { DefinicaoRito } from '../ritos/definicao';

export type FaseTransferencia = 'autorizacao' | 'cadastramento' | 'transferida' | 'recusada';
export type AtorTransferencia = Exclude<AtorCadastro, 'cooie'>;
type AcaoTransferencia = 'registrar-autorizacao-cee' | 'publicar-edital' | 'recusar';

export const DADOS_ACAO_TRANSFERENCIA = {
  'registrar-autorizacao-cee': z.object({
    /** The SEI process the CEE authorised in, forwarded to the COOGIE ("o processo será encaminhado para a COOGIE"). */
    numeroSei: numeroSeiSchema,
    /** 'Parecer CEE nº 45/2037', as the CEE's act names itself. */
    ato: textoCampo('ato de autorização do CEE', 5, 300),
    data: dataCivil.describe('data do ato do CEE'),
    novaMantenedora: z.object({ cnpj: cnpjSchema, nome: textoCampo('razão social da nova mantenedora', 3, 300) }),
    arquivos: arquivosEnviados,
  }),
  'publicar-edital': z.object({ publicacao: publicacaoDoerj }),
  /** The COOGIE finds no such authorisation, or one for another institution: it says why. */
  recusar: z.object({ motivo: textoCampo('motivo', 20, 5000) }),
} as const;

const ROTULOS: Record<AcaoTransferencia, readonly [string, AtorTransferencia]> = {
  'registrar-autorizacao-cee': ['Registrar a autorização do CEE para a transferência de mantença', 'representante-legal'],
  'publicar-edital': ['Publicar no DOERJ o edital de cadastramento da transferência', 'coogie'],
  recusar: ['Recusar o cadastramento, com o motivo', 'coogie'],
};

export const RITO_TRANSFERENCIA_MANTENCA: DefinicaoRito<FaseTransferencia, AcaoTransferencia, never, AtorTransferencia> = {
  codigo: 'transferencia-mantenca',
  rotulo: 'Cadastramento de Transferência de Mantença',
  faseInicial: 'autorizacao',
  fases: {
    autorizacao: { rotulo: 'Aguardando o registro da autorização do CEE', responsavel: 'representante-legal', aguardaPrazo: null, terminal: false },
    cadastramento: { rotulo: 'Autorização do CEE registrada — cadastramento pela COOGIE', responsavel: 'coogie', aguardaPrazo: null, terminal: false },
    transferida: { rotulo: 'Transferência de mantença cadastrada (edital publicado no DOERJ)', responsavel: null, aguardaPrazo: null, terminal: true },
    recusada: { rotulo: 'Cadastramento recusado pela COOGIE', responsavel: null, aguardaPrazo: null, terminal: true },
  },
  acoes: acoesDoRito(DADOS_ACAO_TRANSFERENCIA, ROTULOS, { 'registrar-autorizacao-cee': ['numero-sei-livre'] }),
  transicoes: [
    { de: 'autorizacao', acao: 'registrar-autorizacao-cee', para: 'cadastramento', nota: 'Del. CEE 388/2020 arts. 24–25' },
    { de: 'cadastramento', acao: 'publicar-edital', para: 'transferida', nota: 'seed 003: cadastrar esta transferência através de Publicação no DOERJ' },
    { de: 'cadastramento', acao: 'recusar', para: 'recusada' },
  ],
  prazos: {},
  atores: { 'representante-legal': ATORES_CADASTRO['representante-legal'], coogie: ATORES_CADASTRO.coogie, sistema: ATORES_CADASTRO.sistema },
  prazoTarefa: PRAZO_TAREFA_CADASTRO,
  mensagens: { acao: 'acaoTransferenciaMantenca', estado: 'estadoTransferenciaMantenca' },
};
