/**
 * Signing in and out, and passwords, as pages: the same functions as
 * POST /v1/sessoes, DELETE /v1/sessoes/atual and /v1/senhas/redefinicao[/{token}]
 * (api/contas/routes.ts), with their lockout, limits, audit and messages.
 * The e-mailed link (reset or first-access invitation) opens /redefinir-senha#token.
 */
import { PAPEIS_PRESENCA } from '../../api/habilitacoes/routes';
import { tarefasEmSegundoPlano } from '../../api/segundo-plano';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apagarCookieSessao, encerrarSessao } from '../../api/auth/sessao';
import { definirSenhaComToken, entrarComSenha, pedirRedefinicao } from '../../api/contas/routes';
import { HttpError } from '../../api/errors';
import { lerFormulario } from '../formulario-http';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, redirecionar, voltaSegura } from '../sessao';
import { type Mensagem, renderizar } from '../visao';

/** Fixed notices shown after a redirect (never text taken from the URL). */
const AVISOS: Record<string, Mensagem> = {
  saiu: { tipo: 'success', texto: 'Você saiu do rito. Até logo.' },
  senha: { tipo: 'success', texto: 'Senha definida. Entre com seu e-mail e a nova senha.' },
};

const emailSchema = z.email({ error: 'informe um e-mail válido' }).max(254);

/** The first page of each audience. */
function inicioDe(papeis: readonly string[]): string {
  if (papeis.length === 1 && papeis[0] === 'representante') return '/portal';
  if (papeis.includes('supervisor')) return '/painel';
  if (papeis.some((p) => PAPEIS_PRESENCA.includes(p as never)) && !papeis.some((p) => ['inspetor', 'comissao', 'coogie', 'administrador'].includes(p))) return '/presenca';
  return papeis.length === 1 && papeis[0] === 'administrador' ? '/calendario' : '/caixa';
}

