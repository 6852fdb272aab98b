/**
 * The view layer of the pages: one Handlebars environment of their own (the
 * ofícios' templates keep theirs), the layout every page shares (gov.br Design
 * System header, menu, breadcrumb, messages, footer; eMAG skip links with
 * accesskeys 1 to 4 and the high-contrast switch), partials and the helpers
 * that format what the pages show (dates in Brasília time, pt-BR).
 *
 * Templates are read once at start-up from paginas/templates: `layout.hbs`,
 * each page `<nome>.hbs`, and partials `_<nome>.hbs`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Handlebars from 'handlebars';
import fs from 'node:fs';
import path from 'node:path';
import type { Ator, Papel } from '../api/auth/ator';

const hbs = Handlebars.create();
const PASTA = path.join(__dirname, 'templates');

const MESES = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

/** "2026-09-08T23:59:59-03:00" → "08/09/2026 23:59:59" (the instant as Brasília reads it: the API sends every instant with its offset). */
export function instanteBR(valor: unknown): string {
  if (typeof valor !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(valor);
  if (!m) return valor;
  const data = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${data} ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}` : data;
}

/** "2026-09-08" → "8 de setembro de 2026". */
export function dataExtensa(valor: unknown): string {
  const m = typeof valor === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(valor) : null;
  return m ? `${Number(m[3])} de ${MESES[Number(m[2]) - 1]} de ${m[1]}` : String(valor ?? '');
}

hbs.registerHelper('instante', (v: unknown) => instanteBR(v));
hbs.registerHelper('dataExtensa', (v: unknown) => dataExtensa(v));
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('ou', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
hbs.registerHelper('json', (v: unknown) => JSON.stringify(v, null, 2));
hbs.registerHelper('lista', (...args: unknown[]) => args.slice(0, -1));
hbs.registerHelper('plural', (n: number, um: string, varios: string) => (n === 1 ? um : varios));

for (const arquivo of fs.readdirSync(PASTA)) {
  if (arquivo.startsWith('_') && arquivo.endsWith('.hbs')) hbs.registerPartial(arquivo.slice(1, -4), fs.readFileSync(path.join(PASTA, arquivo), 'utf8'));
}

const compiladas = new Map<string, Handlebars.TemplateDelegate>();
function modelo(nome: string): Handlebars.TemplateDelegate {
  let t = compiladas.get(nome);
  if (!t) {
    t = hbs.compile(fs.readFileSync(path.join(PASTA, `${nome}.hbs`), 'utf8'), { strict: false });
    compiladas.set(nome, t);
  }
  return t;
}

export interface Migalha {
  rotulo: string;
  href?: string;
}

export type TipoMensagem = 'success' | 'danger' | 'warning' | 'info';
export interface Mensagem {
  tipo: TipoMensagem;
  titulo?: string;
  texto: string;
}

export interface DadosPagina {
  titulo: string;
  migalhas?: Migalha[];
  mensagens?: Mensagem[];
  /** The page has a search/filter form (id="busca"): the skip link Alt+3 points to it. */
  busca?: boolean;
  /** The page's address, when it answers a form (the high-contrast switch comes back to it). */
  enderecoDaPagina?: string;
  [k: string]: unknown;
}

/** The entries of the menu for the caller's roles: a page never offers what the API would refuse. */
function menuDe(ator: Ator | null, atual: string): { rotulo: string; href: string; icone: string; atual: boolean }[] {
  if (!ator) {
    return [
      { rotulo: 'Entrar', href: '/entrar', icone: 'fa-right-to-bracket', atual: atual === '/entrar' },
      { rotulo: 'Pré-cadastro no Sistema Presença', href: '/presenca/pre-cadastro', icone: 'fa-id-card', atual: atual.startsWith('/presenca/pre-cadastro') },
      { rotulo: 'Credenciamento de usuário externo', href: '/credenciamento', icone: 'fa-building-user', atual: atual === '/credenciamento' },
    ];
  }
  const tem = (...p: Papel[]) => ator.papeis.some((x) => p.includes(x));
  const itens: { rotulo: string; href: string; icone: string }[] = [];
  if (tem('representante')) itens.push({ rotulo: 'Minhas instituições', href: '/portal', icone: 'fa-school' });
  if (tem('representante', 'inspetor', 'administrador')) itens.push({ rotulo: 'Novo processo', href: '/processos/novo', icone: 'fa-file-circle-plus' });
  if (tem('inspetor', 'comissao', 'coogie', 'supervisor', 'administrador')) itens.push({ rotulo: 'Caixa de trabalho', href: '/caixa', icone: 'fa-inbox' });
  if (tem('supervisor', 'coogie', 'inspetor')) itens.push({ rotulo: 'Painel de prazos', href: '/painel', icone: 'fa-gauge' });
  if (tem('representante', 'inspetor', 'supervisor', 'coogie')) itens.push({ rotulo: 'RGA', href: '/obrigacoes', icone: 'fa-file-arrow-up' });
  if (tem('supervisor', 'administrador')) itens.push({ rotulo: 'Calendário', href: '/calendario', icone: 'fa-calendar-days' });
  if (tem('supervisor')) itens.push({ rotulo: 'Auditoria', href: '/auditoria', icone: 'fa-clipboard-list' });
  if (tem('mec', 'coordenador-estadual', 'auxiliar-estadual', 'coordenador-municipal', 'auxiliar-municipal', 'operador-escolar', 'administrador', 'supervisor')) {
    itens.push({ rotulo: 'Sistema Presença', href: '/presenca', icone: 'fa-user-check' });
  }
  if (tem('operador-escolar', 'coordenador-municipal', 'auxiliar-municipal')) itens.push({ rotulo: 'Acompanhamento da frequência', href: '/acompanhamento', icone: 'fa-children' });
  if (tem('administrador', 'supervisor')) itens.push({ rotulo: 'Credenciamentos', href: '/administracao/credenciamentos', icone: 'fa-building-user' });
  if (tem('administrador')) itens.push({ rotulo: 'Administração', href: '/administracao', icone: 'fa-users-gear' });
  return itens.map((i) => ({ ...i, atual: atual === i.href || atual.startsWith(`${i.href}?`) || atual.startsWith(`${i.href}/`) }));
}

export const PAPEL_ROTULO: Record<Papel, string> = {
  inspetor: 'Inspetor(a)',
  comissao: 'Comissão de Vistoria',
  coogie: 'COOGIE',
  supervisor: 'Supervisor(a)',
  representante: 'Representante legal',
  administrador: 'Administrador(a)',
  sistema: 'Sistema',
  mec: 'MEC (Sistema Presença)',
  'coordenador-estadual': 'Coordenador(a) Estadual',
  'auxiliar-estadual': 'Auxiliar Estadual',
  'coordenador-municipal': 'Coordenador(a) Municipal',
  'auxiliar-municipal': 'Auxiliar Municipal',
  'operador-escolar': 'Operador(a) Escolar',
};

/** Renders a page inside the layout and sends it. */
export function renderizar(request: FastifyRequest, reply: FastifyReply, nome: string, dados: DadosPagina, status = 200): FastifyReply {
  const ator = request.ator;
  const caminho = request.url;
  const contexto = {
    ...dados,
    ator: ator ? { nome: ator.nome, papeis: ator.papeis.map((p) => PAPEL_ROTULO[p]).join(', ') } : null,
    csrf: request.autenticacao?.csrfToken ?? null,
    menu: menuDe(ator, caminho),
    contraste: request.cookies?.rito_contraste === '1',
    // Where the contrast switch comes back to: the page's own address (a page answering a form names it: `enderecoDaPagina`).
    voltar: encodeURIComponent(dados.enderecoDaPagina ?? (request.method === 'GET' ? caminho : '/')),
  };
  const corpo = modelo(nome)(contexto);
  const html = modelo('layout')({ ...contexto, corpo });
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
