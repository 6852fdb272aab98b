/**
 * The iCalendar feed of each person (issue 12): a secret, revocable URL that a
 * calendar program reads without a session. The secret is the credential, so
 * only its SHA-256 is kept (as for sessions and API keys) and it is shown once,
 * when created; a new one ends the previous; revoking ends it at once (404 from
 * then on). The feed lists what the person's scope covers now (api/auth/escopo.ts):
 * the open prazos of those processes and, for the servidores who follow the
 * units' decisions (as GET /v1/tarefas allows), the open tasks.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assinaturaAgendaPorHash, assinaturaAgendaVigente, criarAssinaturaAgenda, marcarUsoAgenda, prazosDaAgenda, revogarAssinaturaAgenda, tarefasDaAgenda } from '../../db/agenda';
import type { Db } from '../../db/connect';
import { PAPEIS, type Ator, type Papel } from '../auth/ator';
import { atorDoUsuario } from '../auth/contas';
import { noEscopo } from '../auth/escopo';
import { segredoAleatorio, sha256 } from '../auth/segredos';
import { erroSchema, HttpError, naoEncontrado } from '../errors';
import { instante, instanteOuNulo } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { agendaIcal } from './ical';

export interface AgendaDeps {
  db: Db;
  urlPublica: string;
}

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 429: erroSchema };
/** Who sees the units' tasks: the roles of GET /v1/tarefas. */
const VEEM_TAREFAS: Papel[] = ['inspetor', 'coogie', 'supervisor'];
const ARQUIVO = /^([A-Za-z0-9_-]{43})\.ics$/;
const TOQUE_MS = 60 * 1000;

const agendaSchema = z
  .object({
    ativa: z.boolean(),
    criadaEm: z.string().nullable(),
    ultimoUsoEm: z.string().nullable().describe('última leitura por um programa de calendário'),
  })
  .meta({ id: 'Agenda' });
const agendaCriadaSchema = z
  .object({
    url: z.string().describe('endereço secreto do calendário (mostrado só agora; quem o tiver vê os seus prazos)'),
    criadaEm: z.string(),
  })
  .meta({ id: 'AgendaCriada' });

/** The person behind the request: feeds belong to people (a session), not to API keys. */
function pessoa(request: FastifyRequest): Ator {
  const ator = requireAtor(request);
  if (request.autenticacao?.meio !== 'sessao') throw new HttpError(400, 'sem-sessao', 'O calendário é de uma pessoa: entre com e-mail e senha para criá-lo ou revogá-lo.');
  return ator;
}

export async function lerAgenda(db: Db, ator: Ator, urlPublica: string, agora: Date): Promise<string> {
  const escopo = noEscopo(ator);
  const [prazos, tarefas] = await Promise.all([
    prazosDaAgenda(db, escopo),
    ator.papeis.some((p) => VEEM_TAREFAS.includes(p)) ? tarefasDaAgenda(db, escopo) : Promise.resolve([]),
  ]);
  return agendaIcal({ urlPublica, prazos, tarefas, geradoEm: agora });
}

const endereco = (urlPublica: string, segredo: string) => `${urlPublica.replace(/\/$/, '')}/calendario/${segredo}.ics`;

/** The person's feed now: the API's GET /v1/eu/agenda and the account page alike. */
export async function situacaoAgenda(db: Db, ator: Ator) {
  const a = await assinaturaAgendaVigente(db, ator.id);
  return { ativa: !!a, criadaEm: a ? instante(a.criada_em) : null, ultimoUsoEm: instanteOuNulo(a?.ultimo_uso_em ?? null) };
}

