/**
 * One JSON shape for every error the API returns, with pt-BR messages and, for
 * validation errors, the path of each offending field.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
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
    request.log.error({ err }, 'erro não tratado');
    return reply.code(500).send({ erro: { codigo: 'interno', mensagem: 'Erro interno. Informe o requestId ao suporte.' }, requestId });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      erro: { codigo: 'rota-inexistente', mensagem: `Rota ${request.method} ${request.url.split('?')[0]} não existe.` },
      requestId: String(request.id),
    }),
  );
}
