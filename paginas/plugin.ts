/**
 * The web interface: server-rendered pages in pt-BR on the same Fastify app
 * as the API, with the gov.br Design System served by rito itself.
 *
 * - /estatico/…: the Design System's CSS (@govbr-ds/core), Font Awesome, the
 *   Raleway font (metric-compatible with the DS's Rawline, which is not on
 *   npm) and the pages' own CSS and JS, all from node_modules and paginas/estatico
 *   through @fastify/static: our own origin only, as the CSP demands.
 * - The pages call the same functions as the API routes (sessions, the
 *   process's scope, the actions available now, the action itself, uploads,
 *   the timeline), never the API over HTTP: a page never shows or does what
 *   the API would refuse.
 * - Errors: a page that needs a session sends anonymous callers to /entrar;
 *   any other refusal is a page with the API's pt-BR message and status.
 */
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiDeps } from '../api/deps';
import { HttpError } from '../api/errors';
import type { Correio } from '../api/contas/correio';
import { criarArmazenamentoArquivos } from '../documentos/arquivos';
import administracaoPaginas from './rotas/administracao';
import administracaoContasPaginas from './rotas/administracao-contas';
import auditoriaPaginas from './rotas/auditoria';
import calendarioPaginas from './rotas/calendario';
import contaPaginas from './rotas/conta';
import contasPaginas from './rotas/contas';
import correioPaginas from './rotas/correio';
import credenciamentoPaginas from './rotas/credenciamento';
import inspecaoPaginas from './rotas/inspecao';
import painelPaginas from './rotas/painel';
import obrigacoesPaginas from './rotas/obrigacoes';
import portalPaginas from './rotas/portal';
import presencaPaginas from './rotas/presenca';
import acompanhamentoPaginas from './rotas/acompanhamento';
import processoPaginas from './rotas/processo';
import requerimentoPaginas from './rotas/requerimento';
import { EntradaNecessaria, redirecionar } from './sessao';
import { renderizar } from './visao';

export interface PaginasDeps extends ApiDeps {
  correio: Correio;
  urlPublica: string;
  /** Show the development mailbox (/correio): only `rito dev` without SMTP, never a deployment. */
  caixaDeCorreio?: boolean;
}

/** The folder of an npm package (its package.json may not export itself). */
function pastaDoPacote(nome: string): string {
  let dir = __dirname;
  for (;;) {
    const candidato = path.join(dir, 'node_modules', nome);
    if (fs.existsSync(path.join(candidato, 'package.json'))) return candidato;
    const acima = path.dirname(dir);
    if (acima === dir) throw new Error(`pacote ${nome} não instalado (npm ci)`);
    dir = acima;
  }
}

export const ESTATICOS: Record<string, string> = {
  govbr: path.join(pastaDoPacote('@govbr-ds/core'), 'dist'),
  fontawesome: pastaDoPacote('@fortawesome/fontawesome-free'),
  raleway: pastaDoPacote('@fontsource/raleway'),
  rito: path.join(__dirname, 'estatico'),
};

export default async function paginas(app: FastifyInstance, deps: PaginasDeps) {
  for (const [nome, raiz] of Object.entries(ESTATICOS)) {
    await app.register(fastifyStatic, {
      root: raiz,
      prefix: `/estatico/${nome}/`,
      decorateReply: false,
      index: false,
      list: false,
      // Versioned with the lockfile; a day of cache is safe and spares the 700 kB of the DS's CSS on every page.
      maxAge: 86_400_000,
      allowedPath: (p) => !p.includes('..') && /\.(css|js|woff2?|ttf|ico|svg|png|map)$/.test(p),
    });
  }

  const arquivos = deps.arquivos ?? criarArmazenamentoArquivos({ db: deps.db });
  await app.register(async (escopo) => {
    await escopo.register(multipart, {
      limits: { files: 20, fields: 2000, fieldSize: 64 * 1024, fileSize: arquivos.tamanhoMaximo + 1 },
      throwFileSizeLimit: false, // the storage refuses an oversized file with the API's message
    });

    escopo.setErrorHandler((err, request, reply) => {
      if (err instanceof EntradaNecessaria) return redirecionar(reply, `/entrar?volta=${encodeURIComponent(err.volta)}`);
      const http = err instanceof HttpError ? err : null;
      const status = http?.statusCode ?? ((err as { statusCode?: number }).statusCode && (err as { statusCode: number }).statusCode < 500 ? (err as { statusCode: number }).statusCode : 500);
      if (status >= 500) request.log.error({ err }, 'erro numa página');
      const texto = http?.message ?? (status === 404 ? 'Página não encontrada.' : status < 500 ? 'Requisição inválida.' : `Erro interno. Informe ao suporte o código ${request.id}.`);
      return renderizar(request, reply, 'erro', { titulo: status === 404 ? 'Não encontrado' : status === 403 ? 'Acesso negado' : 'Não foi possível atender', mensagens: [{ tipo: 'danger', texto }] }, status);
    });

    const opcoes = { ...deps, arquivos };
    await escopo.register(contasPaginas, opcoes);
    await escopo.register(contaPaginas, opcoes);
    await escopo.register(inspecaoPaginas, opcoes);
    await escopo.register(requerimentoPaginas, opcoes);
    await escopo.register(processoPaginas, opcoes);
    await escopo.register(portalPaginas, opcoes);
    await escopo.register(obrigacoesPaginas, opcoes);
    await escopo.register(presencaPaginas, opcoes);
    await escopo.register(acompanhamentoPaginas, opcoes);
    await escopo.register(credenciamentoPaginas, opcoes);
    await escopo.register(painelPaginas, opcoes);
    await escopo.register(calendarioPaginas, opcoes);
    await escopo.register(auditoriaPaginas, opcoes);
    await escopo.register(administracaoPaginas, opcoes);
    await escopo.register(administracaoContasPaginas, opcoes);
    if (deps.caixaDeCorreio && deps.correio.pasta) await escopo.register(correioPaginas, { pasta: deps.correio.pasta });
  });
}
