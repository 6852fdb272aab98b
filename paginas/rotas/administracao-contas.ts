/**
 * The administrador's pages for people (/administracao/usuarios): the accounts
 * with filters, a new account (the invitation e-mailed, as POST /v1/usuarios
 * sends it), an account's roles, unit and functional data (matrícula, cargo,
 * tratamento), its deactivation, and the institutions it represents with the
 * dates of each mandate (RL or procurador).
 *
 * Forms are generated from the API's schemas (usuarioCriacaoSchema,
 * usuarioAlteracaoSchema, representacaoCriacaoSchema) and sent through the
 * API's functions (criarConta, alterarConta, registrarRepresentacao,
 * alterarRepresentacao): the same checks, the same audit entries
 * (usuario.criar, usuario.alterar, representacao.criar, representacao.alterar).
 * Reading accounts is audited as reading personal data, as GET /v1/usuarios is.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ator } from '../../api/auth/ator';
import { alterarConta, alterarRepresentacao, carregarConta, criarConta, listarContas, registrarRepresentacao } from '../../api/contas/admin-routes';
import { representacaoCriacaoSchema, usuarioAlteracaoSchema, usuarioCriacaoSchema, usuariosQuerySchema } from '../../api/contas/schemas';
import { HttpError, naoEncontrado } from '../../api/errors';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { listarUnidades } from '../../db/unidades';
import { formatarCnpj } from '../../rules/identificadores';
import { enviarFormulario, vaziosComoNulos } from '../envio';
import { lerFormulario } from '../formulario-http';
import { type Campo, campos, errosDoZod, type Preenchimento, preenchimentoVazio, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor, redirecionar } from '../sessao';
import { type Mensagem, PAPEL_ROTULO, renderizar } from '../visao';

const ADMIN = ['administrador'] as const;
const CRIACAO = resolverRefs(esquemaJson(usuarioCriacaoSchema));
// `ativo` has its own button (deactivating is an act of its own, and ends the person's sessions).
const ALTERACAO = (() => {
  const e = resolverRefs(esquemaJson(usuarioAlteracaoSchema));
  const { ativo: _ativo, ...props } = e.properties ?? {};
  return { ...e, properties: props };
})();
const REPRESENTACAO = resolverRefs(esquemaJson(representacaoCriacaoSchema));
const FIM = z.object({ fim: z.iso.date({ error: 'informe o último dia do mandato (AAAA-MM-DD)' }) });
const ANULAVEIS = ['unidade', 'matricula', 'cargo', 'tratamento'] as const;

const ROTULO_TIPO_REP: Record<string, string> = { 'representante-legal': 'Representante legal', procurador: 'Procurador(a)' };
const aviso: Record<string, string> = {
  criada: 'Conta criada. A pessoa recebeu por e-mail o link para definir a senha (válido por 72 horas).',
  'criada-sem-convite': 'Conta criada, sem convite por e-mail.',
  alterada: 'Conta alterada.',
  desativada: 'Conta desativada: suas sessões foram encerradas.',
  reativada: 'Conta reativada.',
  representacao: 'Representação registrada.',
  'fim-do-mandato': 'Fim do mandato registrado.',
};

/** Labels and kinds the generated fields cannot guess: the unit is one of the units rito knows; dates are dates. */
function ajustarCampos(cs: Campo[], unidades: { chave: string; nome: string }[], p: Preenchimento): Campo[] {
  return cs.map((c) => {
    if (c.nome === 'unidade') {
      return {
        ...c,
        rotulo: 'Unidade (COOIE)',
        tipo: 'escolha',
        ajuda: 'Só para inspetor(a) ou membro de comissão.',
        opcoes: unidades.map((u) => ({ valor: u.chave, rotulo: `${u.chave} — ${u.nome}`, selecionada: p.valores.unidade === u.chave })),
      };
    }
    if (c.nome === 'papeis') return { ...c, rotulo: 'Papéis', opcoes: c.opcoes?.map((o) => ({ ...o, rotulo: PAPEL_ROTULO[o.valor as keyof typeof PAPEL_ROTULO] ?? o.rotulo })) };
    if (c.nome === 'inicio' || c.nome === 'fim') return { ...c, tipo: 'data', rotulo: c.nome === 'inicio' ? 'Início do mandato' : 'Último dia do mandato' };
    if (c.nome === 'tratamento') return { ...c, rotulo: 'Tratamento nos ofícios' };
    if (c.nome === 'enviarConvite') return { ...c, rotulo: 'Enviar o convite por e-mail' };
    if (c.tipo === 'grupo' && c.filhos) return { ...c, rotulo: c.nome === 'instituicao' ? 'Instituição representada' : c.rotulo, filhos: ajustarCampos(c.filhos, unidades, p) };
    return c;
  });
}

