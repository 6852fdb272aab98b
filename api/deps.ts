import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Db } from '../db/connect';
import type { ArmazenamentoArquivos } from '../documentos/arquivos';
import type { Autenticador } from './auth/ator';
import type { Correio } from './contas/correio';

/** What the API needs from the outside world; tests pass their own. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  autenticador: Autenticador;
  /** Outgoing e-mail; without it, messages only go to the log. */
  correio?: Correio;
  /** Show the development mailbox page (/correio) when mail is kept in a folder: `rito dev` only, never a deployment. */
  caixaDeCorreio?: boolean;
  /** Public base URL for links in e-mails (default: the address the API listens on is unknown here, so http://127.0.0.1:3000). */
  urlPublica?: string;
  /**
   * The instant an act is received, which decides its timeliness (seed 002 art. 18).
   * The real clock; tests on the time-skipping server pass the server's clock.
   */
  relogio?: () => number | Promise<number>;
  /** Uploaded files; default: criarArmazenamentoArquivos({ db }) with RITO_FILES_DIR and RITO_FILES_MAX_BYTES. */
  arquivos?: ArmazenamentoArquivos;
  /**
   * The codec that encrypts what rito sends to Temporal (runtime/codec.ts), served to the Temporal UI at
   * /v1/temporal/codec (api/temporal/codec.ts); `origemUi` is the UI's origin allowed by CORS. Without it, no such routes.
   */
  codecTemporal?: { codec: PayloadCodec; namespace: string; origemUi?: string };
}
