/**
 * The schools (unidades de ensino) by Código INEP, as the Sistema Presença binds
 * an operador escolar to one (seed 000: "O sistema solicitará o Código INEP da
 * escola para vinculação do cadastro"), and as MEC's Gestão Presente serves them
 * (seed 001: GET /unidades-de-ensino). Kept by the administrador and by the
 * Presença coordinations of the school's UF or município; every change audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { obterUnidadeEnsino, perfisAtivosDe, salvarUnidadeEnsino } from '../../db/habilitacoes';
import { texto } from '../../rules/campos';
import { ufDoCodigoIbge } from '../../rules/identificadores/ibge';
import { codigoIbgeSchema, codigoInepSchema, ufSchema } from '../../rules/identificadores/schemas';
import { PAPEIS_DE_PESSOA } from '../auth/ator';
import { erroSchema, HttpError, invalido, naoEncontrado } from '../errors';
import { instante } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema };

const unidadeEnsinoSchema = z
  .object({
    codigoInep: z.string(),
    nome: z.string(),
    uf: z.string(),
    municipio: z.string(),
    municipioNome: z.string().nullable(),
    dependencia: z.string().nullable(),
    fonte: z.string(),
    atualizadoEm: z.string(),
  })
  .meta({ id: 'UnidadeDeEnsino' });

const gravacaoSchema = z.strictObject({
  nome: texto(200),
  uf: ufSchema,
  municipio: codigoIbgeSchema,
  municipioNome: texto(120).optional(),
  dependencia: z.enum(['federal', 'estadual', 'municipal', 'privada'], { error: 'dependência: federal, estadual, municipal ou privada' }).optional(),
  fonte: texto(500).describe('De onde vêm os dados (ex.: Catálogo de Escolas do INEP, consultado em …)'),
});

type Linha = NonNullable<Awaited<ReturnType<typeof obterUnidadeEnsino>>>;
const view = (u: Linha) => ({
  codigoInep: u.codigo_inep,
  nome: u.nome,
  uf: u.uf,
  municipio: u.municipio,
  municipioNome: u.municipio_nome,
  dependencia: u.dependencia,
  fonte: u.fonte,
  atualizadoEm: instante(u.atualizado_em),
});

const unidadesEnsinoRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '',
    {
      config: { papeis: PAPEIS_DE_PESSOA, auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['presenca'],
        summary: 'Unidades de ensino de um município',
        querystring: z.object({ municipio: codigoIbgeSchema }),
        response: { 200: z.object({ itens: z.array(unidadeEnsinoSchema) }), ...erros },
      },
    },
    async (request) => {
      const rows = await db.selectFrom('unidade_ensino').selectAll().where('municipio', '=', request.query.municipio).orderBy('nome').limit(5000).execute();
      return { itens: rows.map(view) };
    },
  );

  app.get(
    '/:codigoInep',
    {
      config: { papeis: PAPEIS_DE_PESSOA, auditoria: { dadosPessoais: false } },
      schema: { tags: ['presenca'], summary: 'Uma unidade de ensino pelo Código INEP', params: z.object({ codigoInep: codigoInepSchema }), response: { 200: unidadeEnsinoSchema, ...erros } },
    },
    async (request) => {
      const u = await obterUnidadeEnsino(db, request.params.codigoInep);
      if (!u) throw naoEncontrado('Unidade de ensino');
      return view(u);
    },
  );

  app.put(
    '/:codigoInep',
    {
      config: { papeis: ['administrador', 'coordenador-estadual', 'coordenador-municipal'], auditoria: { acao: 'unidade-ensino.gravar', recurso: 'unidade-ensino' } },
      schema: {
        tags: ['presenca'],
        summary: 'Cadastra ou corrige uma unidade de ensino',
        description: 'O administrador, a Coordenação Estadual da UF da escola ou a Municipal do seu município.',
        params: z.object({ codigoInep: codigoInepSchema }),
        body: gravacaoSchema,
        response: { 200: unidadeEnsinoSchema, ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const b = request.body;
      if (ufDoCodigoIbge(b.municipio) !== b.uf) throw invalido([{ campo: 'municipio', mensagem: `o município ${b.municipio} não pertence à UF ${b.uf}` }]);
      if (!ator.papeis.includes('administrador')) {
        const perfis = await perfisAtivosDe(db, ator.id);
        const pode = perfis.some((p) => (p.perfil === 'coordenador-estadual' && p.uf === b.uf) || (p.perfil === 'coordenador-municipal' && p.municipio === b.municipio));
        const anterior = await obterUnidadeEnsino(db, request.params.codigoInep);
        const podeAnterior = !anterior || perfis.some((p) => (p.perfil === 'coordenador-estadual' && p.uf === anterior.uf) || (p.perfil === 'coordenador-municipal' && p.municipio === anterior.municipio));
        if (!pode || !podeAnterior) throw new HttpError(403, 'fora-do-escopo', 'A escola não fica na UF ou no município da sua coordenação.');
      }
      const u = await db.transaction().execute(async (trx) => {
        await salvarUnidadeEnsino(trx, { codigoInep: request.params.codigoInep, ...b, por: ator.id });
        await request.auditar({ resumo: `Unidade de ensino ${request.params.codigoInep} gravada: ${b.nome}`, recursoId: request.params.codigoInep, dados: b }, trx);
        return (await obterUnidadeEnsino(trx, request.params.codigoInep))!;
      });
      return view(u);
    },
  );
};

export default unidadesEnsinoRoutes;
