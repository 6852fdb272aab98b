import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { processarApuracoesPendentes, sincronizarOcorrenciasDasMatriculas } from '../api/acompanhamento/service';
import { buildApp } from '../api/app';
import { ancorarCadeia, pastaAncoras } from '../api/auditoria/ancora';
import { createAutenticador } from '../api/auth';
import { iniciarCacheDeSessoes } from '../api/auth/cache-sessoes';
import { correioDaConfiguracao } from '../api/contas/correio';
import { type Config, urlPublicaDaConfiguracao } from '../config/settings';
import type { Db } from '../db/connect';
import { registrarBatimento } from '../db/batimentos';
import { fecharNavegador } from '../documentos/pdf';
import { conversorDeDados } from './codec';
import { progress } from './log';

/** Password tokens travel in one URL path (POST /v1/senhas/redefinicao/{token}); they never reach the logs. */
const semToken = (url: string) => url.replace(/(\/v1\/senhas\/redefinicao\/)[^/?#]+/, '$1[omitido]');

/**
 * `codec`: the workers' (runtime/codec.ts). `temporalUiOrigem`: the Temporal UI allowed to call the codec
 * endpoint (TEMPORAL_UI_ORIGEM, or the dev server's UI under `rito dev`). `chaveAncora`: the key that signs
 * the anchors of the audit chain (api/auditoria/ancora.ts), written every AUDITORIA_ANCORA_INTERVALO_S;
 * without it, no anchors (and a warning).
 */
export async function startApi(opts: { config: Config; db: Db; temporalAddress: string; codec: PayloadCodec; temporalUiOrigem?: string; chaveAncora?: Buffer; caixaDeCorreio?: boolean }) {
  const connection = await Connection.connect({ address: opts.temporalAddress });
  const temporal = new Client({ connection, namespace: opts.config.TEMPORAL_NAMESPACE, dataConverter: conversorDeDados(opts.codec) });
  const correio = correioDaConfiguracao(opts.config, progress);
  if (!correio.real) progress(`SMTP_HOST não configurado: os e-mails (senhas, convites) ficam em ${correio.pasta}${opts.caixaDeCorreio ? ', listados na página /correio' : ''}`);
  const app = await buildApp(
    {
      db: opts.db,
      temporal,
      taskQueue: opts.config.TEMPORAL_TASK_QUEUE,
      autenticador: createAutenticador(opts.db),
      correio,
      // The development mailbox page: only `rito dev` asks for it, and only without SMTP.
      caixaDeCorreio: opts.caixaDeCorreio === true && !correio.real,
      urlPublica: urlPublicaDaConfiguracao(opts.config),
      codecTemporal: { codec: opts.codec, namespace: opts.config.TEMPORAL_NAMESPACE, origemUi: opts.temporalUiOrigem ?? opts.config.TEMPORAL_UI_ORIGEM },
    },
    {
      trustProxy: opts.config.TRUST_PROXY,
      limites: { requisicoes: opts.config.RITO_LIMITE_REQUISICOES, anonimas: opts.config.RITO_LIMITE_ANONIMAS, janelaS: opts.config.RITO_LIMITE_JANELA_S },
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
  // Sessions cached per instance, invalidated by PostgreSQL's notifications (api/auth/cache-sessoes.ts): only against a
  // server (DATABASE_URL); the embedded PGlite has no second session to notify.
  const cacheSessoes =
    opts.config.DATABASE_URL && opts.config.RITO_SESSAO_CACHE_MS > 0
      ? await iniciarCacheDeSessoes(opts.db, opts.config.DATABASE_URL, { validadeMs: opts.config.RITO_SESSAO_CACHE_MS, aviso: (m) => app.log.warn(m) })
      : undefined;
  const address = await app.listen({ host: opts.config.HOST, port: opts.config.PORT });
  const pararAncoras = ancorarPeriodicamente(app.log, opts);
  const pararBatimentos = baterPeriodicamente(app.log, opts.db);
  const pararApuracoes = apurarPeriodicamente(app.log, { db: opts.db, temporal, taskQueue: opts.config.TEMPORAL_TASK_QUEUE });
  return {
    app,
    address,
    async stop() {
      try {
        await pararAncoras();
        await pararBatimentos();
        await pararApuracoes();
        await app.close(); // documentos' onClose hook closes the PDF Chromium too
        await cacheSessoes?.fechar();
        await connection.close();
      } finally {
        await fecharNavegador(); // whatever app.close did, no Chromium outlives the API
      }
    },
  };
}

/**
 * Anchors the audit chain's head outside the database now and every
 * AUDITORIA_ANCORA_INTERVALO_S (when it moved): a signed file in the anchors'
 * folder and a line in the log. Returns what stops it.
 */
function ancorarPeriodicamente(
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
  opts: { config: Config; db: Db; chaveAncora?: Buffer },
): () => Promise<void> {
  if (!opts.chaveAncora) {
    progress('AUDITORIA_ANCORA_CHAVE não configurada: a cabeça da trilha de auditoria não será ancorada fora do banco');
    return async () => {};
  }
  const chave = opts.chaveAncora;
  const pasta = pastaAncoras(opts.config);
  let jaAncorada: number | undefined;
  let emCurso: Promise<void> = Promise.resolve();
  const ancorar = () => {
    emCurso = ancorarCadeia(opts.db, { chave, pasta, jaAncorada })
      .then((feita) => {
        if (!feita) return;
        jaAncorada = feita.ancora.seq;
        log.info({ ancoraAuditoria: feita.ancora, arquivo: feita.arquivo }, 'âncora da trilha de auditoria');
      })
      .catch((err) => log.warn({ err }, 'falha ao ancorar a trilha de auditoria'));
  };
  ancorar();
  const timer = setInterval(ancorar, opts.config.AUDITORIA_ANCORA_INTERVALO_S * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await emCurso;
    ancorar(); // the head as the API leaves it
    await emCurso;
  };
}

/**
 * rito's own health record: the minute the API is in, written now and every
 * minute (db/batimentos.ts). The minutes without one are the outages an
 * administrator may confirm (GET /v1/calendario/indisponibilidades/detectadas).
 */
function baterPeriodicamente(log: { warn(o: object, m: string): void }, db: Db): () => Promise<void> {
  let emCurso: Promise<void> = Promise.resolve();
  const bater = () => {
    emCurso = registrarBatimento(db).catch((err) => log.warn({ err }, 'falha ao registrar o batimento do rito'));
  };
  bater();
  const timer = setInterval(bater, 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await emCurso;
  };
}

/**
 * The apuração of what the frequências lotes changed (api/acompanhamento/service.ts
 * processarApuracoesPendentes): every minute, each pending (school, month) once, however
 * many API instances run (they claim different pairs); then the matrícula movements the
 * open cases have not heard of (sincronizarOcorrenciasDasMatriculas). Counts only in the
 * log: no student.
 */
function apurarPeriodicamente(
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
  deps: Parameters<typeof processarApuracoesPendentes>[0],
): () => Promise<void> {
  let emCurso: Promise<void> = Promise.resolve();
  const apurar = () => {
    emCurso = emCurso
      .then(() => processarApuracoesPendentes(deps))
      .then(async (feitos) => {
        const ocorrencias = await sincronizarOcorrenciasDasMatriculas(deps);
        if (feitos.length || ocorrencias) {
          log.info({ escolasMes: feitos.length, casosAbertos: feitos.reduce((n, f) => n + f.casosAbertos, 0), ocorrencias }, 'apuração das frequências e movimentações recebidas por lote');
        }
      })
      .catch((err) => log.warn({ err }, 'falha na apuração das frequências recebidas por lote'));
  };
  const timer = setInterval(apurar, 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await emCurso;
  };
}
