/**
 * Administration: accounts and their roles, institutions' representatives with
 * the dates of their mandates, and API keys for machine clients. Administrador only.
 * Every change and its audit entry are written in one transaction.
 *
 * Each route's work is an exported function (criarConta, alterarConta,
 * registrarRepresentacao, alterarRepresentacao, criarChave, revogarChave…)
 * that the administration pages (paginas/rotas/administracao.ts) call too:
 * the same checks, the same audit entries, whichever door the administrador uses.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import type { Ator, Papel } from '../auth/ator';
import { criarChaveApi } from '../auth/chaves';
import { encerrarSessoesDoUsuario, esquecerContaNoCache } from '../auth/sessao';
import { conflito, erroSchema, invalido, naoEncontrado } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import { linkSenha, type ContasDeps } from './routes';
import {
  chaveCriacaoSchema,
  chaveCriadaSchema,
  chaveSchema,
  listaChavesSchema,
  listaUsuariosSchema,
  representacaoAlteracaoSchema,
  representacaoCriacaoSchema,
  representacaoSchema,
  usuarioAlteracaoSchema,
  usuarioCriacaoSchema,
  usuarioSchema,
  usuariosQuerySchema,
} from './schemas';
import {
  chaveView,
  criarRepresentacao,
  criarUsuario,
  emitirTokenSenha,
  fimDe,
  inicioDe,
  mensagemSenha,
  representacaoView,
  usuarioView,
  validarPapeis,
} from './service';
import { instante, instanteOuNulo } from '../instantes';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };
const ADMIN = ['administrador'] as const;
const idParams = z.object({ id: z.string().min(1).max(200) });

type UsuarioCriacao = z.output<typeof usuarioCriacaoSchema>;
type UsuarioAlteracao = z.output<typeof usuarioAlteracaoSchema>;
type RepresentacaoCriacao = z.output<typeof representacaoCriacaoSchema>;
type ChaveCriacao = z.output<typeof chaveCriacaoSchema>;
type UsuariosQuery = z.output<typeof usuariosQuerySchema>;

/** An account with its mandates, or null. */
export async function carregarConta(db: Db, id: string) {
  const usuario = await db.selectFrom('usuario').selectAll().where('id', '=', id).executeTakeFirst();
  if (!usuario) return null;
  const reps = await db.selectFrom('representacao').selectAll().where('usuario_id', '=', id).orderBy('inicio').execute();
  return usuarioView(usuario, reps);
}

/** A new account (without a password), audited as usuario.criar; the invitation e-mailed when asked. */
export async function criarConta(
  deps: Pick<ContasDeps, 'db' | 'correio' | 'urlPublica'>,
  request: FastifyRequest,
  admin: Ator,
  b: UsuarioCriacao,
) {
  const { db, correio, urlPublica } = deps;
  const problemas = validarPapeis(b.papeis, b.unidade);
  if (problemas.length) throw invalido(problemas);
  const usuario = await db.transaction().execute(async (trx) => {
    const u = await criarUsuario(
      trx,
      { nome: b.nome, email: b.email, papeis: b.papeis, unidade: b.unidade ?? null, matricula: b.matricula, cargo: b.cargo, tratamento: b.tratamento },
      admin.id,
    );
    await request.auditar(
      {
        acao: 'usuario.criar',
        recurso: 'usuario',
        resumo: `Conta criada para ${u.nome} <${u.email}> (${u.papeis.join(', ')})`,
        recursoId: u.id,
        dados: { email: u.email, papeis: u.papeis, unidade: u.unidade, matricula: u.matricula, cargo: u.cargo, tratamento: u.tratamento },
      },
      trx,
    );
    return u;
  });
  if (b.enviarConvite) {
    const token = await emitirTokenSenha(db, usuario.id, 'convite');
    await correio.enviar({
      para: usuario.email,
      ...mensagemSenha({ nome: usuario.nome, email: usuario.email, link: linkSenha(urlPublica, token), finalidade: 'convite' }),
    });
  }
  return usuarioView(usuario, []);
}

