/**
 * People's sign-in: sessions (login, logout, who am I) and passwords set through
 * single-use e-mailed tokens.
 */
import { tarefasEmSegundoPlano } from '../segundo-plano';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { PAPEIS } from '../auth/ator';
import { atorDoUsuario } from '../auth/contas';
import { verificarSenha } from '../auth/segredos';
import { apagarCookieSessao, criarSessao, definirCookieSessao, encerrarSessao, encerrarSessoesDoUsuario, esquecerContaNoCache, tokenDoCookie } from '../auth/sessao';
import { sha256 } from '../auth/segredos';
import { problemasDaSenha } from '../auth/politica-senha';
import { erroSchema, HttpError, invalido } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import type { Correio } from './correio';
import { euSchema, loginSchema, mensagemSchema, novaSenhaSchema, pedidoRedefinicaoSchema, sessaoCriadaSchema } from './schemas';
import {
  consumirTokenSenha,
  definirSenha,
  emitirTokenSenha,
  LIMITE_PEDIDOS_HORA,
  limparFalhasLogin,
  mensagemSenha,
  pedidosRecentes,
  reservarTentativaLogin,
  usuarioPorEmail,
} from './service';
import { instante, instanteOuNulo } from '../instantes';

export interface ContasDeps {
  db: Db;
  correio: Correio;
  /** Base of the links sent by e-mail, without a trailing slash. */
  urlPublica: string;
}

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema, 429: erroSchema };
const TODOS = PAPEIS;

export const linkSenha = (urlPublica: string, token: string) => `${urlPublica.replace(/\/$/, '')}/redefinir-senha#${token}`;

/** Lock entries already audited (one per lock and API process, however often a locked caller insists). */
const bloqueiosAuditados = new Set<string>();

/**
 * Login with e-mail and password, the one path of POST /v1/sessoes and of the
 * login page (paginas/): lockout after repeated failures, audit of each
 * outcome, a new session (never the browser's old one) in the cookie.
 * Refusals are HttpErrors (401, 429) with pt-BR messages.
 */
export async function entrarComSenha(db: Db, request: FastifyRequest, reply: FastifyReply, credenciais: { email: string; senha: string }) {
  const { email, senha } = credenciais;
  // With TRUST_PROXY set, request.ip is the client named by the trusted proxies' X-Forwarded-For.
  const ip = request.ip ?? null;
  const { bloqueadoAte: ate } = await reservarTentativaLogin(db, email, ip);
  if (ate) {
    // One entry per lock (per API process), however often a locked caller insists.
    const chave = `${email}|${ip}|${ate.getTime()}`;
    if (!bloqueiosAuditados.has(chave)) {
      if (bloqueiosAuditados.size > 10_000) bloqueiosAuditados.clear();
      bloqueiosAuditados.add(chave);
      await request.auditar({ acao: 'sessao.bloqueada', ator: null, resumo: `Entrada recusada por excesso de tentativas: ${email}`, dados: { email, ate: instante(ate) } });
    } else {
      request.auditado = true;
    }
    reply.header('retry-after', String(Math.max(1, Math.ceil((ate.getTime() - Date.now()) / 1000))));
    throw new HttpError(429, 'muitas-tentativas', 'Muitas tentativas de entrada sem sucesso. Aguarde alguns minutos ou redefina sua senha.');
  }
  const usuario = await usuarioPorEmail(db, email);
  const senhaConfere = await verificarSenha(usuario?.senha_hash ?? null, senha);
  if (!usuario || !senhaConfere || !usuario.ativo) {
    // Already counted by reservarTentativaLogin.
    await request.auditar({ acao: 'sessao.falha', ator: null, resumo: `Tentativa de entrada sem sucesso: ${email}`, dados: { email } });
    throw new HttpError(401, 'credenciais-invalidas', 'E-mail ou senha incorretos.');
  }
  await limparFalhasLogin(db, email);
  // A new login never reuses a session id the browser already had (session fixation).
  const anterior = tokenDoCookie(request);
  if (anterior) await encerrarSessao(db, sha256(anterior));
  const sessao = await criarSessao(db, usuario.id, { ip, userAgent: request.headers['user-agent'] ?? null });
  const ator = await atorDoUsuario(db, usuario.id);
  if (!ator) throw new HttpError(401, 'credenciais-invalidas', 'E-mail ou senha incorretos.');
  await request.auditar({ acao: 'sessao.criar', ator, resumo: `Entrada com senha de ${usuario.email}`, recursoId: usuario.id, recurso: 'usuario' });
  definirCookieSessao(reply, sessao);
  return { ator, sessao };
}