/** A new secret URL for the person (ending the previous), audited as agenda.criar: the API and the account page alike. */
export async function criarAgenda(db: Db, request: FastifyRequest, ator: Ator, urlPublica: string): Promise<{ url: string; criadaEm: string }> {
  const segredo = segredoAleatorio();
  const { id, revogouAnterior } = await criarAssinaturaAgenda(db, ator.id, sha256(segredo));
  await request.auditar({ acao: 'agenda.criar', recurso: 'usuario', resumo: `Calendário de ${ator.nome} criado${revogouAnterior ? ' (o anterior foi revogado)' : ''}`, recursoId: ator.id, dados: { assinatura: id, revogouAnterior } });
  const a = await assinaturaAgendaVigente(db, ator.id);
  return { url: endereco(urlPublica, segredo), criadaEm: instante(a!.criada_em) };
}

/** Ends the person's feed, audited as agenda.revogar; 404 when there is none. */
export async function revogarAgenda(db: Db, request: FastifyRequest, ator: Ator): Promise<void> {
  if (!(await revogarAssinaturaAgenda(db, ator.id))) throw naoEncontrado('Calendário');
  await request.auditar({ acao: 'agenda.revogar', recurso: 'usuario', resumo: `Calendário de ${ator.nome} revogado`, recursoId: ator.id });
}

const agendaRoutes: FastifyPluginAsyncZod<AgendaDeps> = async (app, { db, urlPublica }) => {
  app.get(
    '/v1/eu/agenda',
    {
      config: { papeis: PAPEIS, auditoria: { dadosPessoais: false } },
      schema: { tags: ['contas'], summary: 'Se há um calendário (iCalendar) seu em vigor, desde quando e quando foi lido', response: { 200: agendaSchema, ...erros } },
    },
    async (request) => situacaoAgenda(db, requireAtor(request)),
  );

  app.post(
    '/v1/eu/agenda',
    {
      config: { papeis: PAPEIS, auditoria: { acao: 'agenda.criar', recurso: 'usuario' } },
      schema: {
        tags: ['contas'],
        summary: 'Cria o endereço secreto do seu calendário de prazos e tarefas (iCalendar)',
        description:
          'Devolve, uma única vez, o endereço `/calendario/{segredo}.ics`, que um programa de calendário lê sem sessão. ' +
          'Criar um novo revoga o anterior. Lista os prazos em curso dos processos que você vê e, para inspeção, COOGIE e supervisão, as decisões pendentes das unidades.',
        response: { 201: agendaCriadaSchema, ...erros },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await criarAgenda(db, request, pessoa(request), urlPublica));
    },
  );

  app.delete(
    '/v1/eu/agenda',
    {
      config: { papeis: PAPEIS, auditoria: { acao: 'agenda.revogar', recurso: 'usuario' } },
      schema: { tags: ['contas'], summary: 'Revoga o endereço do seu calendário; ele deixa de valer na hora', response: { 204: z.null(), ...erros } },
    },
    async (request, reply) => {
      await revogarAgenda(db, request, pessoa(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/calendario/:arquivo',
    {
      // The secret is the credential. Institutions, process numbers and deadlines only: no personal data.
      config: { publica: true, auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['contas'],
        summary: 'O calendário (iCalendar) de prazos e tarefas de uma pessoa, pelo seu endereço secreto',
        params: z.object({ arquivo: z.string().max(100) }),
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar (RFC 5545)'), 404: erroSchema, 429: erroSchema },
      },
    },
    async (request, reply) => {
      const m = ARQUIVO.exec(request.params.arquivo);
      const assinatura = m ? await assinaturaAgendaPorHash(db, sha256(m[1]!)) : undefined;
      const ator = assinatura ? await atorDoUsuario(db, assinatura.usuario_id) : null;
      if (!assinatura || !ator) throw naoEncontrado('Calendário');
      const agora = new Date();
      if (!assinatura.ultimo_uso_em || agora.getTime() - new Date(assinatura.ultimo_uso_em).getTime() > TOQUE_MS) await marcarUsoAgenda(db, assinatura.id, agora);
      const corpo = await lerAgenda(db, ator, urlPublica, agora);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="rito.ics"')
        .send(corpo);
    },
  );
};

export default agendaRoutes;
