/**
 * The administrador's pages for units and machine clients, and the entry to
 * the administration (/administracao):
 *
 * - units (/administracao/unidades): the COOIEs and the COOGIE with seat,
 *   sigla, address and contact, and what is still "a cadastrar"; created and
 *   corrected through cadastrarUnidade and alterarUnidade, the code of
 *   POST/PATCH /v1/unidades (a new seat re-times the unit's running prazos);
 * - API keys (/administracao/chaves): created through criarChave (the secret
 *   shown on the answer page once, never in a URL, only its hash kept) and
 *   revoked through revogarChave, the code of /v1/chaves-api.
 *
 * Forms are generated from the API's schemas; the audit entries are the API's
 * (unidade.criar, unidade.alterar, chave-api.criar, chave-api.revogar).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ator } from '../../api/auth/ator';
import { criarChave, listarChaves, revogarChave } from '../../api/contas/admin-routes';
import { chaveCriacaoSchema } from '../../api/contas/schemas';
import { naoEncontrado } from '../../api/errors';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { alterarUnidade, cadastrarUnidade, unidadeView } from '../../api/unidades/routes';
import { unidadeAlteracaoSchema, unidadeCriacaoSchema } from '../../api/unidades/schemas';
import { listarUnidades, obterUnidade } from '../../db/unidades';
import { enviarFormulario, vaziosComoNulos } from '../envio';
import { lerFormulario } from '../formulario-http';
import { type Campo, campos, type Preenchimento, preenchimentoVazio, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor, redirecionar } from '../sessao';
import { type Mensagem, PAPEL_ROTULO, renderizar } from '../visao';

const ADMIN = ['administrador'] as const;
const UNIDADE_NOVA = resolverRefs(esquemaJson(unidadeCriacaoSchema));
const UNIDADE_ALTERACAO = resolverRefs(esquemaJson(unidadeAlteracaoSchema));
const CHAVE = resolverRefs(esquemaJson(chaveCriacaoSchema));
const OPCIONAIS_UNIDADE = ['sede', 'endereco', 'email', 'telefone', 'vigenteDesde'] as const;

const ROTULOS_UNIDADE: Record<string, string> = {
  chave: 'Chave (como processos e contas escrevem a unidade)',
  nome: 'Nome oficial',
  sigla: 'Sigla',
  tipo: 'Tipo',
  uf: 'UF',
  sede: 'Município-sede',
  'sede.municipio': 'Código IBGE do município',
  'sede.nome': 'Nome do município',
  endereco: 'Endereço',
  email: 'E-mail',
  telefone: 'Telefone',
  vigenteDesde: 'Vigente desde',
  fonte: 'Fonte dos dados',
};

function rotularUnidade(cs: Campo[]): Campo[] {
  return cs.map((c) => {
    const rotulo = ROTULOS_UNIDADE[c.nome] ?? c.rotulo;
    if (c.nome === 'tipo') return { ...c, rotulo, opcoes: c.opcoes?.map((o) => ({ ...o, rotulo: o.valor === 'cooie' ? 'COOIE (regional)' : 'COOGIE (central)' })) };
    return { ...c, rotulo, filhos: c.filhos ? rotularUnidade(c.filhos) : undefined };
  });
}

/** The key's form: its unit one of the units; its expiry a day (valid through 23:59:59 of it, Brasília). */
function camposChave(p: Preenchimento, unidades: { chave: string; nome: string }[]): Campo[] {
  return campos(CHAVE, 'chave', p).map((c) => {
    if (c.nome === 'nome') return { ...c, rotulo: 'Sistema cliente' };
    if (c.nome === 'papeis') return { ...c, rotulo: 'Papéis da chave', opcoes: c.opcoes?.map((o) => ({ ...o, rotulo: PAPEL_ROTULO[o.valor as keyof typeof PAPEL_ROTULO] ?? o.rotulo })) };
    if (c.nome === 'unidade') {
      return { ...c, tipo: 'escolha', rotulo: 'Unidade (COOIE)', ajuda: 'Para chaves de inspetor.', opcoes: unidades.map((u) => ({ valor: u.chave, rotulo: `${u.chave} — ${u.nome}`, selecionada: p.valores.unidade === u.chave })) };
    }
    if (c.nome === 'instituicoes') return { ...c, rotulo: 'CNPJs das instituições', ajuda: 'Para chaves de representante: os CNPJs a que a chave se limita. Um por linha.' };
    if (c.nome === 'expiraEm') return { ...c, tipo: 'data', rotulo: 'Válida até (inclusive)', ajuda: 'Opcional. A chave deixa de valer às 23:59:59 deste dia (horário de Brasília).' };
    return c;
  });
}

