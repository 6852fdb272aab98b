/**
 * Repository of the Sistema Presença pedidos and profiles (table habilitacao,
 * its history habilitacao_evento) and of the schools operadores are bound to
 * (unidade_ensino). The workflow writes through activities; the API and the
 * pages read; the enabling itself (efetivarHabilitacao) is the one place where
 * "one coordinator per UF / município" is kept, under a lock per place and a
 * unique index the database enforces.
 */
import { type Kysely, sql } from 'kysely';
import { type DadosRepresentacao, PERFIL_CREDENCIAMENTO } from '../rules/habilitacao/credenciamento';
import { DEFINICOES_PERFIL, definicaoDoPerfil, isPerfilPresenca, PERFIS_PRESENCA, type PerfilPedido } from '../rules/habilitacao/perfis';
import type { PerfilAtivo, Visao } from '../rules/habilitacao/escopo';
import type { Database, DocumentoHabilitacao } from './schema';

type Db = Kysely<Database>;

export interface NovoPedidoHabilitacao {
  id: string;
  perfil: PerfilPedido;
  usuarioId: string;
  nome: string;
  cpf: string;
  email: string;
  telefone: string | null;
  cargo: string | null;
  uf: string;
  municipio: string | null;
  codigoInep: string | null;
  lugar: string;
  protocoladoEm: string;
  documentos: DocumentoHabilitacao[];
  termo: { aceitoEm: string; sha256: string } | null;
  representacao?: DadosRepresentacao | null;
}

export async function inserirPedidoHabilitacao(db: Db, p: NovoPedidoHabilitacao): Promise<void> {
  await db
    .insertInto('habilitacao')
    .values({
      id: p.id,
      perfil: p.perfil,
      usuario_id: p.usuarioId,
      nome: p.nome,
      cpf: p.cpf,
      email: p.email,
      telefone: p.telefone,
      cargo: p.cargo,
      uf: p.uf,
      municipio: p.municipio,
      codigo_inep: p.codigoInep,
      lugar: p.lugar,
      habilitador: definicaoDoPerfil(p.perfil).habilitadoPor,
      fase: 'em-analise',
      protocolado_em: p.protocoladoEm,
      documentos: JSON.stringify(p.documentos),
      termo_aceito_em: p.termo?.aceitoEm ?? null,
      termo_sha256: p.termo?.sha256 ?? null,
      representacao: p.representacao ? JSON.stringify(p.representacao) : null,
    })
    .execute();
}

export function obterHabilitacao(db: Db, id: string) {
  return db.selectFrom('habilitacao').selectAll().where('id', '=', id).executeTakeFirst();
}

export type Habilitacao = NonNullable<Awaited<ReturnType<typeof obterHabilitacao>>>;

/** The profiles an account holds now: what it sees and whom it may enable. */
export async function perfisAtivosDe(db: Db, usuarioId: string): Promise<PerfilAtivo[]> {
  const rows = await db
    .selectFrom('habilitacao')
    .select(['perfil', 'uf', 'municipio', 'codigo_inep'])
    .where('usuario_id', '=', usuarioId)
    .where('situacao', '=', 'ativo')
    .execute();
  return rows.flatMap((r) => (isPerfilPresenca(r.perfil) ? [{ perfil: r.perfil, uf: r.uf, municipio: r.municipio, codigoInep: r.codigo_inep }] : []));
}

export interface FiltroHabilitacoes {
  situacao?: string;
  perfil?: string;
  uf?: string;
  municipio?: string;
  atrasados?: boolean;
  limite: number;
  deslocamento: number;
}

