/**
 * The monthly apuração of one school's month and what follows from it
 * (Portaria Interministerial MEC/MC nº 3/2022 art. 2º): each student's month
 * judged against the minimum of his age (rules/frequencia/minimo.ts) and stored;
 * a student below it with an active matrícula and no open case gets one
 * (workflows/frequencia, id from a uuid); an open case of the school hears of
 * every new or changed month (a month at or above the minimum closes it).
 *
 * Runs for a (school, month) directly (POST /v1/acompanhamento/apuracoes, the
 * tests) or for every pair a frequências lote changed (table apuracao_pendente,
 * written by the lotes, db/lotes.ts): processarApuracoesPendentes.
 */
import { randomUUID } from 'node:crypto';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { sql } from 'kysely';
import * as casos from '../../db/casos';
import type { Db } from '../../db/connect';
import { obterUnidadeEnsino } from '../../db/habilitacoes';
import { apurarMes } from '../../rules/frequencia/minimo';
import {
  type AberturaCaso,
  type ApuracaoSinalizada,
  apuracaoCasoSignal,
  acaoCasoUpdate,
  idWorkflowCaso,
  type PedidoAcaoCaso,
  type ResultadoAcaoCaso,
} from '../../workflows/frequencia/definitions';
import { HttpError, naoEncontrado } from '../errors';

export interface DepsApuracao {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

export interface ResultadoApuracaoEscola {
  codigoInep: string;
  mes: string;
  apurados: number;
  abaixo: number;
  semMinimo: number;
  casosAbertos: number;
  casosAvisados: number;
}

/** Runs `f` over `itens` with at most `n` at a time (starting hundreds of workflows one by one is slow). */
async function emParalelo<T>(itens: T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, itens.length) }, async () => {
      while (i < itens.length) await f(itens[i++]!);
    }),
  );
}

