/** The OpenAPI document, generated from the routes' zod schemas, and Swagger UI at /docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'rito — API',
          description:
            'Processos administrativos da inspeção escolar: abertura, ritos, prazos legais e documentos. ' +
            'Erros sempre no formato `Erro`, com mensagens em português e o caminho de cada campo inválido.',
          version: '0.1.0',
        },
        tags: [
          { name: 'sistema', description: 'Saúde e prontidão' },
          { name: 'processos', description: 'Abertura e consulta de processos' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'rito-openapi' },
);