/** Accounts by id, filtered, a page at a time. */
export async function listarContas(db: Db, q: UsuariosQuery) {
  let query = db.selectFrom('usuario').selectAll().orderBy('id').limit(q.limite + 1);
  if (q.papel) query = query.where((eb) => eb(eb.val(q.papel), '=', eb.fn.any('papeis')));
  if (q.unidade) query = query.where('unidade', '=', q.unidade);
  if (q.email) query = query.where('email', 'like', `%${q.email.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (q.ativo !== undefined) query = query.where('ativo', '=', q.ativo);
  if (q.cursor) query = query.where('id', '>', q.cursor);
  const rows = await query.execute();
  const pagina = rows.slice(0, q.limite);
  const reps = pagina.length
    ? await db.selectFrom('representacao').selectAll().where('usuario_id', 'in', pagina.map((u) => u.id)).orderBy('inicio').execute()
    : [];
  return {
    itens: pagina.map((u) => usuarioView(u, reps.filter((r) => r.usuario_id === u.id))),
    proximoCursor: rows.length > q.limite ? pagina[pagina.length - 1].id : null,
  };
}

/** Changes an account (deactivating it ends its sessions), audited as usuario.alterar with what changed. */
export async function alterarConta(db: Db, request: FastifyRequest, admin: Ator, id: string, b: UsuarioAlteracao) {
  await db.transaction().execute(async (trx) => {
    const antes = await trx.selectFrom('usuario').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!antes) throw naoEncontrado('Usuário');
    const papeis = b.papeis ?? antes.papeis;
    const unidade = b.unidade !== undefined ? b.unidade : antes.unidade;
    const problemas = validarPapeis(papeis, unidade);
    if (problemas.length) throw invalido(problemas);
    if (antes.id === admin.id && (b.ativo === false || !papeis.includes('administrador'))) {
      throw conflito('auto-bloqueio', 'Você não pode desativar a própria conta nem retirar de si o papel de administrador.');
    }
    const depois = await trx
      .updateTable('usuario')
      .set({
        nome: b.nome ?? antes.nome,
        papeis,
        unidade,
        matricula: b.matricula !== undefined ? b.matricula : antes.matricula,
        cargo: b.cargo !== undefined ? b.cargo : antes.cargo,
        tratamento: b.tratamento !== undefined ? b.tratamento : antes.tratamento,
        ativo: b.ativo ?? antes.ativo,
        atualizado_em: new Date(),
      })
      .where('id', '=', antes.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const sessoesEncerradas = antes.ativo && !depois.ativo ? await encerrarSessoesDoUsuario(trx, antes.id) : 0;
    const mudou = (['nome', 'papeis', 'unidade', 'matricula', 'cargo', 'tratamento', 'ativo'] as const).filter((k) => JSON.stringify(antes[k]) !== JSON.stringify(depois[k]));
    await request.auditar(
      {
        acao: 'usuario.alterar',
        recurso: 'usuario',
        recursoId: antes.id,
        resumo: `Conta de ${depois.nome} alterada: ${mudou.join(', ') || 'nada mudou'}`,
        dados: { antes: Object.fromEntries(mudou.map((k) => [k, antes[k]])), depois: Object.fromEntries(mudou.map((k) => [k, depois[k]])), sessoesEncerradas },
      },
      trx,
    );
  });
  esquecerContaNoCache(db, id); // committed: this instance forgets the account's sessions now (roles, unit, active)
  return (await carregarConta(db, id))!;
}

/** The account represents an institution from `inicio` to `fim`, audited as representacao.criar. */
export async function registrarRepresentacao(db: Db, request: FastifyRequest, admin: Ator, usuarioId: string, b: RepresentacaoCriacao) {
  const inicio = b.inicio ? inicioDe(b.inicio) : new Date();
  const fim = b.fim ? fimDe(b.fim) : null;
  if (fim && fim <= inicio) throw invalido([{ campo: 'fim', mensagem: 'o fim do mandato deve ser posterior ao início' }]);
  const rep = await db.transaction().execute(async (trx) => {
    const usuario = await trx.selectFrom('usuario').select(['id', 'nome', 'papeis']).where('id', '=', usuarioId).executeTakeFirst();
    if (!usuario) throw naoEncontrado('Usuário');
    if (!usuario.papeis.includes('representante')) {
      throw conflito('nao-representante', 'Só contas com o papel representante podem representar instituições.');
    }
    const r = await criarRepresentacao(
      trx,
      { usuarioId: usuario.id, cnpj: b.instituicao.cnpj, nome: b.instituicao.nome, tipo: b.tipo, inicio, fim, documento: b.documento ?? null },
      admin.id,
    );
    await request.auditar(
      {
        acao: 'representacao.criar',
        recurso: 'usuario',
        recursoId: usuario.id,
        resumo: `${usuario.nome} registrado(a) como ${b.tipo} de ${b.instituicao.nome} (${b.instituicao.cnpj})`,
        dados: { representacaoId: r.id, cnpj: r.instituicao_cnpj, tipo: r.tipo, inicio: instante(inicio), fim: instanteOuNulo(fim) },
      },
      trx,
    );
    return r;
  });
  return representacaoView(rep);
}

/** A mandate's new end (a revoked procuração), audited as representacao.alterar. */
export async function alterarRepresentacao(db: Db, request: FastifyRequest, id: string, fimPedido: string | null) {
  const rep = await db.transaction().execute(async (trx) => {
    const antes = await trx.selectFrom('representacao').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!antes) throw naoEncontrado('Representação');
    const fim = fimPedido ? fimDe(fimPedido) : null;
    if (fim && fim <= new Date(antes.inicio)) throw invalido([{ campo: 'fim', mensagem: 'o fim do mandato deve ser posterior ao início' }]);
    const depois = await trx.updateTable('representacao').set({ fim }).where('id', '=', antes.id).returningAll().executeTakeFirstOrThrow();
    await request.auditar(
      {
        acao: 'representacao.alterar',
        recurso: 'representacao',
        recursoId: antes.id,
        resumo: `Mandato de ${antes.tipo} da instituição ${antes.instituicao_cnpj} com fim alterado para ${fim ? instante(fim) : 'indeterminado'}`,
        dados: { usuarioId: antes.usuario_id, fimAntes: instanteOuNulo(antes.fim), fimDepois: instanteOuNulo(fim) },
      },
      trx,
    );
    return depois;
  });
  return representacaoView(rep);
}

/** A new API key, audited as chave-api.criar; the secret is in this answer only. */
export async function criarChave(db: Db, request: FastifyRequest, admin: Ator, b: ChaveCriacao) {
  const problemas = [];
  if (b.papeis.includes('representante') && !b.instituicoes.length) problemas.push({ campo: 'instituicoes', mensagem: 'chave de representante precisa de ao menos uma instituição' });
  if ((b.papeis.includes('inspetor') || b.papeis.includes('comissao')) && !b.unidade) problemas.push({ campo: 'unidade', mensagem: 'chave de inspetor precisa de uma unidade (COOIE)' });
  if (b.papeis.includes('comissao')) problemas.push({ campo: 'papeis', mensagem: 'comissão é designação de pessoas; use inspetor' });
  if (b.expiraEm && new Date(b.expiraEm) <= new Date()) problemas.push({ campo: 'expiraEm', mensagem: 'a expiração deve estar no futuro' });
  if (b.rede && !b.papeis.includes('sistema')) problemas.push({ campo: 'rede', mensagem: 'só uma chave de papel sistema envia lotes por uma rede' });
  if (problemas.length) throw invalido(problemas);
  return db.transaction().execute(async (trx) => {
    const { id, chave } = await criarChaveApi(
      trx,
      {
        nome: b.nome,
        papeis: b.papeis as Papel[],
        unidade: b.unidade ?? null,
        instituicoes: b.instituicoes,
        expiraEm: b.expiraEm ? new Date(b.expiraEm) : null,
        ambiente: b.ambiente,
        rede: b.rede ?? null,
        ipsPermitidos: b.ipsPermitidos,
      },
      admin.id,
    );
    const row = await trx.selectFrom('chave_api').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await request.auditar(
      {
        acao: 'chave-api.criar',
        recurso: 'chave-api',
        resumo: `Chave de API criada para ${b.nome} (${b.papeis.join(', ')})`,
        recursoId: id,
        dados: { prefixo: row.prefixo, papeis: row.papeis, unidade: row.unidade, instituicoes: row.instituicoes, ambiente: row.ambiente, rede: row.rede, ipsPermitidos: row.ips_permitidos },
      },
      trx,
    );
    return { ...chaveView(row), chave };
  });
}

export async function listarChaves(db: Db) {
  return (await db.selectFrom('chave_api').selectAll().orderBy('criada_em').execute()).map(chaveView);
}

/** Revokes a key at once, audited as chave-api.revogar; revoking it again changes nothing. Returns whether it was in force. */
export async function revogarChave(db: Db, request: FastifyRequest, admin: Ator, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const chave = await trx.selectFrom('chave_api').select(['id', 'nome', 'revogada_em']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!chave) throw naoEncontrado('Chave de API');
    if (chave.revogada_em) {
      request.auditado = true; // already revoked: nothing changes
      return false;
    }
    await trx.updateTable('chave_api').set({ revogada_em: new Date(), revogada_por: admin.id }).where('id', '=', chave.id).execute();
    await request.auditar({ acao: 'chave-api.revogar', recurso: 'chave-api', recursoId: chave.id, resumo: `Chave de API de ${chave.nome} revogada` }, trx);
    return true;
  });
}

const adminRoutes: FastifyPluginAsyncZod<ContasDeps> = async (app, { db, correio, urlPublica }) => {
  app.post(
    '/v1/usuarios',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'usuario.criar', recurso: 'usuario' } },
      schema: {
        tags: ['administração'],
        summary: 'Cria uma conta; a pessoa recebe por e-mail o link para definir a senha',
        description: 'Ninguém escolhe a senha de outra pessoa: a conta nasce sem senha e o convite vale 72 horas.',
        body: usuarioCriacaoSchema,
        response: { 201: usuarioSchema, ...erros },
      },
    },
    async (request, reply) => {
      const u = await criarConta({ db, correio, urlPublica }, request, requireAtor(request), request.body);
      return reply.code(201).header('location', `/v1/usuarios/${u.id}`).send(u);
    },
  );

  app.get(
    '/v1/usuarios',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'usuario.listar', recurso: 'usuario', dadosPessoais: true } },
      schema: { tags: ['administração'], summary: 'Lista contas, com filtros', querystring: usuariosQuerySchema, response: { 200: listaUsuariosSchema, ...erros } },
    },
    async (request) => listarContas(db, request.query),
  );

  app.get(
    '/v1/usuarios/:id',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'usuario.ler', recurso: 'usuario', dadosPessoais: true } },
      schema: { tags: ['administração'], summary: 'Uma conta, com suas representações', params: idParams, response: { 200: usuarioSchema, ...erros } },
    },
    async (request) => {
      const u = await carregarConta(db, request.params.id);
      if (!u) throw naoEncontrado('Usuário');
      return u;
    },
  );

  app.patch(
    '/v1/usuarios/:id',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'usuario.alterar', recurso: 'usuario' } },
      schema: {
        tags: ['administração'],
        summary: 'Altera nome, papéis, unidade, dados funcionais (matrícula, cargo, tratamento) ou situação de uma conta',
        description: 'Desativar a conta encerra suas sessões. Mudanças de papel valem na próxima requisição da pessoa.',
        params: idParams,
        body: usuarioAlteracaoSchema,
        response: { 200: usuarioSchema, ...erros },
      },
    },
    async (request) => alterarConta(db, request, requireAtor(request), request.params.id, request.body),
  );

  app.post(
    '/v1/usuarios/:id/representacoes',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'representacao.criar', recurso: 'usuario' } },
      schema: {
        tags: ['administração'],
        summary: 'Registra que a pessoa representa uma instituição de ensino, com início e fim do mandato',
        description: 'O acesso aos processos da instituição existe apenas enquanto o mandato vige (início ≤ agora < fim).',
        params: idParams,
        body: representacaoCriacaoSchema,
        response: { 201: representacaoSchema, ...erros },
      },
    },
    async (request, reply) => reply.code(201).send(await registrarRepresentacao(db, request, requireAtor(request), request.params.id, request.body)),
  );

  app.patch(
    '/v1/representacoes/:id',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'representacao.alterar', recurso: 'representacao' } },
      schema: {
        tags: ['administração'],
        summary: 'Altera o fim de um mandato (por exemplo, revogação da procuração)',
        description: 'Com o fim no passado ou agora, o acesso da pessoa aos processos da instituição termina na próxima requisição.',
        params: idParams,
        body: representacaoAlteracaoSchema,
        response: { 200: representacaoSchema, ...erros },
      },
    },
    async (request) => alterarRepresentacao(db, request, request.params.id, request.body.fim),
  );

  app.post(
    '/v1/chaves-api',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'chave-api.criar', recurso: 'chave-api' } },
      schema: {
        tags: ['administração'],
        summary: 'Cria uma chave de API para um sistema cliente; a chave aparece só nesta resposta',
        description:
          'A chave age com os papéis dados e se limita à unidade ou às instituições indicadas. Envie-a como ' +
          '`Authorization: Bearer rito_…` ou `X-API-Key: rito_…`. O rito guarda apenas seu hash.',
        body: chaveCriacaoSchema,
        response: { 201: chaveCriadaSchema, ...erros },
      },
    },
    async (request, reply) => reply.code(201).send(await criarChave(db, request, requireAtor(request), request.body)),
  );

  app.get(
    '/v1/chaves-api',
    {
      // names of client systems, their scope and who created them (an id)
      config: { papeis: ADMIN, auditoria: { dadosPessoais: false } },
      schema: { tags: ['administração'], summary: 'Lista as chaves de API (sem os segredos)', response: { 200: listaChavesSchema, ...erros } },
    },
    async () => ({ itens: await listarChaves(db) }),
  );

  app.delete(
    '/v1/chaves-api/:id',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'chave-api.revogar', recurso: 'chave-api' } },
      schema: { tags: ['administração'], summary: 'Revoga uma chave de API; ela deixa de valer na hora', params: idParams, response: { 204: z.null(), ...erros } },
    },
    async (request, reply) => {
      await revogarChave(db, request, requireAtor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default adminRoutes;
