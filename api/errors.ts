/**
 * One JSON shape for every error the API returns, with pt-BR messages and, for
 * validation errors, the path of each offending field.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErroEntrada } from '../rules/calendario';

export interface CampoInvalido {
  campo: string;
  mensagem: string;
}

export const erroSchema = z
  .object({
    erro: z.object({
      codigo: z.string().describe('Código estável do erro, para programas'),
      mensagem: z.string().describe('Explicação em português para pessoas'),
      campos: z.array(z.object({ campo: z.string(), mensagem: z.string() })).optional(),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'Erro' });

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly codigo: string,
    mensagem: string,
    readonly campos?: CampoInvalido[],
  ) {
    super(mensagem);
  }
}

export const naoEncontrado = (o: string) => new HttpError(404, 'nao-encontrado', `${o} não encontrado.`);
export const conflito = (codigo: string, mensagem: string) => new HttpError(409, codigo, mensagem);
export const invalido = (campos: CampoInvalido[], mensagem = 'Dados inválidos.') =>
  new HttpError(400, 'validacao', mensagem, campos);

/**
 * An engine input error (rules/calendario, rules/prazos) as a 400 naming the
 * field as the caller sent it: `diasDecretados[2].data` → `diasDecretados.2.data`
 * (the path style of every validation error of the API); `renomear` maps engine
 * names to other parts of the request (e.g. `local.uf` → `query.uf`).
 */
export function erroDeEntrada(e: ErroEntrada, renomear: Record<string, string> = {}) {
  const campo = renomear[e.campo] ?? (e.campo === 'entrada' ? '(raiz)' : e.campo.replace(/\[(\d+)\]/g, '.$1'));
  return invalido([{ campo, mensagem: e.detalhe }]);
}

/** Runs `f`, answering an engine input error as erroDeEntrada does. */
export async function traduzindoErros<R>(f: () => Promise<R>, renomear?: Record<string, string>): Promise<R> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ErroEntrada) throw erroDeEntrada(e, renomear);
    throw e;
  }
}

const partName: Record<string, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

/** Seconds a client is told to wait when PostgreSQL cannot be reached. */
export const ESPERA_BANCO_INDISPONIVEL_S = 5;

/** Error codes of a PostgreSQL that is down, restarting or out of connections, and of a network that does not reach it. */
const CODIGOS_BANCO_INDISPONIVEL = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
]);
const MENSAGENS_BANCO_INDISPONIVEL = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error says PostgreSQL is out of reach (rather than that a query is
 * wrong): such a request may well succeed in a moment, so it is answered 503
 * with Retry-After, not 500. Looks through `cause` and AggregateError members,
 * as Node wraps a refused connection to each address of a host.
 */
export function bancoIndisponivel(err: unknown, profundidade = 0): boolean {
  if (!err || typeof err !== 'object' || profundidade > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CODIGOS_BANCO_INDISPONIVEL.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && MENSAGENS_BANCO_INDISPONIVEL.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => bancoIndisponivel(x, profundidade + 1))) return true;
  return bancoIndisponivel(e.cause, profundidade + 1);
}

/**
 * Errors Fastify's router raises before any route or hook runs (a path
 * parameter over maxParamLength, a malformed URL): answered in the API's error
 * shape instead of Fastify's. Passed to Fastify as `frameworkErrors`.
 */
export const errosDoRoteador: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, request, resposta) => {
  const requestId = String(request.id);
  const reply = resposta as FastifyReply;
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.code(414).send({ erro: { codigo: 'endereco-longo', mensagem: 'Um segmento do endereço da requisição passa de 100 caracteres.' }, requestId });
  }
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_INVALID_URL') {
    return reply.code(400).send({ erro: { codigo: 'endereco-invalido', mensagem: 'O endereço da requisição não é válido (codificação % incorreta).' }, requestId });
  }
  request.log.error({ err }, 'erro do roteador');
  return reply.code(500).send({ erro: { codigo: 'interno', mensagem: 'Erro interno. Informe o requestId ao suporte.' }, requestId });
};

