/**
 * The OpenAPI document, generated from the routes' zod schemas, and Swagger UI at /docs.
 * Each operation states who may call it: `security` lists the accepted credentials
 * (session cookie, plus the CSRF header for unsafe methods, or an API key),
 * `x-papeis` the roles, and the description starts with the same in words.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { PAPEL_DESCRICAO, type Papel } from '../auth/ator';

const SEGUROS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Transform = typeof jsonSchemaTransform;

const comPapeis: Transform = (args) => {
  const transformado = jsonSchemaTransform(args);
  const config = (args.route.config ?? {}) as { papeis?: readonly Papel[]; publica?: boolean; auditoria?: { dadosPessoais?: boolean } };
  const schema = { ...(transformado.schema as Record<string, unknown>) };
  // A 204 has no body: documented with no content (@fastify/swagger's `type: 'null'`), not as a JSON null the answer never carries.
  const respostas = schema.response as Record<string, unknown> | undefined;
  if (respostas?.['204']) schema.response = { ...respostas, 204: { type: 'null', description: 'Sem conteúdo.' } };
  // Whether a read returns a person's data (and so is audited): plugins/auditoria.ts requires every GET to say.
  if (typeof config.auditoria?.dadosPessoais === 'boolean') schema['x-dados-pessoais'] = config.auditoria.dadosPessoais;
  const papeis = config.papeis ?? [];
  if (!papeis.length) {
    schema.security = [];
    schema['x-papeis'] = [];
    schema.description = ['**Pública**: não exige autenticação.', schema.description].filter(Boolean).join('\n\n');
    return { ...transformado, schema };
  }
  const metodos = Array.isArray(args.route.method) ? args.route.method : [args.route.method];
  const inseguro = metodos.some((m) => !SEGUROS.has(m));
  const porChave = papeis.some((p) => p !== 'administrador');
  schema.security = [
    inseguro ? { sessao: [], csrf: [] } : { sessao: [] },
    ...(porChave ? [{ chaveApi: [] }, { chaveApiCabecalho: [] }] : []),
  ];
  schema['x-papeis'] = [...papeis];
  schema.description = [`**Perfis:** ${papeis.join(', ')}.`, schema.description].filter(Boolean).join('\n\n');
  return { ...transformado, schema };
};

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'rito — API',
          description:
            'Processos administrativos da inspeção escolar: abertura, ritos, prazos legais e documentos. ' +
            'Erros sempre no formato `Erro`, com mensagens em português e o caminho de cada campo inválido.\n\n' +
            'Autenticação: pessoas entram por `POST /v1/sessoes` (cookie de sessão; envie o `csrfToken` em `X-CSRF-Token` ' +
            'nas requisições que alteram estado); sistemas usam chave de API. Cada operação lista em `x-papeis` os perfis que podem chamá-la. ' +
            'Perfis: ' +
            Object.entries(PAPEL_DESCRICAO)
              .map(([p, d]) => `\`${p}\` — ${d}`)
              .join('; ') +
            '.',
          version: '0.1.0',
        },
        tags: [
          { name: 'sistema', description: 'Saúde e prontidão' },
          { name: 'contas', description: 'Entrada, saída e senhas' },
          { name: 'processos', description: 'Abertura e consulta de processos' },
          { name: 'documentos', description: 'Documentos emitidos (HTML e PDF) e arquivos enviados' },
          { name: 'vistoria', description: 'Rito de vistoria (apostilamento de endereço, aumento de capacidade, entrada suplementar): uma rota por ação' },
          { name: 'prazos', description: 'Cálculo de prazos legais (dias, dias úteis, prorrogação, ciência tácita, visita, tempestividade) e prazos a vencer' },
          { name: 'calendario', description: 'Dias não úteis: feriados por lei e dias decretados sem expediente, que retemporizam os prazos em curso' },
          { name: 'tarefas', description: 'Decisões que as unidades devem, com seu prazo (auditoria de prazos pela supervisão)' },
          { name: 'unidades', description: 'As unidades (COOIEs e COOGIE): nome oficial, sigla, sede cujo calendário conta nos prazos, endereço e contato' },
          { name: 'administração', description: 'Contas, representações e chaves de API' },
          { name: 'credenciamento', description: 'Credenciamento de usuários externos (representante legal ou procurador de instituição; IN SEI-MEC arts. 16 a 19)' },
          { name: 'auditoria', description: 'Trilha de auditoria' },
          { name: 'alertas', description: 'Falhas de operação que precisam de um administrador' },
        ],
        components: {
          securitySchemes: {
            sessao: {
              type: 'apiKey',
              in: 'cookie',
              name: 'rito_sessao',
              description: 'Sessão criada por POST /v1/sessoes (cookie HttpOnly, Secure, SameSite=Strict).',
            },
            csrf: {
              type: 'apiKey',
              in: 'header',
              name: 'X-CSRF-Token',
              description: 'Com a sessão, obrigatório em POST, PUT, PATCH e DELETE: o csrfToken devolvido por POST /v1/sessoes e GET /v1/eu.',
            },
            chaveApi: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'rito_<prefixo>_<segredo>',
              description: 'Chave de API de um sistema cliente, criada pela administração (POST /v1/chaves-api).',
            },
            chaveApiCabecalho: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'A mesma chave de API, em cabeçalho próprio.' },
          },
        },
      },
      transform: comPapeis,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      // Swagger UI applies inline styles as it renders: under /docs only, styles may be inline (scripts stay 'self' only;
      // the rest of rito keeps style-src 'self': plugins/cabecalhos.ts).
      transformStaticCSP: (csp) => csp.replace(/style-src 'self'(?!\s*'unsafe-inline')/, "style-src 'self' 'unsafe-inline'"),
    });
  },
  { name: 'rito-openapi' },
);