export default async function administracaoContasPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const unidades = () => listarUnidades(deps.db);
  const cfgLeitura = (acao: string) => ({ config: { auditoria: { acao, recurso: 'usuario', dadosPessoais: true } }, schema: { hide: true } });

  async function paginaLista(request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = []) {
    const f = request.query as Record<string, string | undefined>;
    const limpo = (v?: string) => (v?.trim() ? v.trim() : undefined);
    const q = usuariosQuerySchema.safeParse({ papel: limpo(f.papel), unidade: limpo(f.unidade), email: limpo(f.email), ativo: limpo(f.ativo), cursor: limpo(f.cursor), limite: 50 });
    if (!q.success) throw new HttpError(400, 'validacao', `Filtro inválido: ${errosDoZod(q.error.issues).map((e) => `${e.campo}: ${e.mensagem}`).join('; ')}`);
    const [lista, us] = await Promise.all([listarContas(deps.db, q.data), unidades()]);
    const params = new URLSearchParams(Object.entries(f).filter(([k, v]) => k !== 'cursor' && v) as [string, string][]);
    return renderizar(
      request,
      reply,
      'adm-usuarios',
      {
        titulo: 'Contas de usuários',
        enderecoDaPagina: '/administracao/usuarios',
        migalhas: [{ rotulo: 'Administração', href: '/administracao' }, { rotulo: 'Contas' }],
        busca: true,
        mensagens,
        filtro: f,
        papeis: Object.entries(PAPEL_ROTULO).filter(([k]) => k !== 'sistema').map(([valor, rotulo]) => ({ valor, rotulo, selecionado: f.papel === valor })),
        unidades: us.map((u) => ({ chave: u.chave, selecionada: f.unidade === u.chave })),
        itens: lista.itens.map((u) => ({
          ...u,
          papeisRotulo: u.papeis.map((x) => PAPEL_ROTULO[x as keyof typeof PAPEL_ROTULO] ?? x).join(', '),
          vigentes: u.representacoes.filter((r) => r.vigente).length,
        })),
        mais: lista.proximoCursor ? `/administracao/usuarios?${new URLSearchParams([...params, ['cursor', lista.proximoCursor]])}` : null,
        campos: ajustarCampos(campos(CRIACAO, 'nova-conta', p), us, p),
      },
      status,
    );
  }

  async function paginaConta(request: FastifyRequest, reply: FastifyReply, id: string, extra: { conta?: Preenchimento; rep?: Preenchimento; mensagens?: Mensagem[]; status?: number } = {}) {
    const u = await carregarConta(deps.db, id);
    if (!u) throw naoEncontrado('Usuário');
    const us = await unidades();
    const atual: Record<string, string> = { nome: u.nome, unidade: u.unidade ?? '', matricula: u.matricula ?? '', cargo: u.cargo ?? '', tratamento: u.tratamento ?? '' };
    for (const p of u.papeis) atual[`papeis.${p}`] = 'on';
    const pConta = extra.conta ?? { ...preenchimentoVazio(), valores: atual };
    const pRep = extra.rep ?? preenchimentoVazio();
    return renderizar(
      request,
      reply,
      'adm-usuario',
      {
        titulo: `Conta de ${u.nome}`,
        enderecoDaPagina: `/administracao/usuarios/${encodeURIComponent(u.id)}`,
        migalhas: [{ rotulo: 'Administração', href: '/administracao' }, { rotulo: 'Contas', href: '/administracao/usuarios' }, { rotulo: u.nome }],
        mensagens: extra.mensagens ?? [],
        u: { ...u, papeisRotulo: u.papeis.map((x) => PAPEL_ROTULO[x as keyof typeof PAPEL_ROTULO] ?? x).join(', ') },
        representante: u.papeis.includes('representante'),
        representacoes: u.representacoes.map((r) => ({ ...r, cnpj: formatarCnpj(r.instituicao.cnpj), tipoRotulo: ROTULO_TIPO_REP[r.tipo] ?? r.tipo })),
        camposConta: ajustarCampos(campos(ALTERACAO, 'conta', pConta), us, pConta),
        camposRep: ajustarCampos(campos(REPRESENTACAO, 'rep', pRep), us, pRep),
      },
      extra.status ?? 200,
    );
  }

  const avisoDe = (request: FastifyRequest): Mensagem[] => {
    const a = (request.query as { aviso?: string }).aviso;
    return a && aviso[a] ? [{ tipo: 'success', texto: aviso[a]! }] : [];
  };
  const idDe = (request: FastifyRequest) => (request.params as { id: string }).id.slice(0, 200);
  const form = async (request: FastifyRequest): Promise<{ ator: Ator; valores: Record<string, string> }> => {
    const { valores } = await lerFormulario(request);
    return { ator: await atorDoFormulario(request, deps.autenticador, valores._csrf, ADMIN), valores };
  };

  app.get('/administracao/usuarios', cfgLeitura('pagina.usuario.listar'), async (request, reply) => {
    exigirAtor(request, ADMIN);
    return paginaLista(request, reply, preenchimentoVazio(), 200, avisoDe(request));
  });

  app.post('/administracao/usuarios', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const r = await enviarFormulario(usuarioCriacaoSchema, CRIACAO, valores, (b) => criarConta(deps, request, ator, b));
    if (!r.ok) return paginaLista(request, reply, { valores, erros: r.erros, itens: {} }, r.status, [{ tipo: 'danger', texto: r.mensagem }]);
    return redirecionar(reply, `/administracao/usuarios/${encodeURIComponent(r.resultado.id)}?aviso=${valores.enviarConvite === 'on' ? 'criada' : 'criada-sem-convite'}`);
  });

  app.get('/administracao/usuarios/:id', cfgLeitura('pagina.usuario.ler'), async (request, reply) => {
    exigirAtor(request, ADMIN);
    return paginaConta(request, reply, idDe(request), { mensagens: avisoDe(request) });
  });

  app.post('/administracao/usuarios/:id', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const id = idDe(request);
    // Every role unchecked means "none", which the API refuses (at least one), never "unchanged".
    const r = await enviarFormulario(usuarioAlteracaoSchema, ALTERACAO, valores, (b) => alterarConta(deps.db, request, ator, id, b), (d) => ({ ...vaziosComoNulos(valores, ANULAVEIS)(d), papeis: d.papeis ?? [] }));
    if (!r.ok) return paginaConta(request, reply, id, { conta: { valores, erros: r.erros, itens: {} }, mensagens: [{ tipo: 'danger', texto: r.mensagem }], status: r.status });
    return redirecionar(reply, `/administracao/usuarios/${encodeURIComponent(id)}?aviso=alterada`);
  });

  app.post('/administracao/usuarios/:id/situacao', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const id = idDe(request);
    const ativo = valores.ativo === 'true';
    try {
      await alterarConta(deps.db, request, ator, id, { ativo });
    } catch (err) {
      if (err instanceof HttpError && err.statusCode < 500 && err.statusCode !== 404) return paginaConta(request, reply, id, { mensagens: [{ tipo: 'danger', texto: err.message }], status: err.statusCode });
      throw err;
    }
    return redirecionar(reply, `/administracao/usuarios/${encodeURIComponent(id)}?aviso=${ativo ? 'reativada' : 'desativada'}`);
  });

  app.post('/administracao/usuarios/:id/representacoes', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const id = idDe(request);
    const r = await enviarFormulario(representacaoCriacaoSchema, REPRESENTACAO, valores, (b) => registrarRepresentacao(deps.db, request, ator, id, b));
    if (!r.ok) {
      // A refusal of the account itself (not a representante) is told at the top; the fields' next to them.
      if (r.status === 404) throw naoEncontrado('Usuário');
      return paginaConta(request, reply, id, { rep: { valores, erros: r.erros, itens: {} }, mensagens: [{ tipo: 'danger', texto: r.mensagem }], status: r.status });
    }
    return redirecionar(reply, `/administracao/usuarios/${encodeURIComponent(id)}?aviso=representacao#representacoes`);
  });

  app.post('/administracao/representacoes/:id/fim', { schema: { hide: true } }, async (request, reply) => {
    const { valores } = await form(request);
    const rep = await deps.db.selectFrom('representacao').select(['id', 'usuario_id']).where('id', '=', idDe(request)).executeTakeFirst();
    if (!rep) throw naoEncontrado('Representação');
    const f = FIM.safeParse({ fim: valores.fim });
    if (!f.success) return paginaConta(request, reply, rep.usuario_id, { mensagens: [{ tipo: 'danger', texto: `Fim do mandato: ${f.error.issues[0]!.message}.` }], status: 400 });
    try {
      await alterarRepresentacao(deps.db, request, rep.id, f.data.fim);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode < 500) {
        return paginaConta(request, reply, rep.usuario_id, { mensagens: [{ tipo: 'danger', texto: `Fim do mandato: ${err.campos?.[0]?.mensagem ?? err.message}.` }], status: err.statusCode });
      }
      throw err;
    }
    return redirecionar(reply, `/administracao/usuarios/${encodeURIComponent(rep.usuario_id)}?aviso=fim-do-mandato#representacoes`);
  });
}
