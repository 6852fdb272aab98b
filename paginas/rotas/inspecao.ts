/**
 * The inspeção's inbox (/caixa): the open processes in the caller's scope
 * (the same scope as GET /v1/processos: api/auth/escopo.ts), each with the
 * prazo running against the party and the decision a unit owes (GET
 * /v1/tarefas), sorted by the nearest of the two; filters by phase, kind,
 * unit, institution and "vence em N dias úteis" (the horizon of GET
 * /v1/prazos/vencendo, horizonteDiasUteis).
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { escopoDe, noEscopo } from '../../api/auth/escopo';
import { DIAS_VENCENDO_MAXIMO, horizonteDiasUteis } from '../../api/prazos/vencendo';
import { instante } from '../../api/instantes';
import { diaCivilBrasilia, formatarData } from '../../rules/calendario';
import { TIPOS_PROCESSO, rotuloTipoProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo, ritosRegistrados, rotuloAtorDoTipo, rotuloFase } from '../../rules/ritos/registro';
import type { PaginasDeps } from '../plugin';
import { restante } from '../prazos';
import { exigirAtor } from '../sessao';
import { renderizar } from '../visao';

const PAPEIS = ['inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] as const;

export default async function inspecaoPaginas(app: FastifyInstance, deps: PaginasDeps) {
  app.get(
    '/caixa',
    // Processes, units and institutions (legal persons) only, as GET /v1/tarefas: no one's personal data.
    { schema: { hide: true } },
    async (request, reply) => {
      const ator = exigirAtor(request, PAPEIS);
      const q = request.query as Record<string, string | undefined>;
      const filtro = {
        fase: q.fase?.trim() || undefined,
        tipo: q.tipo?.trim() || undefined,
        unidade: q.unidade?.trim() || undefined,
        instituicao: q.instituicao?.trim() || undefined,
        dias: q.dias?.trim() || undefined,
      };
      const mensagens = [];
      let dias: number | undefined;
      if (filtro.dias) {
        dias = Number(filtro.dias);
        if (!Number.isInteger(dias) || dias < 1 || dias > DIAS_VENCENDO_MAXIMO) {
          mensagens.push({ tipo: 'danger' as const, texto: `“Vence em” deve ser um número inteiro de dias úteis entre 1 e ${DIAS_VENCENDO_MAXIMO}.` });
          dias = undefined;
        }
      }
      const agoraMs = Number(await (deps.relogio ?? Date.now)());
      const prazoAberto = deps.db
        .selectFrom('prazo_processo')
        .select(['processo_id', sql<Date>`min(limite)`.as('limite')])
        .where('situacao', '=', 'aberto')
        .groupBy('processo_id')
        .as('pz');
      const tarefaAberta = deps.db
        .selectFrom('tarefa')
        .select(['processo_id', sql<Date>`min(limite)`.as('limite')])
        .where('situacao', '=', 'aberta')
        .groupBy('processo_id')
        .as('tf');
      let query = deps.db
        .selectFrom('processo')
        .leftJoin(prazoAberto, 'pz.processo_id', 'processo.id')
        .leftJoin(tarefaAberta, 'tf.processo_id', 'processo.id')
        .selectAll('processo')
        .select(['pz.limite as prazo_limite_aberto', 'tf.limite as tarefa_limite', sql<Date | null>`least(pz.limite, tf.limite)`.as('proximo')])
        .where('processo.encerrado', '=', false)
        .where(noEscopo(ator))
        .orderBy(sql`least(pz.limite, tf.limite) asc nulls last`)
        .orderBy('processo.id')
        .limit(200);
      if (filtro.fase) query = query.where('processo.fase', '=', filtro.fase);
      if (filtro.tipo) query = query.where('processo.tipo', '=', filtro.tipo);
      if (filtro.unidade) query = query.where('processo.unidade', '=', filtro.unidade);
      if (filtro.instituicao) {
        const termo = `%${filtro.instituicao.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const digitos = filtro.instituicao.replace(/\D/g, '');
        query = query.where((eb) => eb.or([eb('processo.instituicao_nome', 'ilike', termo), ...(digitos.length >= 3 ? [eb('processo.instituicao_cnpj', 'like', `%${digitos}%`)] : [])]));
      }
      let horizonte: Awaited<ReturnType<typeof horizonteDiasUteis>> | undefined;
      if (dias) {
        horizonte = await horizonteDiasUteis(deps.db, formatarData(diaCivilBrasilia(agoraMs)), dias, filtro.unidade);
        query = query.where(sql<boolean>`least(pz.limite, tf.limite) <= ${new Date(horizonte.limiteEpochMs)}`);
      }
      const rows = await query.execute();
      const prazos = rows.length
        ? await deps.db.selectFrom('prazo_processo').select(['processo_id', 'rotulo', 'vencimento', 'uteis', 'limite']).where('situacao', '=', 'aberto').where('processo_id', 'in', rows.map((r) => r.id)).execute()
        : [];
      const tarefas = rows.length
        ? await deps.db.selectFrom('tarefa').select(['processo_id', 'responsavel', 'descricao', 'limite']).where('situacao', '=', 'aberta').where('processo_id', 'in', rows.map((r) => r.id)).execute()
        : [];
      const itens = await Promise.all(
        rows.map(async (r) => {
          const pz = prazos.find((x) => x.processo_id === r.id);
          const tf = tarefas.find((x) => x.processo_id === r.id);
          return {
            id: r.id,
            numeroSei: r.numero_sei,
            instituicao: r.instituicao_nome,
            tipo: rotuloTipoProcesso(r.tipo),
            fase: rotuloFase(r.tipo, r.fase),
            unidade: r.unidade,
            prazo: pz ? { rotulo: pz.rotulo, limite: instante(pz.limite), restante: await restante(deps.db, r.unidade, pz.vencimento, pz.uteis, agoraMs) } : null,
            tarefa: tf ? { responsavel: rotuloAtorDoTipo(r.tipo, tf.responsavel), descricao: tf.descricao, limite: instante(tf.limite), atrasada: new Date(tf.limite).getTime() < agoraMs } : null,
          };
        }),
      );
      const escopo = escopoDe(ator);
      const unidades = escopo.tudo
        ? (await deps.db.selectFrom('processo').select('unidade').distinct().orderBy('unidade').execute()).map((u) => u.unidade)
        : escopo.unidades;
      // The phases of every registered rite, grouped by rite (a new rite's phases appear here by themselves).
      const fases = ritosRegistrados().map((def) => ({
        rito: def.rotulo,
        fases: Object.entries(def.fases).filter(([, f]) => !f.terminal).map(([codigo, f]) => ({ codigo, rotulo: f.rotulo, selecionada: codigo === filtro.fase })),
      }));
      const tipos = Object.keys(TIPOS_PROCESSO).filter((t) => ritoDoTipo(t)).map((t) => ({ codigo: t, rotulo: rotuloTipoProcesso(t), selecionada: t === filtro.tipo }));
      return renderizar(request, reply, 'caixa', {
        titulo: 'Caixa de trabalho',
        migalhas: [{ rotulo: 'Caixa de trabalho' }],
        busca: true,
        mensagens,
        filtro,
        fases,
        tipos,
        unidades: unidades.map((u) => ({ valor: u, selecionada: u === filtro.unidade })),
        horizonte,
        itens,
      });
    },
  );
}
