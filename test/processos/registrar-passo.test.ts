/**
 * A step of a process reaches the read model in one statement (db/processos.ts registrarPasso): what the
 * timeline, the task list and the prazos show after it must be what the writes one by one left — once,
 * whatever the retries, never rolled back by an older snapshot, and nothing of it when PostgreSQL refuses a part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { type EventoProcesso, type PassoProcesso, type SnapshotProcesso, registrarPasso } from '../../db/processos';
import type { PrazoAberto } from '../../workflows/prazos/definitions';
import type { EstadoProcesso } from '../../workflows/processo/definitions';
import { aberturaDeTeste } from '../support/abertura-workflow';
import { freshDatabase } from '../support/database';

let banco: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;

beforeAll(async () => {
  banco = await freshDatabase();
  db = banco.db;
});
afterAll(() => banco?.drop());

const abertura = aberturaDeTeste('vistoria', 'servidor-1');
const processoId = abertura.id;

function snapshot(versao: number, fase: string, tarefa: EstadoProcesso['tarefa']): SnapshotProcesso {
  return {
    abertura,
    estado: { id: processoId, tipo: 'vistoria', fase, encerrado: false, numeroSei: null, prazoLimite: null, tarefa, versao },
    rito: { fase },
  };
}

function tarefa(fase: string, limite: string): NonNullable<EstadoProcesso['tarefa']> {
  return { id: `${processoId}:tarefa:${fase}`, fase, abertaEm: '2026-03-02T10:00:00-03:00', responsavel: 'cooie', descricao: `Decidir ${fase}`, limite };
}

function evento(seq: number, tipo: string): EventoProcesso {
  return { processoId, seq, tipo, descricao: `Evento ${tipo}`, ator: 'servidor-1', ocorridoEm: '2026-03-02T10:00:00-03:00', dados: { seq } };
}

function prazo(versao: number, vencimento: string): PrazoAberto {
  return {
    id: `${processoId}:prazo:1`,
    codigo: 'exigencias-forma',
    rotulo: 'Cumprimento das exigências',
    ciencia: '2026-03-02',
    dias: 30,
    uteis: false,
    contarDe: 'ciencia',
    prorrogavel: true,
    prorrogado: versao > 1,
    vencimento,
    limite: `${vencimento}T23:59:59-03:00`,
    situacao: 'aberto',
    local: { uf: 'RJ', municipio: '3304557', unidade: 'METROPOLITANA I' },
    versao,
    historico: [],
  } as unknown as PrazoAberto;
}

const eventos = () => db.selectFrom('processo_evento').select(['seq', 'tipo']).where('processo_id', '=', processoId).orderBy('seq').execute();
const tarefas = () => db.selectFrom('tarefa').select(['id', 'situacao']).where('processo_id', '=', processoId).orderBy('id').execute();
const linha = () => db.selectFrom('processo').select(['fase', 'versao']).where('id', '=', processoId).executeTakeFirst();

describe('um passo do processo no modelo de leitura', () => {
  it('writes a new process with its task, prazo and events, and the same step retried leaves the rows of once', async () => {
    const passo: PassoProcesso = {
      processoId,
      processo: snapshot(1, 'analise', tarefa('analise', '2026-03-16T23:59:59-03:00')),
      prazos: [{ prazo: prazo(1, '2026-04-01'), motivo: 'Prazo aberto' }],
      eventos: [evento(1, 'abertura'), evento(2, 'autuar')],
    };
    await registrarPasso(db, passo);
    await registrarPasso(db, passo);

    expect(await linha()).toEqual({ fase: 'analise', versao: 1 });
    expect(await eventos()).toEqual([
      { seq: 1, tipo: 'abertura' },
      { seq: 2, tipo: 'autuar' },
    ]);
    expect(await tarefas()).toEqual([{ id: `${processoId}:tarefa:analise`, situacao: 'aberta' }]);
    const prazos = await db.selectFrom('prazo_processo').select(['versao', 'vencimento']).where('processo_id', '=', processoId).execute();
    expect(prazos).toEqual([{ versao: 1, vencimento: '2026-04-01' }]);
  });

  it('moves the task to the newer snapshot and keeps the last versao of a prazo moved twice in the step, with each change', async () => {
    await registrarPasso(db, {
      processoId,
      processo: snapshot(2, 'decisao', tarefa('decisao', '2026-03-30T23:59:59-03:00')),
      prazos: [
        { prazo: prazo(2, '2026-04-15'), motivo: 'Prazo prorrogado' },
        { prazo: prazo(3, '2026-04-16'), motivo: 'Calendário alterado' },
      ],
      eventos: [evento(3, 'prazo')],
    });

    expect(await linha()).toEqual({ fase: 'decisao', versao: 2 });
    expect(await tarefas()).toEqual([
      { id: `${processoId}:tarefa:analise`, situacao: 'concluida' },
      { id: `${processoId}:tarefa:decisao`, situacao: 'aberta' },
    ]);
    const atual = await db.selectFrom('prazo_processo').select(['versao', 'vencimento', 'prorrogado']).where('processo_id', '=', processoId).execute();
    expect(atual).toEqual([{ versao: 3, vencimento: '2026-04-16', prorrogado: true }]);
    const alteracoes = await db.selectFrom('prazo_alteracao').select(['versao', 'motivo']).where('processo_id', '=', processoId).orderBy('versao').execute();
    expect(alteracoes).toEqual([
      { versao: 1, motivo: 'Prazo aberto' },
      { versao: 2, motivo: 'Prazo prorrogado' },
      { versao: 3, motivo: 'Calendário alterado' },
    ]);
  });

  it('lets an older snapshot retried late change neither the row nor the tasks, while its events still land once', async () => {
    await registrarPasso(db, {
      processoId,
      processo: snapshot(1, 'analise', tarefa('analise', '2026-03-16T23:59:59-03:00')),
      prazos: [],
      eventos: [evento(4, 'ciencia-explicita')],
    });

    expect(await linha()).toEqual({ fase: 'decisao', versao: 2 });
    expect(await tarefas()).toEqual([
      { id: `${processoId}:tarefa:analise`, situacao: 'concluida' },
      { id: `${processoId}:tarefa:decisao`, situacao: 'aberta' },
    ]);
    expect((await eventos()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('writes nothing of a step PostgreSQL refuses in part (a NUL in an event), so the retry finds it whole to write', async () => {
    const refusado = registrarPasso(db, {
      processoId,
      processo: snapshot(3, 'encerramento', null),
      prazos: [],
      eventos: [evento(5, 'encerrar'), { ...evento(6, 'nota'), descricao: 'texto com \u0000 no meio' }],
    });
    await expect(refusado).rejects.toThrow();

    expect(await linha()).toEqual({ fase: 'decisao', versao: 2 });
    expect((await eventos()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await tarefas()).filter((t) => t.situacao === 'aberta')).toHaveLength(1);
  });
});
