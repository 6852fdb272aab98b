/**
 * The units as data (/v1/unidades): the COOIEs and the COOGIE, with official
 * name, sigla, seat, address and contact. Internal users read them; the
 * administrador creates and corrects them. Every change and its audit entry
 * are written in one transaction. A change of seat changes the calendar the
 * unit's prazos count on: every process of the unit with an open prazo or
 * task is then signalled and re-times it (issue 11).
 *
 * Creating and changing a unit are exported functions (cadastrarUnidade,
 * alterarUnidade) that the administration pages call too.
 */
import type { Client } from '@temporalio/client';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { type DadosUnidade, type AuditoriaUnidade, chaveDaSigla, gravarUnidade, listarUnidades, obterUnidade } from '../../db/unidades';
import { CODIGO_IBGE_UF } from '../../rules/calendario';
import { avisarProcessos } from '../calendario/decretados';
import { conflito, erroSchema, invalido, naoEncontrado } from '../errors';
import { instante } from '../instantes';
import type { Ator } from '../auth/ator';
import { requireAtor } from '../plugins/autenticacao';
import {
  chaveUnidadeParams,
  listaUnidadesQuery,
  listaUnidadesSchema,
  unidadeAlteracaoSchema,
  unidadeCriacaoSchema,
  unidadeSchema,
} from './schemas';