/** Pedidos and profiles within a view (rules/habilitacao/escopo.ts), the overdue first, then the oldest. */
export async function listarHabilitacoes(db: Db, visao: Visao, usuarioId: string, f: FiltroHabilitacoes) {
  let q = db.selectFrom('habilitacao');
  if (!visao.tudo) {
    const { ufs, municipios } = visao;
    q = q.where((eb) =>
      eb.or([
        eb('usuario_id', '=', usuarioId),
        ...(ufs.length ? [eb('uf', 'in', ufs)] : []),
        ...(municipios.length ? [eb.and([eb('municipio', 'in', municipios), eb('perfil', '!=', 'coordenador-municipal')])] : []),
      ]),
    );
  }
  if (f.situacao) q = q.where('situacao', '=', f.situacao as never);
  // The Sistema Presença's pedidos unless a profile is named: credenciamentos are listed by api/credenciamentos.
  q = f.perfil ? q.where('perfil', '=', f.perfil) : q.where('perfil', 'in', PERFIS_PRESENCA);
  if (f.uf) q = q.where('uf', '=', f.uf);
  if (f.municipio) q = q.where('municipio', '=', f.municipio);
  if (f.atrasados) q = q.where('atrasado', '=', true);
  const [itens, total] = await Promise.all([
    q.selectAll().orderBy('atrasado', 'desc').orderBy('protocolado_em', 'asc').orderBy('id').limit(f.limite).offset(f.deslocamento).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { itens, total: Number(total.n) };
}

export function eventosDaHabilitacao(db: Db, id: string) {
  return db.selectFrom('habilitacao_evento').selectAll().where('habilitacao_id', '=', id).orderBy('seq').execute();
}

/** Mirrors the workflow's state; an older snapshot never overwrites a newer one. */
export async function sincronizarHabilitacao(
  db: Db,
  s: {
    id: string;
    versao: number;
    fase: string;
    prazoAnalise: string | null;
    atrasado: boolean;
    documentos: DocumentoHabilitacao[];
    /** Credenciamento: the representation as it stands (a new sending may correct the procuração's validity). */
    representacao?: DadosRepresentacao | null;
  },
): Promise<void> {
  await db
    .updateTable('habilitacao')
    .set({
      fase: s.fase,
      prazo_analise: s.prazoAnalise,
      atrasado: s.atrasado,
      documentos: JSON.stringify(s.documentos),
      ...(s.representacao !== undefined ? { representacao: s.representacao ? JSON.stringify(s.representacao) : null } : {}),
      versao: s.versao,
      atualizado_em: sql<Date>`now()`,
      // A refused pedido ends as a pedido; the profile's own situações are written by efetivar/encerrar below.
      situacao: sql`case when ${s.fase} = 'recusado' and situacao = 'pedido' then 'recusado' else situacao end`,
    })
    .where('id', '=', s.id)
    .where('versao', '<', s.versao)
    .execute();
}

export async function registrarEventoHabilitacao(
  db: Db,
  e: { id: string; seq: number; tipo: string; descricao: string; ator: string; atorNome: string; em: string; dados: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('habilitacao_evento')
    .values({ habilitacao_id: e.id, seq: e.seq, tipo: e.tipo, descricao: e.descricao, ator: e.ator, ator_nome: e.atorNome, em: e.em, dados: JSON.stringify(e.dados) })
    .onConflict((oc) => oc.columns(['habilitacao_id', 'seq']).doNothing())
    .execute();
}

/** Adds or removes a role of an account, keeping the others. */
async function ajustarPapel(trx: Db, usuarioId: string, papel: string, ter: boolean): Promise<void> {
  const u = await trx.selectFrom('usuario').select('papeis').where('id', '=', usuarioId).executeTakeFirstOrThrow();
  const papeis = ter ? [...new Set([...u.papeis, papel])] : u.papeis.filter((p) => p !== papel);
  await trx
    .updateTable('usuario')
    .set({ papeis, ...(ter ? { ativo: true } : {}), atualizado_em: sql<Date>`now()` })
    .where('id', '=', usuarioId)
    .execute();
}

/**
 * Removes the profile's role from its account unless another active profile of the same kind keeps it.
 * The role 'representante' also serves mandates an administrador registered by hand (api/contas): it stays
 * while any representação of the account is in force after `em`.
 */
async function retirarPapelSeUltimo(trx: Db, usuarioId: string, perfil: string, em: string): Promise<void> {
  const outro = await trx
    .selectFrom('habilitacao')
    .select('id')
    .where('usuario_id', '=', usuarioId)
    .where('perfil', '=', perfil)
    .where('situacao', '=', 'ativo')
    .executeTakeFirst();
  if (outro) return;
  if (perfil === PERFIL_CREDENCIAMENTO) {
    const vigente = await trx
      .selectFrom('representacao')
      .select('id')
      .where('usuario_id', '=', usuarioId)
      .where((eb) => eb.or([eb('fim', 'is', null), eb('fim', '>', new Date(em))]))
      .executeTakeFirst();
    if (vigente) return;
  }
  await ajustarPapel(trx, usuarioId, perfil, false);
}

/**
 * Enables the profile of a pedido. For a profile "único por lugar", whoever
 * holds it there ends at the same instant, with the act that did it
 * (substituição). Serialised per place by a transaction-scoped advisory lock,
 * and guarded by the unique index habilitacao_coordenador_unico: however many
 * enablings race, one coordinator per UF / município stays active.
 * Idempotent: a retry of an already enabled pedido returns what it did.
 */
export async function efetivarHabilitacao(
  db: Db,
  a: { id: string; por: string; porNome: string; em: string },
  /** What enabling this kind of pedido also creates, in the same transaction (the credenciamento's representação). */
  aoEfetivar?: (trx: Db, h: Habilitacao) => Promise<void>,
): Promise<{ substituido: { id: string } | null }> {
  return db.transaction().execute(async (trx) => {
    const h = await trx.selectFrom('habilitacao').selectAll().where('id', '=', a.id).forUpdate().executeTakeFirstOrThrow();
    if (h.situacao === 'ativo' || h.situacao === 'substituido' || h.situacao === 'excluido') {
      const antigo = await trx.selectFrom('habilitacao').select('id').where('substituido_por', '=', h.id).executeTakeFirst();
      return { substituido: antigo ? { id: antigo.id } : null };
    }
    let substituido: { id: string } | null = null;
    if (isPerfilPresenca(h.perfil) && DEFINICOES_PERFIL[h.perfil].unicoPorLugar) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`habilitacao:${h.perfil}:${h.lugar}`}, 0))`.execute(trx);
      const atual = await trx
        .selectFrom('habilitacao')
        .select(['id', 'usuario_id'])
        .where('perfil', '=', h.perfil)
        .where('lugar', '=', h.lugar)
        .where('situacao', '=', 'ativo')
        .executeTakeFirst();
      if (atual) {
        await trx
          .updateTable('habilitacao')
          .set({
            situacao: 'substituido',
            encerrado_em: a.em,
            encerrado_por: a.por,
            substituido_por: h.id,
            motivo_encerramento: `Substituição: ${h.nome} habilitado(a) por ${a.porNome}`,
            atualizado_em: sql<Date>`now()`,
          })
          .where('id', '=', atual.id)
          .execute();
        await retirarPapelSeUltimo(trx, atual.usuario_id, h.perfil, a.em);
        substituido = { id: atual.id };
      }
    }
    await trx
      .updateTable('habilitacao')
      .set({ situacao: 'ativo', habilitado_por: a.por, habilitado_por_nome: a.porNome, habilitado_em: a.em, atualizado_em: sql<Date>`now()` })
      .where('id', '=', h.id)
      .execute();
    await ajustarPapel(trx, h.usuario_id, h.perfil, true);
    if (aoEfetivar) await aoEfetivar(trx, h);
    return { substituido };
  });
}

export type SituacaoDeEncerramento = 'excluido' | 'desativado' | 'vencido';

/**
 * Ends an active profile with its reason: exclusão (Presença), desativação
 * (art. 19) or the procuração's expiry (credenciamento); idempotent.
 * `aoEncerrar` runs in the same transaction (the credenciamento ends its representações).
 */
export async function encerrarPerfil(
  db: Db,
  e: { id: string; situacao: SituacaoDeEncerramento; por: string; motivo: string; em: string },
  aoEncerrar?: (trx: Db, h: { usuario_id: string }) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const h = await trx.selectFrom('habilitacao').select(['situacao', 'usuario_id', 'perfil']).where('id', '=', e.id).forUpdate().executeTakeFirstOrThrow();
    if (h.situacao !== 'ativo') return;
    if (aoEncerrar) await aoEncerrar(trx, h);
    await trx
      .updateTable('habilitacao')
      .set({ situacao: e.situacao, encerrado_em: e.em, encerrado_por: e.por, motivo_encerramento: e.motivo, atualizado_em: sql<Date>`now()` })
      .where('id', '=', e.id)
      .execute();
    await retirarPapelSeUltimo(trx, h.usuario_id, h.perfil, e.em);
  });
}

/**
 * The other active credenciamentos of an account whose cadastro is deactivated (art. 19: the cadastro is
 * the person's, art. 16) end with the same act, instant and reason.
 */
export async function desativarOutrosCredenciamentos(db: Db, e: { id: string; usuarioId: string; por: string; motivo: string; em: string }): Promise<void> {
  await db
    .updateTable('habilitacao')
    .set({ situacao: 'desativado', encerrado_em: e.em, encerrado_por: e.por, motivo_encerramento: e.motivo, atualizado_em: sql<Date>`now()` })
    .where('usuario_id', '=', e.usuarioId)
    .where('perfil', '=', PERFIL_CREDENCIAMENTO)
    .where('situacao', '=', 'ativo')
    .where('id', '!=', e.id)
    .execute();
}

/** Those credenciamentos (by the act's instant: the same answer when an activity is retried), whose workflows are told. */
export async function desativadosJunto(db: Db, e: { id: string; usuarioId: string; em: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('habilitacao')
    .select('id')
    .where('usuario_id', '=', e.usuarioId)
    .where('perfil', '=', PERFIL_CREDENCIAMENTO)
    .where('situacao', '=', 'desativado')
    .where('encerrado_em', '=', new Date(e.em))
    .where('id', '!=', e.id)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Ends representações at `em` with the reason (never later than a fim they already have):
 * those a credenciamento created, or every one of an account (its cadastro deactivated, art. 19).
 */
export async function terminarRepresentacoes(db: Db, de: { habilitacaoId: string } | { usuarioId: string }, em: string, motivo: string): Promise<void> {
  let q = db
    .updateTable('representacao')
    .set({ fim: sql<Date>`least(coalesce(fim, ${em}::timestamptz), ${em}::timestamptz)`, motivo_fim: sql<string>`coalesce(motivo_fim, ${motivo})` })
    .where((eb) => eb.or([eb('fim', 'is', null), eb('fim', '>=', new Date(em))]));
  q = 'habilitacaoId' in de ? q.where('habilitacao_id', '=', de.habilitacaoId) : q.where('usuario_id', '=', de.usuarioId);
  await q.execute();
}

/** Replaces the secret of the candidate's follow-up link (only its hash is kept). */
export async function definirAcessoDoPedido(db: Db, id: string, hash: string, expiraEm: Date): Promise<void> {
  await db.updateTable('habilitacao').set({ acesso_hash: hash, acesso_expira_em: expiraEm }).where('id', '=', id).execute();
}

// --- unidades de ensino -----------------------------------------------------

export function obterUnidadeEnsino(db: Db, codigoInep: string) {
  return db.selectFrom('unidade_ensino').selectAll().where('codigo_inep', '=', codigoInep).executeTakeFirst();
}

export async function salvarUnidadeEnsino(
  db: Db,
  u: { codigoInep: string; nome: string; uf: string; municipio: string; municipioNome?: string | null; dependencia?: string | null; fonte: string; por: string },
): Promise<void> {
  const valores = {
    nome: u.nome,
    uf: u.uf,
    municipio: u.municipio,
    municipio_nome: u.municipioNome ?? null,
    dependencia: u.dependencia ?? null,
    fonte: u.fonte,
    atualizado_por: u.por,
    atualizado_em: sql<Date>`now()`,
  };
  await db
    .insertInto('unidade_ensino')
    .values({ codigo_inep: u.codigoInep, ...valores })
    .onConflict((oc) => oc.column('codigo_inep').doUpdateSet(valores))
    .execute();
}