export async function apurarEscolaMes(deps: DepsApuracao, codigoInep: string, mes: string, agora = new Date()): Promise<ResultadoApuracaoEscola> {
  const { db } = deps;
  const escola = await obterUnidadeEnsino(db, codigoInep);
  if (!escola) throw naoEncontrado(`Unidade de ensino de Código INEP ${codigoInep}`);
  const [frequencias, anteriores] = await Promise.all([
    casos.frequenciasDaEscola(db, codigoInep, mes),
    db.selectFrom('apuracao_frequencia').select(['estudante_id', 'abaixo', 'percentual', 'minimo']).where('codigo_inep', '=', codigoInep).where('mes', '=', mes).execute(),
  ]);
  const antes = new Map(anteriores.map((a) => [a.estudante_id, a]));
  const linhas = frequencias.map((f) => ({
    ...apurarMes({ dataNascimento: f.data_nascimento, educacaoBasicaConcluida: f.educacao_basica_concluida, mes, diasLetivos: f.dias_letivos, presencas: f.presencas }),
    estudanteId: f.estudante_id,
    codigoInep,
    mes,
    diasLetivos: f.dias_letivos,
    presencas: f.presencas,
  }));
  await casos.gravarApuracoes(db, linhas);

  // Only what is new or changed reaches the cases: the same lote applied twice tells them nothing twice.
  // A month without dias letivos has no índice (art. 2º § 1º): it neither opens nor closes a case.
  const mudou = linhas.filter((l) => {
    if (l.percentual === null) return false;
    const a = antes.get(l.estudanteId);
    return !a || a.abaixo !== l.abaixo || (a.percentual === null ? null : Number(a.percentual)) !== l.percentual || a.minimo !== l.minimo;
  });
  const ids = mudou.map((l) => l.estudanteId);
  const ano = Number(mes.slice(0, 4));
  const [abertos, ativas] = ids.length
    ? await Promise.all([
        db.selectFrom('caso_frequencia').select(['id', 'estudante_id', 'codigo_inep', 'mes_abertura']).where('situacao', '=', 'aberto').where('estudante_id', 'in', ids).execute(),
        db.selectFrom('matricula').select('estudante_id').where('codigo_inep', '=', codigoInep).where('ano', '=', ano).where('situacao', '=', 'ativa').where('estudante_id', 'in', ids).execute(),
      ])
    : [[], []];
  const casoDe = new Map(abertos.map((c) => [c.estudante_id, c]));
  const matriculado = new Set(ativas.map((m) => m.estudante_id));
  const prazos = await casos.prazosDoMunicipio(db, escola.municipio);
  const em = agora.toISOString();
  let casosAbertos = 0;
  let casosAvisados = 0;

  const avisar = async (casoId: string, l: (typeof linhas)[number]) => {
    const sinal: ApuracaoSinalizada = { mes, percentual: l.percentual, minimo: l.minimo, abaixo: l.abaixo, em };
    try {
      await deps.temporal.workflow.getHandle(idWorkflowCaso(casoId)).signal(apuracaoCasoSignal, sinal);
      casosAvisados += 1;
    } catch (err) {
      // Closed a moment ago (its last month, an occurrence): the next apuração opens a new case if needed.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  };

  await emParalelo(mudou, 16, async (l) => {
    const caso = casoDe.get(l.estudanteId);
    if (caso) {
      // A case follows its school; an earlier month than the one that opened it changes nothing.
      if (caso.codigo_inep === codigoInep && mes >= caso.mes_abertura) await avisar(caso.id, l);
      return;
    }
    if (!l.abaixo || !matriculado.has(l.estudanteId)) return;
    const id = randomUUID();
    const aberto = await casos.inserirCaso(db, { id, estudanteId: l.estudanteId, codigoInep, uf: escola.uf, municipio: escola.municipio, mes, abertoEm: em });
    if (!aberto) return; // another apuração opened it a moment ago, with this month
    const abertura: AberturaCaso = {
      id,
      estudanteId: l.estudanteId,
      codigoInep,
      uf: escola.uf,
      municipio: escola.municipio,
      frequencia: { mes, percentual: l.percentual!, minimo: l.minimo! },
      abertoEm: em,
      prazos: {
        notificacaoFamilia: prazos.notificacaoFamilia,
        averiguacaoMotivos: prazos.averiguacaoMotivos,
        encaminhamentoAssistencia: prazos.encaminhamentoAssistencia,
        comunicacaoConselhoTutelar: prazos.comunicacaoConselhoTutelar,
        escalonamento: prazos.escalonamento,
      },
    };
    try {
      await deps.temporal.workflow.start('casoFrequenciaWorkflow', { taskQueue: deps.taskQueue, workflowId: idWorkflowCaso(id), args: [abertura], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
        // No case row without the workflow that conducts it: the next apuração opens it again.
        await casos.removerCaso(db, id);
        throw err;
      }
    }
    casosAbertos += 1;
  });

  return {
    codigoInep,
    mes,
    apurados: linhas.length,
    abaixo: linhas.filter((l) => l.abaixo).length,
    semMinimo: linhas.filter((l) => l.minimo === null).length,
    casosAbertos,
    casosAvisados,
  };
}

/**
 * Every (school, month) a frequências lote changed (table apuracao_pendente of the lotes),
 * apurado once. The pairs are claimed by deleting their rows (DELETE … RETURNING: of two
 * instances running at once, each gets different pairs, and a pair is never apurado twice
 * for the same rows); a pair whose apuração fails gets its rows back for the next run.
 * Without that table (the lotes not installed), nothing to do.
 */
export async function processarApuracoesPendentes(deps: DepsApuracao, agora = new Date()): Promise<ResultadoApuracaoEscola[]> {
  const { rows } = await sql<{ existe: string | null }>`select to_regclass('apuracao_pendente')::text as existe`.execute(deps.db);
  if (!rows[0]?.existe) return [];
  const { rows: tomadas } = await sql<{ codigo_inep: string; mes: string; lote_id: string; criado_em: string }>`
    delete from apuracao_pendente where (codigo_inep, mes) in (
      select codigo_inep, mes from apuracao_pendente group by codigo_inep, mes order by min(criado_em) limit 200
    ) returning codigo_inep, mes, lote_id, criado_em::text as criado_em`.execute(deps.db);
  const pares = new Map<string, typeof tomadas>();
  for (const t of tomadas) pares.set(`${t.codigo_inep}|${t.mes}`, [...(pares.get(`${t.codigo_inep}|${t.mes}`) ?? []), t]);
  const feitos: ResultadoApuracaoEscola[] = [];
  let falha: unknown;
  for (const linhas of pares.values()) {
    const { codigo_inep, mes } = linhas[0]!;
    try {
      feitos.push(await apurarEscolaMes(deps, codigo_inep, mes, agora));
    } catch (err) {
      falha ??= err;
      for (const l of linhas) {
        await sql`insert into apuracao_pendente (codigo_inep, mes, lote_id, criado_em) values (${l.codigo_inep}, ${l.mes}, ${l.lote_id}, ${l.criado_em}::timestamptz) on conflict do nothing`.execute(deps.db);
      }
    }
  }
  if (falha && feitos.length === 0) throw falha;
  return feitos;
}

/** The matrícula's movements (seed 001: transferência, conclusão, abandono, óbito) as the occurrences of a case. */
const OCORRENCIA_DA_SITUACAO = { transferida: 'transferencia', concluida: 'conclusao', abandono: 'abandono', obito: 'obito' } as const;

/**
 * Open cases whose student's matrícula at the case's school left 'ativa' by another path (a
 * movimentações lote, art. 8º III–V) hear of it as an occurrence registered by the system:
 * transferência (with its destination), conclusão and óbito close them, abandono sends them to
 * the Conselho Tutelar's step. A transferência without its destination INEP is left to the
 * school (the case refuses it). Idempotent: the occurrence's key is the movement itself.
 */
export async function sincronizarOcorrenciasDasMatriculas(deps: DepsApuracao, agora = new Date()): Promise<number> {
  const movidos = await deps.db
    .selectFrom('caso_frequencia as c')
    .innerJoin('matricula as m', (j) => j.onRef('m.estudante_id', '=', 'c.estudante_id').onRef('m.codigo_inep', '=', 'c.codigo_inep'))
    .select(['c.id', 'c.etapa', 'm.situacao', 'm.fim', 'm.destino_inep', 'm.ano'])
    .where('c.situacao', '=', 'aberto')
    .where('m.situacao', '!=', 'ativa')
    .where(sql<boolean>`m.ano = cast(substr(c.mes_abertura, 1, 4) as integer)`)
    .limit(1000)
    .execute();
  let avisados = 0;
  for (const m of movidos) {
    const tipo = OCORRENCIA_DA_SITUACAO[m.situacao as keyof typeof OCORRENCIA_DA_SITUACAO];
    if (!tipo || (tipo === 'transferencia' && !m.destino_inep) || (tipo === 'abandono' && m.etapa === 'comunicacao-conselho-tutelar')) continue;
    const data = m.fim ?? agora.toISOString().slice(0, 10);
    try {
      await agirNoCaso(deps.temporal, m.id, {
        acao: 'registrar-ocorrencia',
        ator: { id: 'sistema', nome: 'rito (movimentação da matrícula)' },
        em: agora.toISOString(),
        chave: `matricula:${m.situacao}:${data}`,
        dados: { ocorrencia: { tipo, data, ...(m.destino_inep ? { destinoInep: m.destino_inep } : {}), observacao: 'Movimentação da matrícula recebida por lote' } },
      });
      avisados += 1;
    } catch (err) {
      // Refused or already closed: the school sees the case as it stands.
      if (!(err instanceof HttpError)) throw err;
    }
  }
  return avisados;
}

/** Sends an act to the case's workflow; its refusals become 409, its silence 503. */
export async function agirNoCaso(temporal: Client, casoId: string, p: PedidoAcaoCaso): Promise<ResultadoAcaoCaso> {
  try {
    return await temporal.workflow.getHandle(idWorkflowCaso(casoId)).executeUpdate(acaoCasoUpdate, { args: [p], updateId: `${p.acao}:${p.chave}` });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      let causa: Error | undefined = err.cause;
      while (causa && (causa as { cause?: Error }).cause) causa = (causa as { cause?: Error }).cause;
      throw new HttpError(409, 'acao-recusada', causa?.message ?? err.message);
    }
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new HttpError(503, 'indisponivel', 'O caso não respondeu a tempo; reenvie a ação com a mesma Idempotency-Key.');
    }
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /workflow.*(not found|completed|already)/i.test(err.message))) {
      throw new HttpError(409, 'caso-encerrado', 'O caso está encerrado; nenhuma ação é admitida.');
    }
    throw err;
  }
}
