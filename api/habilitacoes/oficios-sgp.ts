/**
 * The network's ofício to MEC on its operadores in the Sistema Gestão Presente
 * (seed 001: "Modelos de ofícios para solicitações de inclusão, substituição e
 * exclusão de operadores no SGP"), issued from the profiles rito holds:
 *
 *   POST /v1/habilitacoes/oficios-sgp
 *
 * The coordination names the operador profiles (in its scope) and rito fills the
 * ofício with their names, CPFs, e-mails and schools, numbered in the
 * coordination's own series (its sigla). Inclusão and substituição name enabled
 * operadores; exclusão names ended ones; a substituição pairs each with the one
 * who left. The ofício is read at GET /v1/documentos/{id}(.pdf) by who issued it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { obterUnidadeEnsino, perfisAtivosDe } from '../../db/habilitacoes';
import { destinatarioInstitucional, emissor, fecho, vocativo } from '../../documentos/campos';
import { emitirDocumento } from '../../documentos/emissao';
import { texto } from '../../rules/campos';
import { PEDIDOS_OPERADORES_SGP } from '../../documentos/catalogo/presenca';
import { erroSchema, HttpError, invalido } from '../errors';
import { idempotencia } from '../schemas';
import { requireAtor } from '../plugins/autenticacao';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };

const corpo = z.strictObject({
  pedido: z.enum(['inclusao', 'substituicao', 'exclusao'], { error: 'pedido: inclusao, substituicao ou exclusao' }),
  operadores: z
    .array(
      z.strictObject({
        habilitacao: z.uuid({ error: 'informe o id do perfil do operador (GET /v1/habilitacoes)' }),
        /** Substituição: the profile of who leaves. */
        substitui: z.uuid({ error: 'informe o id do perfil substituído' }).optional(),
        motivo: texto(500).optional(),
      }),
    )
    .min(1, 'informe ao menos um operador')
    .max(200),
  /** The coordination's series: 'SME-RIO'. */
  sigla: texto(40),
  rede: texto(200),
  emissor,
  local: texto(80),
  destinatario: destinatarioInstitucional,
  vocativo,
  fecho,
  cargo: texto(200).optional().describe('Cargo sob a assinatura; sem ele, o da conta ou o do perfil'),
});

const oficiosSgpRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/oficios-sgp',
    {
      config: { papeis: ['coordenador-municipal', 'coordenador-estadual'], auditoria: { acao: 'habilitacao.oficio-sgp', recurso: 'documento' } },
      schema: {
        tags: ['presenca'],
        summary: 'Ofício ao MEC de inclusão, substituição ou exclusão de operadores no Sistema Gestão Presente',
        description: 'Preenchido com os perfis de operador escolar do escopo de quem o emite; numerado na série da coordenação (`sigla`). Lido em GET /v1/documentos/{id} por quem o emitiu.',
        headers: idempotencia,
        body: corpo,
        response: { 201: z.object({ id: z.string(), identificacao: z.string(), links: z.object({ html: z.string(), pdf: z.string() }) }), ...erros },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const b = request.body;
      const perfis = (await perfisAtivosDe(db, ator.id)).filter((p) => p.perfil === 'coordenador-municipal' || p.perfil === 'coordenador-estadual');
      const noEscopo = (h: { uf: string; municipio: string | null }) =>
        perfis.some((p) => (p.perfil === 'coordenador-estadual' && p.uf === h.uf) || (p.perfil === 'coordenador-municipal' && p.municipio === h.municipio));
      const ids = b.operadores.flatMap((o) => [o.habilitacao, ...(o.substitui ? [o.substitui] : [])]);
      const linhas = await db.selectFrom('habilitacao').selectAll().where('id', 'in', ids).execute();
      const porId = new Map(linhas.map((l) => [l.id, l]));
      const campos: { campo: string; mensagem: string }[] = [];
      const operadores = [];
      for (const [i, o] of b.operadores.entries()) {
        const h = porId.get(o.habilitacao);
        if (!h || h.perfil !== 'operador-escolar' || !noEscopo(h)) {
          campos.push({ campo: `operadores.${i}.habilitacao`, mensagem: 'não é um perfil de operador escolar do escopo da sua coordenação' });
          continue;
        }
        const esperada = b.pedido === 'exclusao' ? ['excluido', 'substituido'] : ['ativo'];
        if (!esperada.includes(h.situacao)) {
          campos.push({ campo: `operadores.${i}.habilitacao`, mensagem: b.pedido === 'exclusao' ? 'o perfil ainda está ativo: exclua-o antes de pedir a exclusão no SGP' : 'o perfil não está ativo: habilite-o antes de pedir a inclusão no SGP' });
          continue;
        }
        let substitui: { nome: string; cpf: string } | undefined;
        if (b.pedido === 'substituicao') {
          const s = o.substitui ? porId.get(o.substitui) : undefined;
          if (!s || s.perfil !== 'operador-escolar' || !noEscopo(s) || s.situacao === 'ativo' || s.situacao === 'pedido') {
            campos.push({ campo: `operadores.${i}.substitui`, mensagem: 'informe o perfil encerrado do operador que sai' });
            continue;
          }
          substitui = { nome: s.nome, cpf: s.cpf };
        }
        const escola = h.codigo_inep ? await obterUnidadeEnsino(db, h.codigo_inep) : undefined;
        operadores.push({ nome: h.nome, cpf: h.cpf, email: h.email, codigoInep: h.codigo_inep!, escola: escola?.nome ?? `Escola INEP ${h.codigo_inep}`, ...(substitui ? { substitui } : {}), ...(o.motivo ? { motivo: o.motivo } : {}) });
      }
      if (!perfis.length) throw new HttpError(403, 'sem-permissao', 'O ofício ao SGP é da Coordenação Municipal ou Estadual em exercício.');
      if (campos.length) throw invalido(campos);
      const conta = await db.selectFrom('usuario').select(['nome', 'cargo']).where('id', '=', ator.id).executeTakeFirstOrThrow();
      const cargo = b.cargo ?? conta.cargo ?? (perfis[0]!.perfil === 'coordenador-municipal' ? 'Coordenador(a) Municipal do Sistema Presença' : 'Coordenador(a) Estadual do Sistema Presença');
      const doc = await emitirDocumento(db, {
        chave: `oficio-sgp:${ator.id}:${request.headers['idempotency-key']}`,
        processoId: null,
        tipo: 'operadores-sgp',
        unidade: b.sigla,
        emitidoPor: ator.id,
        dados: {
          emissor: b.emissor,
          local: b.local,
          destinatario: b.destinatario,
          vocativo: b.vocativo,
          fecho: b.fecho,
          signatario: { nome: conta.nome, cargo },
          pedido: b.pedido,
          rede: b.rede,
          operadores,
        },
      });
      await request.auditar({
        recursoId: doc.id,
        resumo: `${doc.identificacao}: ${PEDIDOS_OPERADORES_SGP[b.pedido]} de ${operadores.length} operador(es) no SGP`,
        dados: { pedido: b.pedido, habilitacoes: b.operadores.map((o) => o.habilitacao), documento: doc.id },
        repeticao: doc.existente,
      });
      return reply.code(201).send({ id: doc.id, identificacao: doc.identificacao, links: { html: `/v1/documentos/${doc.id}`, pdf: `/v1/documentos/${doc.id}.pdf` } });
    },
  );
};

export default oficiosSgpRoutes;