export default async function contasPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const emSegundoPlano = tarefasEmSegundoPlano(app);

  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    redirecionar(reply, request.ator && request.autenticacao?.meio === 'sessao' ? inicioDe(request.ator.papeis) : '/entrar'),
  );

  app.get('/contraste', { schema: { hide: true } }, async (request, reply) => {
    const ligado = request.cookies?.rito_contraste === '1';
    reply.setCookie('rito_contraste', ligado ? '0' : '1', { path: '/', sameSite: 'strict', secure: true, httpOnly: true, maxAge: 365 * 86_400 });
    return redirecionar(reply, voltaSegura((request.query as { volta?: string }).volta));
  });

  const paginaEntrar = (request: Parameters<typeof renderizar>[0], reply: Parameters<typeof renderizar>[1], extra: { email?: string; volta: string; mensagens?: Mensagem[]; erros?: Record<string, string> }, status = 200) =>
    renderizar(request, reply, 'entrar', { titulo: 'Entrar', ...extra }, status);

  app.get('/entrar', { schema: { hide: true } }, async (request, reply) => {
    const q = request.query as { volta?: string; aviso?: string };
    const volta = voltaSegura(q.volta);
    if (request.ator && request.autenticacao?.meio === 'sessao') return redirecionar(reply, volta === '/' ? inicioDe(request.ator.papeis) : volta);
    const aviso = q.aviso ? AVISOS[q.aviso] : undefined;
    return paginaEntrar(request, reply, { volta, mensagens: aviso ? [aviso] : [] });
  });

  // Public and acting: the stricter anonymous rate limit of the login applies (api/plugins/limites.ts).
  app.post('/entrar', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    const volta = voltaSegura(valores.volta);
    const email = (valores.email ?? '').trim();
    const senha = valores.senha ?? '';
    const erros: Record<string, string> = {};
    if (!emailSchema.safeParse(email).success) erros.email = 'Informe um e-mail válido.';
    if (!senha) erros.senha = 'Informe sua senha.';
    if (Object.keys(erros).length) return paginaEntrar(request, reply, { email, volta, erros, mensagens: [{ tipo: 'danger', texto: 'Confira os campos indicados.' }] }, 400);
    try {
      const { ator } = await entrarComSenha(deps.db, request, reply, { email, senha });
      return redirecionar(reply, volta === '/' ? inicioDe(ator.papeis) : volta);
    } catch (err) {
      if (err instanceof HttpError && (err.statusCode === 401 || err.statusCode === 429)) {
        return paginaEntrar(request, reply, { email, volta, mensagens: [{ tipo: 'danger', texto: err.message }] }, err.statusCode);
      }
      throw err;
    }
  });

  app.post('/sair', { schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf);
    await encerrarSessao(deps.db, request.autenticacao!.credencialId);
    await request.auditar({ acao: 'sessao.encerrar', recurso: 'sessao', resumo: `Saída de ${ator.nome}`, recursoId: null });
    apagarCookieSessao(reply);
    return redirecionar(reply, '/entrar?aviso=saiu');
  });

  app.get('/senha/esqueci', { schema: { hide: true } }, async (request, reply) =>
    renderizar(request, reply, 'senha-pedido', { titulo: 'Esqueci minha senha', migalhas: [{ rotulo: 'Entrar', href: '/entrar' }, { rotulo: 'Esqueci minha senha' }] }),
  );

  app.post('/senha/esqueci', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    const email = (valores.email ?? '').trim().toLowerCase();
    const migalhas = [{ rotulo: 'Entrar', href: '/entrar' }, { rotulo: 'Esqueci minha senha' }];
    if (!emailSchema.safeParse(email).success) {
      return renderizar(request, reply, 'senha-pedido', { titulo: 'Esqueci minha senha', migalhas, email, erros: { email: 'Informe um e-mail válido.' } }, 400);
    }
    pedirRedefinicao({ db: deps.db, correio: deps.correio, urlPublica: deps.urlPublica, emSegundoPlano }, request, email);
    return renderizar(request, reply, 'senha-pedido', {
      titulo: 'Esqueci minha senha',
      migalhas,
      enviado: true,
      mensagens: [{ tipo: 'info', texto: 'Se houver uma conta ativa com este e-mail, enviaremos um link para redefinir a senha. O link vale 60 minutos e uma única vez.' }],
    });
  });

  // The link of the reset and invitation e-mails. The token is in the fragment; rito.js copies it into the form.
  app.get('/redefinir-senha', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
    reply.header('referrer-policy', 'no-referrer');
    return renderizar(request, reply, 'senha-definir', { titulo: 'Definir senha' });
  });

  app.post('/redefinir-senha', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    const token = (valores.token ?? '').trim();
    const senha = valores.senha ?? '';
    const erros: Record<string, string> = {};
    if (token.length < 20 || token.length > 200) erros.token = 'Abra o link recebido por e-mail, ou cole aqui o código que vem depois de “#” no link.';
    if (senha !== (valores.confirmacao ?? '')) erros.confirmacao = 'As senhas não conferem.';
    if (!senha) erros.senha = 'Informe a nova senha.';
    const pagina = (mensagens: Mensagem[], status: number, e: Record<string, string>) =>
      renderizar(request, reply, 'senha-definir', { titulo: 'Definir senha', token, erros: e, mensagens }, status);
    if (Object.keys(erros).length) return pagina([{ tipo: 'danger', texto: 'Confira os campos indicados.' }], 400, erros);
    try {
      await definirSenhaComToken(deps.db, request, token, senha);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode === 400) {
        const campos: Record<string, string> = {};
        for (const c of err.campos ?? []) campos[c.campo] = campos[c.campo] ? `${campos[c.campo]}; ${c.mensagem}` : c.mensagem;
        return pagina([{ tipo: 'danger', texto: err.message }], 400, campos);
      }
      throw err;
    }
    return redirecionar(reply, '/entrar?aviso=senha');
  });
}