/** A route's path ("/v1/processos/:id/vistoria/autuar", "/docs/*") as a regular expression over request paths. */
function padraoDaRota(url: string): RegExp {
  const partes = url.split(/(:[A-Za-z_]\w*(?:\([^)]*\))?|\*)/);
  const corpo = partes
    .map((p) => (p === '*' ? '.*' : p.startsWith(':') ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${corpo}$`);
}

/**
 * A multipart body busboy cannot read (a Content-Type without its boundary, a body cut short): @fastify/multipart
 * passes busboy's plain errors on, which would answer 500 (found by contract fuzzing: test/api/contrato.test.ts).
 */
export function multipartMalformado(err: unknown): boolean {
  return err instanceof Error && !('statusCode' in err) && /^Multipart: |unexpected end of multipart data/i.test(err.message);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    const requestId = String(request.id);
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({
        erro: { codigo: err.codigo, mensagem: err.message, ...(err.campos ? { campos: err.campos } : {}) },
        requestId,
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const prefix = partName[err.validationContext ?? 'body'] ?? '';
      const campos = err.validation.map((v) => {
        // fastify-type-provider-zod 7 puts the issue's path in instancePath ("/a/b"); older versions in params.issue.
        const issue = (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue;
        const path = issue?.path ?? (v.instancePath ?? '').split('/').filter(Boolean);
        return { campo: prefix + (path.length ? path.map(String).join('.') : '(raiz)'), mensagem: v.message ?? 'inválido' };
      });
      return reply.code(400).send({ erro: { codigo: 'validacao', mensagem: 'Dados inválidos.', campos }, requestId });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'resposta fora do esquema');
      return reply.code(500).send({ erro: { codigo: 'interno', mensagem: 'Erro interno.' }, requestId });
    }
    if ('statusCode' in err && err.statusCode && err.statusCode < 500) {
      const mensagem =
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Tipo de conteúdo não suportado; envie application/json.'
          : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
            ? 'Corpo da requisição não é um JSON válido.'
            : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
              ? 'Corpo da requisição grande demais.'
              : 'Requisição inválida.';
      return reply.code(err.statusCode).send({ erro: { codigo: 'requisicao-invalida', mensagem }, requestId });
    }
    if (multipartMalformado(err)) {
      return reply.code(400).send({
        erro: { codigo: 'multipart-invalido', mensagem: 'Corpo multipart/form-data malformado: sem boundary no Content-Type, ou incompleto.' },
        requestId,
      });
    }
    if (bancoIndisponivel(err)) {
      request.log.warn({ err }, 'banco de dados indisponível');
      return reply
        .code(503)
        .header('retry-after', String(ESPERA_BANCO_INDISPONIVEL_S))
        .send({ erro: { codigo: 'banco-indisponivel', mensagem: 'O banco de dados está indisponível no momento. Tente de novo em alguns segundos.' }, requestId });
    }
    request.log.error({ err }, 'erro não tratado');
    return reply.code(500).send({ erro: { codigo: 'interno', mensagem: 'Erro interno. Informe o requestId ao suporte.' }, requestId });
  });

  // Every route's path and methods, to tell "no such path" (404) from "not with this method" (405).
  const rotas = new Map<string, { padrao: RegExp; metodos: Set<string> }>();
  app.addHook('onRoute', (route) => {
    const metodos = Array.isArray(route.method) ? route.method : [route.method];
    const r = rotas.get(route.url) ?? { padrao: padraoDaRota(route.url), metodos: new Set<string>() };
    for (const m of metodos) r.metodos.add(m.toUpperCase());
    if (r.metodos.has('GET')) r.metodos.add('HEAD');
    rotas.set(route.url, r);
  });
  const metodosDoCaminho = (caminho: string): string[] => {
    const metodos = new Set<string>();
    for (const r of rotas.values()) if (r.padrao.test(caminho)) for (const m of r.metodos) metodos.add(m);
    return [...metodos].sort();
  };

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const caminho = request.url.split('?')[0];
    const permitidos = metodosDoCaminho(caminho);
    if (permitidos.length && !permitidos.includes(request.method)) {
      return reply
        .code(405)
        .header('allow', permitidos.join(', '))
        .send({
          erro: { codigo: 'metodo-nao-permitido', mensagem: `O método ${request.method} não se aplica a ${caminho}; use ${permitidos.join(', ')}.` },
          requestId: String(request.id),
        });
    }
    return reply.code(404).send({
      erro: { codigo: 'rota-inexistente', mensagem: `Rota ${request.method} ${caminho} não existe.` },
      requestId: String(request.id),
    });
  });
}