/** What asking for a reset link needs: the accounts, the mail, the links' base, and a way to work after answering. */
export interface ContextoRedefinicao {
  db: Db;
  correio: Correio;
  urlPublica: string;
  /** Runs the work after the answer leaves, so that its timing reveals nothing. */
  emSegundoPlano(fn: () => Promise<void>): void;
}

/**
 * A request for a reset link, the one path of POST /v1/senhas/redefinicao and
 * of the page: always the same answer, the work (lookup, cap per hour, e-mail,
 * audit) after it.
 */
export function pedirRedefinicao({ db, correio, urlPublica, emSegundoPlano }: ContextoRedefinicao, request: FastifyRequest, email: string): void {
  request.auditado = true; // the entry is written below, once the outcome is known
  emSegundoPlano(async () => {
    const usuario = await usuarioPorEmail(db, email);
    if (!usuario || !usuario.ativo) {
      await request.auditar({ acao: 'senha.redefinicao.pedir', recurso: 'usuario', ator: null, resumo: `Pedido de redefinição de senha para e-mail sem conta ativa: ${email}`, dados: { email }, recursoId: null });
      return;
    }
    // Counting and issuing under the account's row lock: concurrent requests cannot all pass the cap.
    const token = await db.transaction().execute(async (trx) => {
      await trx.selectFrom('usuario').select('id').where('id', '=', usuario.id).forUpdate().execute();
      if ((await pedidosRecentes(trx, usuario.id)) >= LIMITE_PEDIDOS_HORA) return null;
      return emitirTokenSenha(trx, usuario.id, 'redefinicao');
    });
    if (!token) {
      await request.auditar({ acao: 'senha.redefinicao.pedir', recurso: 'usuario', ator: null, resumo: `Pedido de redefinição de senha ignorado (limite por hora): ${email}`, recursoId: usuario.id });
      return;
    }
    const msg = mensagemSenha({ nome: usuario.nome, email: usuario.email, link: linkSenha(urlPublica, token), finalidade: 'redefinicao' });
    await correio.enviar({ para: usuario.email, ...msg });
    await request.auditar({ acao: 'senha.redefinicao.pedir', recurso: 'usuario', ator: null, resumo: `Link de redefinição de senha enviado a ${usuario.email}`, recursoId: usuario.id });
  });
}

/**
 * Sets a password with a single-use e-mailed token (reset or invitation), the
 * one path of POST /v1/senhas/redefinicao/{token} and of the page. A refused
 * password keeps the link valid (the transaction rolls back).
 */
export async function definirSenhaComToken(db: Db, request: FastifyRequest, token: string, senha: string): Promise<void> {
  const usuarioId = await db.transaction().execute(async (trx) => {
    const uso = await consumirTokenSenha(trx, token);
    const usuario = uso && (await trx.selectFrom('usuario').selectAll().where('id', '=', uso.usuarioId).where('ativo', '=', true).executeTakeFirst());
    if (!uso || !usuario) throw new HttpError(400, 'token-invalido', 'Link de definição de senha inválido, expirado ou já usado. Peça um novo.');
    // Refused here, the transaction rolls back and the link still works for a better password.
    const problemas = problemasDaSenha(senha, { email: usuario.email, nome: usuario.nome });
    if (problemas.length) throw invalido(problemas.map((mensagem) => ({ campo: 'senha', mensagem })), 'Senha recusada.');
    await definirSenha(trx, usuario.id, senha);
    await limparFalhasLogin(trx, usuario.email);
    const encerradas = await encerrarSessoesDoUsuario(trx, usuario.id);
    await request.auditar(
      {
        acao: 'senha.redefinir',
        recurso: 'usuario',
        ator: { id: usuario.id, nome: usuario.nome, papeis: usuario.papeis },
        resumo: uso.finalidade === 'convite' ? 'Senha definida no primeiro acesso' : 'Senha redefinida pelo link enviado por e-mail',
        recursoId: usuario.id,
        dados: { finalidade: uso.finalidade, sessoesEncerradas: encerradas },
      },
      trx,
    );
    return usuario.id;
  });
  esquecerContaNoCache(db, usuarioId); // committed: this instance forgets the account's sessions now
}

