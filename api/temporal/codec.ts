/**
 * The codec server for the Temporal UI (its "remote codec endpoint" protocol):
 * POST /v1/temporal/codec/decode and /encode take `{ payloads: [...] }`, each
 * payload as protobuf JSON (`metadata` values and `data` in base64), and answer
 * the same shape, decrypted or encrypted with rito's keys (runtime/codec.ts).
 *
 * Only administradores and supervisores, with their rito session: in the
 * Temporal UI, Settings → Codec Server → endpoint `<rito>/v1/temporal/codec`,
 * with "Include cross-origin credentials" on (and "Pass the user access token"
 * off). The UI's origin (TEMPORAL_UI_ORIGEM; the dev server's UI under
 * `rito dev`) is the only one CORS allows. The UI cannot send X-CSRF-Token; it
 * sends X-Namespace, which a browser only sends cross-origin after the
 * preflight allowed it, and which stands for the token here
 * (plugins/autenticacao.ts: config.csrfCabecalho). Each call is audited: a
 * decode shows personal data.
 */
import type { PayloadCodec } from '@temporalio/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { erroSchema, HttpError } from '../errors';

const base64 = z.string().max(4 * 1024 * 1024).regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'deve estar em base64');
const payloadJson = z
  .object({
    metadata: z.record(z.string().max(200), base64).optional(),
    data: base64.optional(),
  })
  .meta({ id: 'PayloadTemporal' });
const corpo = z.object({ payloads: z.array(payloadJson).max(10_000) }).meta({ id: 'PayloadsTemporal' });
type PayloadJson = z.infer<typeof payloadJson>;

const deB64 = (s: string | undefined) => new Uint8Array(Buffer.from(s ?? '', 'base64'));
const paraB64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('base64');
const doJson = (p: PayloadJson) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, deB64(v)])),
  data: deB64(p.data),
});
const paraJson = (p: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, paraB64(v)])),
  data: paraB64(p.data),
});

export interface OpcoesCodecTemporal {
  codec: PayloadCodec;
  /** The Temporal namespace rito uses (named in the audit entry). */
  namespace: string;
  /** The Temporal UI's origin allowed by CORS; none when absent. */
  origemUi?: string;
}

const QUEM = ['administrador', 'supervisor'] as const;
const CABECALHO_NAMESPACE = 'x-namespace';

const codecTemporalRoutes: FastifyPluginAsyncZod<OpcoesCodecTemporal> = async (app, { codec, namespace, origemUi }) => {
  // CORS for the Temporal UI only (this plugin's routes).
  app.addHook('onRequest', async (request, reply) => {
    const origem = request.headers.origin;
    if (!origemUi || origem !== origemUi) return;
    reply.header('access-control-allow-origin', origem).header('access-control-allow-credentials', 'true').header('vary', 'Origin');
  });

  for (const sentido of ['decode', 'encode'] as const) {
    app.options(`/${sentido}`, { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
      if (origemUi && request.headers.origin === origemUi) {
        reply
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', `content-type, ${CABECALHO_NAMESPACE}`)
          .header('access-control-max-age', '600');
      }
      return reply.code(204).send();
    });

    app.post(
      `/${sentido}`,
      {
        config: {
          papeis: QUEM,
          csrfCabecalho: CABECALHO_NAMESPACE,
          auditoria: { acao: sentido === 'decode' ? 'temporal.decodificar' : 'temporal.codificar', recurso: 'temporal' },
        },
        schema: {
          tags: ['administração'],
          summary:
            sentido === 'decode'
              ? 'Codec da interface do Temporal: decifra payloads do histórico (entradas dos processos, com dados pessoais)'
              : 'Codec da interface do Temporal: cifra payloads com a chave atual',
          description:
            'Protocolo de "remote codec endpoint" da interface web do Temporal: `{ payloads: [{ metadata, data }] }` com os bytes em base64. ' +
            'Configure na interface o endereço `/v1/temporal/codec`, com credenciais entre origens (o cookie de sessão do rito). ' +
            'Com a sessão, envie `X-Namespace` (a interface o envia) no lugar de `X-CSRF-Token`. Cada chamada é auditada.',
          body: corpo,
          response: { 200: corpo, 400: erroSchema, 401: erroSchema, 403: erroSchema },
        },
      },
      async (request) => {
        const entrada = request.body.payloads.map(doJson);
        let saida;
        try {
          saida = sentido === 'decode' ? await codec.decode(entrada) : await codec.encode(entrada);
        } catch (err) {
          throw new HttpError(400, 'payload-invalido', `Não foi possível ${sentido === 'decode' ? 'decifrar' : 'cifrar'} os payloads: ${(err as Error).message}`);
        }
        await request.auditar({
          resumo: `${sentido === 'decode' ? 'Decifrou' : 'Cifrou'} ${entrada.length} payload(s) do Temporal (namespace ${namespace}) para ${request.headers.origin ?? 'cliente sem Origin'}`,
          recursoId: null,
          dados: { payloads: entrada.length, namespace: request.headers[CABECALHO_NAMESPACE] ?? null },
        });
        return { payloads: saida.map(paraJson) };
      },
    );
  }
};

export default codecTemporalRoutes;
