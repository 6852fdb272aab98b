/**
 * Activities that keep the PostgreSQL read model in step with the workflows.
 * Each is idempotent: a retried activity leaves the same rows as a single run.
 */
import type { Db } from '../db/connect';
import type { AberturaProcesso, EstadoProcesso } from '../workflows/processo/definitions';

export interface EventoProcesso {
  processoId: string;
  seq: number;
  tipo: string;
  descricao: string;
  ator: string;
  ocorridoEm: string;
  dados: Record<string, unknown>;
}

/**
 * Writes a process snapshot. Inserts on first sight; afterwards only a snapshot
 * with a higher versao replaces the stored one, so late retries cannot roll it back.
 * Returns whether a row was written.
 */
export async function upsertProcesso(db: Db, { abertura, estado }: { abertura: AberturaProcesso; estado: EstadoProcesso }): Promise<boolean> {
  const inserted = await db
    .insertInto('processo')
    .values({
      id: abertura.id,
      tipo: abertura.tipo,
      chave: abertura.chave,
      ordinal: abertura.ordinal,
      fase: estado.fase,
      encerrado: estado.encerrado,
      instituicao_cnpj: abertura.instituicao.cnpj,
      instituicao_codigo_inep: abertura.instituicao.codigoInep,
      instituicao_nome: abertura.instituicao.nome,
      instituicao_endereco: abertura.instituicao.endereco ? JSON.stringify(abertura.instituicao.endereco) : null,
      instituicao_municipio: abertura.instituicao.municipio ?? null,
      mantenedora_nome: abertura.instituicao.mantenedora ?? null,
      unidade: abertura.unidade,
      numero_sei: estado.numeroSei,
      requerente_nome: abertura.requerente.nome,
      requerente_cpf: abertura.requerente.cpf,
      requerente_email: abertura.requerente.email,
      aberto_por: abertura.abertoPor,
      prazo_limite: estado.prazoLimite,
      tarefa_responsavel: estado.tarefa?.responsavel ?? null,
      tarefa_descricao: estado.tarefa?.descricao ?? null,
      tarefa_limite: estado.tarefa?.limite ?? null,
      versao: estado.versao,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          fase: eb.ref('excluded.fase'),
          encerrado: eb.ref('excluded.encerrado'),
          numero_sei: eb.ref('excluded.numero_sei'),
          prazo_limite: eb.ref('excluded.prazo_limite'),
          tarefa_responsavel: eb.ref('excluded.tarefa_responsavel'),
          tarefa_descricao: eb.ref('excluded.tarefa_descricao'),
          tarefa_limite: eb.ref('excluded.tarefa_limite'),
          versao: eb.ref('excluded.versao'),
          atualizado_em: eb.fn('now'),
        }))
        .where('processo.versao', '<', (eb) => eb.ref('excluded.versao')),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function createReadModelActivities(db: Db) {
  return {
    async registrarProcesso(snapshot: { abertura: AberturaProcesso; estado: EstadoProcesso }): Promise<void> {
      await upsertProcesso(db, snapshot);
    },
    async registrarEvento(evento: EventoProcesso): Promise<void> {
      await db
        .insertInto('processo_evento')
        .values({
          processo_id: evento.processoId,
          seq: evento.seq,
          tipo: evento.tipo,
          descricao: evento.descricao,
          ator: evento.ator,
          ocorrido_em: evento.ocorridoEm,
          dados: JSON.stringify(evento.dados),
        })
        .onConflict((oc) => oc.columns(['processo_id', 'seq']).doNothing())
        .execute();
    },
  };
}

export type ReadModelActivities = ReturnType<typeof createReadModelActivities>;