const contasRoutes: FastifyPluginAsyncZod<ContasDeps> = async (app, { db, correio, urlPublica }) => {
  const emSegundoPlano = tarefasEmSegundoPlano(app);

  app.post(
    '/v1/sessoes',
    {
      config: { publica: true, auditoria: { acao: 'sessao.criar', recurso: 'sessao' } },
      schema: {
        tags: ['contas'],
        summary: 'Entra com e-mail e senha',
        description:
          'Cria uma sessão no servidor e a devolve no cookie `rito_sessao` (HttpOnly, Secure, SameSite=Strict). ' +
          'O corpo traz o `csrfToken`, que deve acompanhar no cabeçalho X-CSRF-Token toda requisição que altera estado. ' +
          'Após 5 tentativas sem sucesso em 15 minutos para o mesmo e-mail (ou 30 do mesmo IP), as entradas são recusadas com 429 até o fim da janela.',
        body: loginSchema,
        response: { 201: sessaoCriadaSchema, ...erros },
      },
    },
    async (request, reply) => {
      const { ator, sessao } = await entrarComSenha(db, request, reply, request.body);
      return reply.code(201).send({ ator, csrfToken: sessao.csrfToken, expiraEm: instante(sessao.expiraEm) });
    },
  );

  app.delete(
    '/v1/sessoes/atual',
    {
      config: { papeis: TODOS, auditoria: { acao: 'sessao.encerrar', recurso: 'sessao' } },
      schema: { tags: ['contas'], summary: 'Sai: encerra a sessão atual e apaga o cookie', response: { 204: z.null(), ...erros } },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const a = request.autenticacao;
      if (a?.meio !== 'sessao') throw new HttpError(400, 'sem-sessao', 'Esta requisição não usa sessão (chaves de API são revogadas pela administração).');
      await encerrarSessao(db, a.credencialId);
      await request.auditar({ resumo: `Saída de ${ator.nome}`, recursoId: null });
      apagarCookieSessao(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/eu',
    {
      // the caller's own data only
      config: { papeis: TODOS, auditoria: { dadosPessoais: false } },
      schema: { tags: ['contas'], summary: 'Quem sou eu: papéis, unidade, instituições e comissões de hoje; token CSRF da sessão', response: { 200: euSchema, ...erros } },
    },
    async (request) => {
      const ator = requireAtor(request);
      const a = request.autenticacao!;
      return { ator, meio: a.meio, csrfToken: a.csrfToken ?? null, expiraEm: instanteOuNulo(a.expiraEm) };
    },
  );

  app.post(
    '/v1/senhas/redefinicao',
    {
      config: { publica: true, auditoria: { acao: 'senha.redefinicao.pedir', recurso: 'usuario' } },
      schema: {
        tags: ['contas'],
        summary: 'Pede por e-mail um link para redefinir a senha',
        description:
          'Responde sempre 202, exista ou não a conta, para não revelar quais e-mails estão cadastrados. ' +
          'O link vale 60 minutos e uma única vez; no máximo 3 pedidos por conta por hora.',
        body: pedidoRedefinicaoSchema,
        response: { 202: mensagemSchema, ...erros },
      },
    },
    async (request, reply) => {
      pedirRedefinicao({ db, correio, urlPublica, emSegundoPlano }, request, request.body.email);
      return reply.code(202).send({ mensagem: 'Se houver uma conta ativa com este e-mail, enviaremos um link para redefinir a senha.' });
    },
  );

  app.post(
    '/v1/senhas/redefinicao/:token',
    {
      config: { publica: true, auditoria: { acao: 'senha.redefinir', recurso: 'usuario' } },
      schema: {
        tags: ['contas'],
        summary: 'Define uma nova senha com o token recebido por e-mail',
        description:
          'O token vale uma única vez. Ao definir a senha, todas as sessões abertas da conta são encerradas. ' +
          'A senha precisa de ao menos 12 caracteres e é recusada (400, no campo senha) se estiver entre as senhas mais usadas e vazadas, ' +
          'mesmo com letras trocadas ou números acrescentados, se repetir poucos caracteres, se for uma sequência do teclado ou de algarismos, ' +
          'ou se contiver o e-mail ou o nome da pessoa. Recusada a senha, o link continua valendo.',
        params: z.object({ token: z.string().min(20).max(200) }),
        body: novaSenhaSchema,
        response: { 204: z.null(), ...erros },
      },
    },
    async (request, reply) => {
      await definirSenhaComToken(db, request, request.params.token, request.body.senha);
      return reply.code(204).send(null);
    },
  );
};

export default contasRoutes;