const alteracaoUnidadeSchema = unidadeSchema
  .extend({
    processosNotificados: z.number().describe('Com a sede alterada: quantos processos da unidade com prazo ou tarefa em curso foram avisados e recalculam'),
    processos: z.array(z.string()),
    naoNotificados: z.array(z.object({ processoId: z.string(), motivo: z.string() })),
  })
  .meta({ id: 'UnidadeAlterada' });

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };
const ADMIN = ['administrador'] as const;
/** The servidores (and administrators); representantes see a unit only through their processes' documents. */
const SERVIDORES = ['inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] as const;

/** What is still "a cadastrar" in a unit: the administrator's to-do. */
export function pendenciasDaUnidade(u: DadosUnidade): string[] {
  const p: string[] = [];
  if (!u.sede) p.push('sede (município): sem ela, os prazos contam só os feriados nacionais e da UF');
  if (!u.endereco) p.push('endereço');
  if (!u.email && !u.telefone) p.push('contato (e-mail ou telefone)');
  if (!u.vigenteDesde) p.push('início de vigência');
  return p;
}

export function unidadeView(u: DadosUnidade & AuditoriaUnidade) {
  return {
    chave: u.chave,
    nome: u.nome,
    sigla: u.sigla,
    tipo: u.tipo,
    uf: u.uf,
    sede: u.sede,
    endereco: u.endereco,
    email: u.email,
    telefone: u.telefone,
    vigenteDesde: u.vigenteDesde,
    pendencias: pendenciasDaUnidade(u),
    fonte: u.fonte,
    criadoPor: u.criadoPor,
    criadoEm: instante(u.criadoEm),
    atualizadoPor: u.atualizadoPor,
    atualizadoEm: instante(u.atualizadoEm),
  };
}

const CAMPOS_AUDITADOS = ['nome', 'sigla', 'tipo', 'uf', 'sede', 'endereco', 'email', 'telefone', 'vigenteDesde', 'fonte'] as const;

/** The processes of a unit with an open prazo or an open task: those a change of its seat may re-time. */
async function processosDaUnidade(db: Db, chave: string): Promise<string[]> {
  const [prazos, tarefas] = await Promise.all([
    db.selectFrom('prazo_processo').select('processo_id').distinct().where('situacao', '=', 'aberto').where('unidade', '=', chave).execute(),
    db.selectFrom('tarefa').innerJoin('processo', 'processo.id', 'tarefa.processo_id').select('tarefa.processo_id').where('tarefa.situacao', '=', 'aberta').where('processo.unidade', '=', chave).execute(),
  ]);
  return [...new Set([...prazos, ...tarefas].map((r) => r.processo_id))].sort();
}

type UnidadeCriacao = z.output<typeof unidadeCriacaoSchema>;
type UnidadeAlteracao = z.output<typeof unidadeAlteracaoSchema>;

/** A new unit, audited as unidade.criar; refused (409) if its key or its sigla is taken. */
export async function cadastrarUnidade(db: Db, request: FastifyRequest, ator: Ator, b: UnidadeCriacao) {
  const u = await db.transaction().execute(async (trx) => {
    if (await obterUnidade(trx, b.chave)) throw conflito('unidade-existente', `A unidade "${b.chave}" já está cadastrada; altere-a com PATCH /v1/unidades/{chave}.`);
    const dona = await chaveDaSigla(trx, b.sigla);
    if (dona) throw conflito('sigla-em-uso', `A sigla ${b.sigla} já é da unidade "${dona}".`);
    const dados: DadosUnidade = {
      chave: b.chave,
      nome: b.nome,
      sigla: b.sigla,
      tipo: b.tipo,
      uf: b.uf as DadosUnidade['uf'],
      sede: b.sede ?? null,
      endereco: b.endereco ?? null,
      email: b.email ?? null,
      telefone: b.telefone ?? null,
      vigenteDesde: b.vigenteDesde ?? null,
      fonte: b.fonte,
    };
    const { depois } = await gravarUnidade(trx, dados, ator.id);
    await request.auditar({ acao: 'unidade.criar', recurso: 'unidade', resumo: `Unidade cadastrada: ${depois.nome} (${depois.sigla})`, recursoId: depois.chave, dados: { unidade: dados } }, trx);
    return depois;
  });
  return unidadeView(u);
}

/**
 * Corrects or completes a unit, audited as unidade.alterar with what changed;
 * a new seat re-times the unit's running prazos and tasks (their processes are signalled).
 */
export async function alterarUnidade(deps: { db: Db; temporal: Client; log: FastifyBaseLogger }, request: FastifyRequest, ator: Ator, chave: string, b: UnidadeAlteracao) {
  const { db, temporal } = deps;
  const u = await db.transaction().execute(async (trx) => {
    const atual = await obterUnidade(trx, chave);
    if (!atual) throw naoEncontrado('Unidade');
    const dados: DadosUnidade = {
      chave: atual.chave,
      nome: b.nome ?? atual.nome,
      sigla: b.sigla ?? atual.sigla,
      tipo: b.tipo ?? atual.tipo,
      uf: (b.uf ?? atual.uf) as DadosUnidade['uf'],
      sede: b.sede !== undefined ? b.sede : atual.sede,
      endereco: b.endereco !== undefined ? b.endereco : atual.endereco,
      email: b.email !== undefined ? b.email : atual.email,
      telefone: b.telefone !== undefined ? b.telefone : atual.telefone,
      vigenteDesde: b.vigenteDesde !== undefined ? b.vigenteDesde : atual.vigenteDesde,
      fonte: b.fonte ?? atual.fonte,
    };
    if (dados.sede && dados.sede.municipio.slice(0, 2) !== CODIGO_IBGE_UF[dados.uf]) {
      throw invalido([{ campo: b.sede ? 'sede.municipio' : 'uf', mensagem: `o município-sede ${dados.sede.municipio} não pertence à UF ${dados.uf}` }]);
    }
    if (dados.sigla !== atual.sigla) {
      const dona = await chaveDaSigla(trx, dados.sigla);
      if (dona) throw conflito('sigla-em-uso', `A sigla ${dados.sigla} já é da unidade "${dona}".`);
    }
    const { antes, depois } = await gravarUnidade(trx, dados, ator.id);
    const mudou = CAMPOS_AUDITADOS.filter((k) => JSON.stringify(antes![k]) !== JSON.stringify(depois[k]));
    await request.auditar(
      {
        acao: 'unidade.alterar',
        recurso: 'unidade',
        resumo: `Unidade ${depois.chave} alterada: ${mudou.join(', ') || 'nada mudou'}`,
        recursoId: depois.chave,
        dados: { antes: Object.fromEntries(mudou.map((k) => [k, antes![k]])), depois: Object.fromEntries(mudou.map((k) => [k, depois[k]])) },
      },
      trx,
    );
    return { depois, sedeMudou: mudou.includes('sede') || mudou.includes('uf') };
  });
  // The seat's calendar is what the unit's prazos count on: re-time them.
  const notificacao = u.sedeMudou
    ? await avisarProcessos(temporal, deps.log, await processosDaUnidade(db, u.depois.chave), {
        data: '',
        operacao: 'incluido',
        motivo: 'sede da unidade alterada',
        descricao: `sede da unidade ${u.depois.chave} alterada para ${u.depois.sede ? `${u.depois.sede.nome}/${u.depois.uf}` : `${u.depois.uf} (município a cadastrar)`}; os prazos contam no calendário da sede (Lei 9.784/1999, art. 66, § 1º)`,
      })
    : { processosNotificados: 0, processos: [], naoNotificados: [] };
  return { ...unidadeView(u.depois), ...notificacao };
}

const unidadesRoutes: FastifyPluginAsyncZod<{ db: Db; temporal: Client }> = async (app, { db, temporal }) => {
  app.get(
    '/',
    {
      config: { papeis: [...SERVIDORES], auditoria: { dadosPessoais: false } }, // a unit's official data: no one's personal data
      schema: {
        tags: ['unidades'],
        summary: 'As unidades (COOIEs e COOGIE), com sede, endereço, contato e o que falta cadastrar',
        querystring: listaUnidadesQuery,
        response: { 200: listaUnidadesSchema, ...erros },
      },
    },
    async (request) => ({ itens: (await listarUnidades(db, { tipo: request.query.tipo })).map(unidadeView) }),
  );

  app.get(
    '/:chave',
    {
      config: { papeis: [...SERVIDORES], auditoria: { dadosPessoais: false } }, // a unit's official data: no one's personal data
      schema: { tags: ['unidades'], summary: 'Uma unidade, pela chave com que os processos a escrevem', params: chaveUnidadeParams, response: { 200: unidadeSchema, ...erros } },
    },
    async (request) => {
      const u = await obterUnidade(db, request.params.chave);
      if (!u) throw naoEncontrado('Unidade');
      return unidadeView(u);
    },
  );

  app.post(
    '/',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'unidade.criar', recurso: 'unidade' } },
      schema: {
        tags: ['unidades'],
        summary: 'Cadastra uma unidade',
        description: 'A chave é o texto com que processos e contas escrevem a unidade; a sigla, única, numera os documentos da unidade.',
        body: unidadeCriacaoSchema,
        response: { 201: unidadeSchema, ...erros },
      },
    },
    async (request, reply) => {
      const u = await cadastrarUnidade(db, request, requireAtor(request), request.body);
      return reply.code(201).header('location', `/v1/unidades/${encodeURIComponent(u.chave)}`).send(u);
    },
  );

  app.patch(
    '/:chave',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'unidade.alterar', recurso: 'unidade' } },
      schema: {
        tags: ['unidades'],
        summary: 'Corrige ou completa os dados de uma unidade',
        description:
          'Só os campos enviados mudam; null apaga um dado opcional (volta a "a cadastrar"). A chave não muda. ' +
          'Uma nova sede vale para os prazos da unidade a partir do próximo recálculo de cada um.',
        params: chaveUnidadeParams,
        body: unidadeAlteracaoSchema,
        response: { 200: alteracaoUnidadeSchema, ...erros },
      },
    },
    async (request) => alterarUnidade({ db, temporal, log: app.log }, request, requireAtor(request), request.params.chave, request.body),
  );
};

export default unidadesRoutes;
