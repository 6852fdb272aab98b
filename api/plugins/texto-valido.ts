/**
 * Refuses, before any route runs, a request whose text could not be stored:
 * a NUL or a lone surrogate in the body, the query string or the path
 * parameters (rules/texto). Checked ahead of schema validation so that no
 * handler, workflow or activity ever sees such text: once a process had
 * started with it, every retry of its first write failed the same way.
 */
import fp from 'fastify-plugin';
import { textosDefeituosos } from '../../rules/texto';
import { invalido } from '../errors';

export default fp(
  async (app) => {
    // Callback style: nothing here waits, so no promise per request (issue 16).
    app.addHook('preValidation', (request, _reply, done) => {
      const campos = [
        ...textosDefeituosos(request.body),
        ...textosDefeituosos(request.query, 'query'),
        ...textosDefeituosos(request.params, 'params'),
      ].map((d) => ({ campo: d.caminho || '(raiz)', mensagem: d.mensagem }));
      if (campos.length > 0) return done(invalido(campos, 'A requisição contém texto que não pode ser guardado.'));
      done();
    });
  },
  { name: 'texto-valido' },
);
