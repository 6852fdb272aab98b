import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { buildApp } from '../api/app';
import { createAutenticador } from '../api/auth';
import { correioDaConfiguracao } from '../api/contas/correio';
import type { Config } from '../config/settings';
import type { Db } from '../db/connect';
import { fecharNavegador } from '../documentos/pdf';
import { conversorDeDados } from './codec';
import { progress } from './log';

/** Password tokens travel in one URL path (POST /v1/senhas/redefinicao/{token}); they never reach the logs. */
const semToken = (url: string) => url.replace(/(\/v1\/senhas\/redefinicao\/)[^/?#]+/, '$1[omitido]');

/**
 * `codec`: the workers' (runtime/codec.ts). `temporalUiOrigem`: the Temporal UI allowed to call the codec
 * endpoint (TEMPORAL_UI_ORIGEM, or the dev server's UI under `rito dev`).
 */
export async function startApi(opts: { config: Config; db: Db; temporalAddress: string; codec: PayloadCodec; temporalUiOrigem?: string }) {
  const connection = await Connection.connect({ address: opts.temporalAddress });
  const temporal = new Client({ connection, namespace: opts.config.TEMPORAL_NAMESPACE, dataConverter: conversorDeDados(opts.codec) });
  const correio = correioDaConfiguracao(opts.config, progress);
  if (!correio.real) progress('SMTP_HOST não configurado: e-mails (senhas, convites) serão apenas registrados no log');
  const app = await buildApp(
    {
      db: opts.db,
      temporal,
      taskQueue: opts.config.TEMPORAL_TASK_QUEUE,
      autenticador: createAutenticador(opts.db),
      correio,
      urlPublica: opts.config.RITO_URL_PUBLICA ?? `http://${opts.config.HOST}:${opts.config.PORT}`,
      codecTemporal: { codec: opts.codec, namespace: opts.config.TEMPORAL_NAMESPACE, origemUi: opts.temporalUiOrigem ?? opts.config.TEMPORAL_UI_ORIGEM },
    },
    {
      trustProxy: opts.config.TRUST_PROXY,
      logger: {
        level: opts.config.LOG_LEVEL,
        // CPFs and session secrets never reach the logs.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.headers["x-csrf-token"]'],
        serializers: {
          req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
            method: req.method,
            url: semToken(req.url),
            host: req.hostname,
            remoteAddress: req.ip,
          }),
        },
      },
    },
  );
  const address = await app.listen({ host: opts.config.HOST, port: opts.config.PORT });
  return {
    app,
    address,
    async stop() {
      try {
        await app.close(); // documentos' onClose hook closes the PDF Chromium too
        await connection.close();
      } finally {
        await fecharNavegador(); // whatever app.close did, no Chromium outlives the API
      }
    },
  };
}