export default async function administracaoPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const form = async (request: FastifyRequest): Promise<{ ator: Ator; valores: Record<string, string> }> => {
    const { valores } = await lerFormulario(request);
    return { ator: await atorDoFormulario(request, deps.autenticador, valores._csrf, ADMIN), valores };
  };
  const adm = { rotulo: 'Administração', href: '/administracao' };

  app.get('/administracao', { schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, ADMIN);
    const [unidades, chaves, contas] = await Promise.all([
      listarUnidades(deps.db),
      listarChaves(deps.db),
      deps.db.selectFrom('usuario').select((eb) => [eb.fn.countAll<string>().as('n')]).where('ativo', '=', true).executeTakeFirstOrThrow(),
    ]);
    return renderizar(request, reply, 'adm-inicio', {
      titulo: 'Administração',
      migalhas: [{ rotulo: 'Administração' }],
      contas: Number(contas.n),
      unidades: unidades.length,
      pendentes: unidades.filter((u) => unidadeView(u).pendencias.length).length,
      chaves: chaves.filter((c) => !c.revogadaEm).length,
    });
  });

  // ------------------------------------------------------------------ units

  async function paginaUnidades(request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = []) {
    const itens = (await listarUnidades(deps.db)).map(unidadeView);
    return renderizar(
      request,
      reply,
      'adm-unidades',
      {
        titulo: 'Unidades',
        enderecoDaPagina: '/administracao/unidades',
        migalhas: [adm, { rotulo: 'Unidades' }],
        mensagens,
        itens,
        campos: rotularUnidade(campos(UNIDADE_NOVA, 'nova-unidade', p)),
      },
      status,
    );
  }

  async function paginaUnidade(request: FastifyRequest, reply: FastifyReply, chave: string, p?: Preenchimento, status = 200, mensagens: Mensagem[] = []) {
    const u = await obterUnidade(deps.db, chave);
    if (!u) throw naoEncontrado('Unidade');
    const v = unidadeView(u);
    const atual: Record<string, string> = {
      nome: v.nome,
      sigla: v.sigla,
      tipo: v.tipo,
      uf: v.uf,
      'sede.municipio': v.sede?.municipio ?? '',
      'sede.nome': v.sede?.nome ?? '',
      endereco: v.endereco ?? '',
      email: v.email ?? '',
      telefone: v.telefone ?? '',
      vigenteDesde: v.vigenteDesde ?? '',
      fonte: v.fonte,
    };
    const pr = p ?? { ...preenchimentoVazio(), valores: atual };
    return renderizar(
      request,
      reply,
      'adm-unidade',
      {
        titulo: `Unidade ${v.chave}`,
        enderecoDaPagina: `/administracao/unidades/${encodeURIComponent(v.chave)}`,
        migalhas: [adm, { rotulo: 'Unidades', href: '/administracao/unidades' }, { rotulo: v.sigla }],
        mensagens,
        u: v,
        campos: rotularUnidade(campos(UNIDADE_ALTERACAO, 'unidade', pr)),
      },
      status,
    );
  }

  app.get('/administracao/unidades', { schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, ADMIN);
    const a = (request.query as { aviso?: string }).aviso;
    return paginaUnidades(request, reply, preenchimentoVazio(), 200, a === 'cadastrada' ? [{ tipo: 'success', texto: 'Unidade cadastrada.' }] : []);
  });

  app.post('/administracao/unidades', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const r = await enviarFormulario(unidadeCriacaoSchema, UNIDADE_NOVA, valores, (b) => cadastrarUnidade(deps.db, request, ator, b));
    if (!r.ok) return paginaUnidades(request, reply, { valores, erros: r.erros, itens: {} }, r.status, [{ tipo: 'danger', texto: r.mensagem }]);
    return redirecionar(reply, `/administracao/unidades/${encodeURIComponent(r.resultado.chave)}?aviso=cadastrada`);
  });

  app.get('/administracao/unidades/:chave', { schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, ADMIN);
    const a = (request.query as { aviso?: string }).aviso;
    const mensagens: Mensagem[] = a === 'cadastrada' ? [{ tipo: 'success', texto: 'Unidade cadastrada.' }] : a === 'alterada' ? [{ tipo: 'success', texto: 'Unidade alterada.' }] : [];
    return paginaUnidade(request, reply, (request.params as { chave: string }).chave.slice(0, 120), undefined, 200, mensagens);
  });

  app.post('/administracao/unidades/:chave', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const chave = (request.params as { chave: string }).chave.slice(0, 120);
    const r = await enviarFormulario(
      unidadeAlteracaoSchema,
      UNIDADE_ALTERACAO,
      valores,
      (b) => alterarUnidade({ db: deps.db, temporal: deps.temporal, log: request.log }, request, ator, chave, b),
      vaziosComoNulos(valores, OPCIONAIS_UNIDADE),
    );
    if (!r.ok) {
      if (r.status === 404) throw naoEncontrado('Unidade');
      return paginaUnidade(request, reply, chave, { valores, erros: r.erros, itens: {} }, r.status, [{ tipo: 'danger', texto: r.mensagem }]);
    }
    if (r.resultado.processosNotificados) {
      const n = r.resultado.processosNotificados;
      return paginaUnidade(request, reply, chave, undefined, 200, [
        { tipo: 'success', texto: `Unidade alterada. A sede mudou: ${n} ${n === 1 ? 'processo com prazo ou tarefa em curso recalcula' : 'processos com prazo ou tarefa em curso recalculam'} no calendário da nova sede.` },
        ...r.resultado.naoNotificados.map((x) => ({ tipo: 'warning' as const, texto: `${x.processoId}: ${x.motivo}` })),
      ]);
    }
    return redirecionar(reply, `/administracao/unidades/${encodeURIComponent(chave)}?aviso=alterada`);
  });

  // ------------------------------------------------------------------ API keys

  async function paginaChaves(request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = [], criada?: { nome: string; chave: string }) {
    const [chaves, unidades] = await Promise.all([listarChaves(deps.db), listarUnidades(deps.db)]);
    const criadores = chaves.length ? await deps.db.selectFrom('usuario').select(['id', 'nome']).where('id', 'in', [...new Set(chaves.map((c) => c.criadaPor))]).execute() : [];
    return renderizar(
      request,
      reply,
      'adm-chaves',
      {
        titulo: 'Chaves de API',
        enderecoDaPagina: '/administracao/chaves',
        migalhas: [adm, { rotulo: 'Chaves de API' }],
        mensagens,
        criada: criada ?? null,
        itens: chaves
          .slice()
          .reverse()
          .map((c) => ({
            ...c,
            papeisRotulo: c.papeis.map((x) => PAPEL_ROTULO[x as keyof typeof PAPEL_ROTULO] ?? x).join(', '),
            criador: criadores.find((u) => u.id === c.criadaPor)?.nome ?? c.criadaPor,
            vigente: !c.revogadaEm && (!c.expiraEm || c.expiraEm > new Date().toISOString()),
          })),
        campos: camposChave(p, unidades),
      },
      status,
    );
  }

  app.get('/administracao/chaves', { schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, ADMIN);
    const a = (request.query as { aviso?: string }).aviso;
    return paginaChaves(request, reply, preenchimentoVazio(), 200, a === 'revogada' ? [{ tipo: 'success', texto: 'Chave revogada: ela deixou de valer.' }] : []);
  });

  app.post('/administracao/chaves', { schema: { hide: true } }, async (request, reply) => {
    const { ator, valores } = await form(request);
    const r = await enviarFormulario(chaveCriacaoSchema, CHAVE, valores, (b) => criarChave(deps.db, request, ator, b), (d) => ({
      ...d,
      // A day on the page; the API takes the instant the key stops working.
      ...(typeof d.expiraEm === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.expiraEm) ? { expiraEm: `${d.expiraEm}T23:59:59-03:00` } : {}),
    }));
    if (!r.ok) return paginaChaves(request, reply, { valores, erros: r.erros, itens: {} }, r.status, [{ tipo: 'danger', texto: r.mensagem }]);
    // Shown once, on this answer (not a redirect: the secret never goes into a URL); only its hash is kept.
    return paginaChaves(request, reply, preenchimentoVazio(), 200, [{ tipo: 'success', texto: 'Chave criada. Copie-a agora: ela não será mostrada de novo.' }], {
      nome: r.resultado.nome,
      chave: r.resultado.chave,
    });
  });

  app.post('/administracao/chaves/:id/revogar', { schema: { hide: true } }, async (request, reply) => {
    const { ator } = await form(request);
    await revogarChave(deps.db, request, ator, (request.params as { id: string }).id.slice(0, 200));
    return redirecionar(reply, '/administracao/chaves?aviso=revogada');
  });
}
