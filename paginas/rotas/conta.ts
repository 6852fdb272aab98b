/**
 * The person's own page: who he is in rito (roles, unit) and his iCalendar
 * feed (issue 12), created, shown once and revoked through the code of
 * /v1/eu/agenda (api/agenda/routes.ts), with the same audit entries.
 */
import type { FastifyInstance } from 'fastify';
import { criarAgenda, revogarAgenda, situacaoAgenda } from '../../api/agenda/routes';
import type { Ator } from '../../api/auth/ator';
import { lerFormulario } from '../formulario-http';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor, redirecionar } from '../sessao';
import { type Mensagem, PAPEL_ROTULO, renderizar } from '../visao';
import type { FastifyReply, FastifyRequest } from 'fastify';

export default async function contaPaginas(app: FastifyInstance, deps: PaginasDeps) {
  async function pagina(request: FastifyRequest, reply: FastifyReply, ator: Ator, extra: { urlNova?: string; mensagens?: Mensagem[] } = {}) {
    return renderizar(request, reply, 'conta', {
      titulo: 'Minha conta',
      migalhas: [{ rotulo: 'Minha conta' }],
      mensagens: extra.mensagens ?? [],
      pessoa: { nome: ator.nome, papeis: ator.papeis.map((p) => PAPEL_ROTULO[p]).join(', '), unidade: ator.unidade },
      agenda: await situacaoAgenda(deps.db, ator),
      urlNova: extra.urlNova ?? null,
    });
  }

  app.get('/conta', { schema: { hide: true } }, async (request, reply) => pagina(request, reply, exigirAtor(request)));

  app.post('/conta/agenda', { schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf);
    const { url } = await criarAgenda(deps.db, request, ator, deps.urlPublica);
    // Shown once: only its hash is kept. Not a redirect, so that the secret never goes into a URL of this site.
    return pagina(request, reply, ator, { urlNova: url, mensagens: [{ tipo: 'success', texto: 'Endereço do calendário criado. Copie-o agora: ele não será mostrado de novo.' }] });
  });

  app.post('/conta/agenda/revogar', { schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf);
    await revogarAgenda(deps.db, request, ator);
    return redirecionar(reply, '/conta');
  });
}
