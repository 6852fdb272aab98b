/**
 * A rite defined only here, to prove that the next rites cost a definition and
 * a few hooks: the nomination of a person (as a Sistema Presença coordinator
 * will be), with a prazo for the requerente to complete the request, expiry
 * that archives it, and the nomination ofício issued by the catalogue.
 * Imported by the test (API side: routes, validation) and by the test's
 * workflow bundle (./workflows.ts): each side registers the same definition.
 * Workflow code only: the test registers the ofício's builder on the activity side.
 */
import { z } from 'zod';
import { registrarTipoProcesso } from '../../rules/processos/tipos';
import type { DefinicaoRito } from '../../rules/ritos/definicao';
import type { EstadoRito } from '../../workflows/ritos/definitions';
import { registrarRitoCompleto } from '../../workflows/ritos/registro';

type Fase = 'requerimento' | 'complementacao' | 'analise' | 'nomeado' | 'arquivado';
type Acao = 'pedir-complementacao' | 'complementar' | 'expirar-prazo' | 'nomear' | 'arquivar';
type Ator = 'requerente' | 'orgao' | 'sistema';

export const TIPO_TESTE = 'nomeacao-teste';

export const RITO_TESTE: DefinicaoRito<Fase, Acao, 'complementacao', Ator> = {
  codigo: 'nomeacao-teste',
  rotulo: 'Nomeação (rito de teste)',
  faseInicial: 'requerimento',
  fases: {
    requerimento: { rotulo: 'Requerimento de nomeação recebido', responsavel: 'orgao', aguardaPrazo: null, terminal: false },
    complementacao: { rotulo: 'Complementação pedida — prazo de 5 dias úteis', responsavel: 'requerente', aguardaPrazo: 'complementacao', terminal: false },
    analise: { rotulo: 'Análise da complementação', responsavel: 'orgao', aguardaPrazo: null, terminal: false },
    nomeado: { rotulo: 'Nomeado', responsavel: null, aguardaPrazo: null, terminal: true },
    arquivado: { rotulo: 'Arquivado', responsavel: null, aguardaPrazo: null, terminal: true },
  },
  acoes: {
    'pedir-complementacao': { rotulo: 'Pedir complementação do requerimento', ator: 'orgao', schema: z.object({ pendencias: z.string().trim().min(10, 'descreva as pendências (ao menos 10 caracteres)') }) },
    complementar: { rotulo: 'Complementar o requerimento', ator: 'requerente', schema: z.object({ resposta: z.string().trim().min(1, 'resposta é obrigatória') }) },
    'expirar-prazo': { rotulo: 'Registrar o fim do prazo sem manifestação', ator: 'sistema', schema: z.object({}).strict() },
    nomear: {
      rotulo: 'Nomear o(a) coordenador(a)',
      ator: 'orgao',
      schema: z.object({ coordenador: z.object({ nome: z.string().min(3), email: z.email() }) }),
    },
    arquivar: { rotulo: 'Arquivar o requerimento', ator: 'orgao', schema: z.object({ motivo: z.string().min(10) }) },
  },
  transicoes: [
    { de: 'requerimento', acao: 'pedir-complementacao', para: 'complementacao' },
    { de: 'requerimento', acao: 'nomear', para: 'nomeado' },
    { de: 'complementacao', acao: 'complementar', para: 'analise' },
    { de: 'complementacao', acao: 'expirar-prazo', para: 'arquivado' },
    { de: 'analise', acao: 'nomear', para: 'nomeado' },
    { de: 'analise', acao: 'arquivar', para: 'arquivado' },
  ],
  prazos: {
    complementacao: {
      codigo: 'complementacao',
      rotulo: 'Complementação do requerimento',
      dias: 5,
      uteis: true,
      contarDe: 'dia-seguinte',
      prorrogavel: false,
      improrrogavelExpresso: false,
      notificacao: 'nomeacao-coordenador',
      baseLegal: 'rito de teste',
      fonte: 'rito de teste',
    },
  },
  atores: {
    requerente: { rotulo: 'Requerente', papel: 'representante' },
    orgao: { rotulo: 'Órgão (inspetor)', papel: 'inspetor' },
    sistema: { rotulo: 'Sistema', papel: null },
  },
  prazoTarefa: { dias: 30, baseLegal: 'Lei federal nº 9.784/1999, art. 49' },
  mensagens: { acao: 'acaoNomeacaoTeste', estado: 'estadoNomeacaoTeste' },
};

interface EstadoTeste extends EstadoRito {
  coordenador: { nome: string; email: string } | null;
}

registrarTipoProcesso(TIPO_TESTE, { rotulo: 'Nomeação (teste)', rito: RITO_TESTE.codigo });
registrarRitoCompleto<EstadoTeste>(RITO_TESTE, {
  estadoInicial: () => ({ coordenador: null }),
  atividadeDocumentos: 'emitirDocumentoRito',
  async aplicar(a) {
    if (a.acao === 'nomear') {
      a.estado.coordenador = a.dados.coordenador;
      await a.emitir('nomeacao-coordenador', { coordenador: a.dados.coordenador });
    }
  },
});
