/**
 * The Relatório Anual (seed 003; Portaria E/COIE.E nº 02/2001) on the
 * time-skipping server: delivered, autuado, conferido item by item; pendências
 * with 30 days, or archived with none. May–July 2037 in Rio de Janeiro: no holiday
 * in the counts below.
 */
import '../support/temporal-log';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_RELATORIO_ANUAL } from '../../rules/relatorio-anual/rito';
import { acaoRelatorioAnualUpdate, estadoRelatorioAnualQuery } from '../../workflows/relatorio-anual/definitions';
import type { AberturaProcesso } from '../../workflows/processo/definitions';
import { idDaAtualizacao } from '../../workflows/ritos/interpretador';
import type { AtorAcao, PedidoAcao } from '../../workflows/ritos/definitions';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { brt, criarContas, inspetor, representante } from '../vistoria/support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

const checklist = (naoConformes: string[] = []) => CHECKLIST_RELATORIO_ANUAL.map((i) => ({ codigo: i.codigo, situacao: naoConformes.includes(i.codigo) ? 'nao-conforme' : 'conforme' }));
const relatorio = { anoLetivo: 2036, cursosAutorizados: ['Ensino Fundamental', 'Ensino Médio'], turnos: ['manha', 'tarde'], totalAlunos: 412, atosAutorizativos: ['Parecer CEE nº 123/2010'] };

let n = 0;
async function abrir(quando: string) {
  await w.saltarAte(quando);
  const inep = String(33300000 + Math.floor(Math.random() * 99999));
  const abertura: AberturaProcesso = {
    id: `relatorio-anual-11222333000181-${inep}-1`,
    tipo: 'relatorio-anual',
    chave: `relatorio-anual:11222333000181:${inep}`,
    ordinal: 1,
    instituicao: {
      cnpj: '11222333000181',
      codigoInep: inep,
      nome: 'Colégio Exemplo',
      municipio: '3304557',
      endereco: { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
      mantenedora: 'Sociedade Educacional Exemplo Ltda.',
    },
    unidade: 'METROPOLITANA I',
    numeroSei: null,
    requerente: { nome: 'Maria Representante', cpf: '52998224725', email: 'maria@example.org' },
    abertoPor: representante.id,
  };
  const handle = await w.env.client.workflow.start('processoWorkflow', { taskQueue: w.taskQueue, workflowId: abertura.id, args: [abertura] });
  const agir = (acao: string, ator: AtorAcao, dados: unknown, em: string) => {
    const pedido: PedidoAcao = { acao, ator, dados, em: brt(em), chave: `${acao}-${++n}-${randomBytes(3).toString('hex')}` };
    return handle.executeUpdate(acaoRelatorioAnualUpdate, { args: [pedido], updateId: idDaAtualizacao(pedido) });
  };
  const recusa = async (acao: string, ator: AtorAcao, dados: unknown, em: string) => {
    try {
      await agir(acao, ator, dados, em);
    } catch (err) {
      const e = err as { cause?: { message?: string }; message: string };
      return e.cause?.message ?? e.message;
    }
    throw new Error(`a ação ${acao} deveria ter sido recusada`);
  };
  const estado = () => handle.query(estadoRelatorioAnualQuery);
  return { agir, recusa, estado, numeroSei: `SEI-030001/${String(46800 + n).padStart(6, '0')}/2037` };
}

describe('rito do Relatório Anual', () => {
  it('with pendências: notified with 30 days from the ciência, met, then archived', async () => {
    const p = await abrir(brt('2037-05-20T08:00:00'));
    await p.agir('entregar-relatorio', representante, relatorio, '2037-05-20T09:00:00');
    expect(await p.estado()).toMatchObject({ anoLetivo: 2036, entregueEm: '2037-05-20T09:00:00-03:00' });
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-05-20T10:00:00');
    expect(await p.recusa('arquivar', inspetor, { checklist: checklist(['assinaturas']) }, '2037-05-21T10:00:00')).toMatch(/notifique as pendências/);
    const pend = await p.agir('registrar-pendencias', inspetor, { checklist: checklist(['assinaturas']) }, '2037-05-21T10:00:00');
    expect(pend.fase).toBe('pendencias');
    expect(pend.documentos.map((d) => d.tipo)).toEqual(['notificacao-exigencias-cadastro']);
    const oficio = await w.db.selectFrom('documento').select(['html']).where('id', '=', pend.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(oficio.html).toContain('Na análise do Relatório Anual do ano letivo de 2036');
    expect(oficio.html).toMatch(/30 \(trinta\) dias/);
    await p.agir('tomar-ciencia', representante, {}, '2037-05-21T11:00:00');
    // Ciência Thu 21/05; 30 dias corridos: day 1 Fri 22/05, day 30 Sat 20/06 → Mon 22/06.
    for (let i = 0; i < 100 && (await p.estado()).prazo?.limite !== '2037-06-22T23:59:59-03:00'; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await p.estado()).prazo?.limite).toBe('2037-06-22T23:59:59-03:00');
    await p.agir('cumprir-pendencias', representante, { resposta: 'Seguem os blocos assinados pelo Diretor e pela Secretária.', arquivos: [] }, '2037-05-28T10:00:00');
    const arquivado = await p.agir('arquivar', inspetor, { checklist: checklist() }, '2037-05-29T10:00:00');
    expect(arquivado.fase).toBe('arquivado');
  });
});
